// Parsing of address arguments shared by the subcommands; bad values throw UserError with one clear line.
#pragma once
#include <string>
#include <vector>

#include "analyze/stations.hpp"

namespace isoprobe::cli {

MacAddr parse_mac_arg(const std::string& option, const std::string& text);
std::pair<IpAddr, int> parse_cidr_arg(const std::string& option, const std::string& text);
analyze::RoleHints parse_role_hints(const std::string& self, const std::vector<std::string>& infra, const std::string& subnet);

} // namespace isoprobe::cli
