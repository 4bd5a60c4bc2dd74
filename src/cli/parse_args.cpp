#include "cli/parse_args.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "cli/errors.hpp"

namespace isoprobe::cli {

CLI::Validator finite_number() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            char* end = nullptr;
            const double value = std::strtod(text.c_str(), &end);
            if (text.empty() || end != text.c_str() + text.size()) return "'" + text + "' is not a number";
            if (!std::isfinite(value)) return "'" + text + "' is not a finite number";
            return {};
        },
        "FINITE");
}

MacAddr parse_mac_arg(const std::string& option, const std::string& text) {
    auto mac = MacAddr::parse(text);
    if (!mac) throw UserError(option + ": '" + text + "' is not a MAC address (expected aa:bb:cc:dd:ee:ff)");
    return *mac;
}

std::pair<IpAddr, int> parse_cidr_arg(const std::string& option, const std::string& text) {
    auto slash = text.find('/');
    auto ip = IpAddr::parse(text.substr(0, slash));
    int bits = -1;
    if (slash != std::string::npos) {
        const char* b = text.data() + slash + 1;
        const char* e = text.data() + text.size();
        auto [ptr, ec] = std::from_chars(b, e, bits);
        if (ec != std::errc{} || ptr != e) bits = -1;
    }
    if (!ip || ip->family != 4 || bits < 0 || bits > 32)
        throw UserError(option + ": '" + text + "' is not an IPv4 subnet (expected e.g. 198.51.100.0/24)");
    return {*ip, bits};
}

analyze::RoleHints parse_role_hints(const std::string& self, const std::vector<std::string>& infra,
                                    const std::vector<std::string>& gateways, const std::string& subnet) {
    analyze::RoleHints h;
    if (!self.empty()) h.self = parse_mac_arg("--self", self);
    for (const auto& m : infra)
        h.infra.push_back(parse_mac_arg("--infra", m));
    for (const auto& m : gateways)
        h.gateways.push_back(parse_mac_arg("--gateway", m));
    if (!subnet.empty()) h.subnet = parse_cidr_arg("--subnet", subnet);
    return h;
}

} // namespace isoprobe::cli
