// Parsing of address arguments shared by the subcommands; bad values throw UserError with one clear line.
#pragma once
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "analyze/stations.hpp"

namespace isoprobe::cli {

// For every floating option, before its CLI::Range: a range lets nan through (every comparison with nan is
// false), and this check also applies to the same keys in a config file.
CLI::Validator finite_number();
MacAddr parse_mac_arg(const std::string& option, const std::string& text);
std::pair<IpAddr, int> parse_cidr_arg(const std::string& option, const std::string& text);
analyze::RoleHints parse_role_hints(const std::string& self, const std::vector<std::string>& infra,
                                    const std::vector<std::string>& gateways, const std::string& subnet);

} // namespace isoprobe::cli
