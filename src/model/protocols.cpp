#include "model/protocols.hpp"

#include <algorithm>
#include <iterator>

namespace isoprobe::model {

namespace {
constexpr std::string_view k_proto_names[]{
    "arp", "icmp", "icmpv6", "ndp", "mdns", "llmnr", "nbns",  "ssdp", "wsd",  "smb", "netbios_ssn",
    "tcp", "udp",  "ip",     "l2",  "dhcp", "dns",   "eapol", "stp",  "lldp", "cdp",
};
static_assert(std::size(k_proto_names) == static_cast<std::size_t>(Proto::count_));
} // namespace

std::string_view proto_name(Proto p) {
    const auto i = static_cast<std::size_t>(p);
    return i < std::size(k_proto_names) ? k_proto_names[i] : "unknown";
}

std::vector<std::string_view> protocol_names(const ProtoSet& s) {
    std::vector<std::string_view> names;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s.test(i)) names.push_back(proto_name(static_cast<Proto>(i)));
    std::sort(names.begin(), names.end());
    return names;
}

std::string protocols_text(const ProtoSet& s, std::string_view separator) {
    std::string out;
    for (auto name : protocol_names(s))
        out.append(out.empty() ? "" : separator).append(name);
    return out;
}

} // namespace isoprobe::model
