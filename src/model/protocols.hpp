// The protocol labels a conversation is reported with, and their names (docs/report.md): one table that the
// decoder sets and every renderer and the history read.
#pragma once
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace isoprobe::model {

// Application-level labels; names are the report's protocol names (docs/report.md).
enum class Proto : std::uint8_t {
    arp,
    icmp,
    icmpv6,
    ndp,
    mdns,
    llmnr,
    nbns,
    ssdp,
    wsd,
    smb,
    netbios_ssn,
    tcp,
    udp,
    ip,
    l2,
    dhcp,
    dns,
    eapol,
    stp,
    lldp,
    cdp,
    count_
};
std::string_view proto_name(Proto p);
using ProtoSet = std::bitset<static_cast<std::size_t>(Proto::count_)>;
inline bool has(const ProtoSet& s, Proto p) {
    return s[static_cast<std::size_t>(p)]; // a Proto is in range: no checked test()
}
// The names of the labels in `s`, sorted: the report's order.
std::vector<std::string_view> protocol_names(const ProtoSet& s);
// The same names joined, for text and history keys.
std::string protocols_text(const ProtoSet& s, std::string_view separator = ",");

} // namespace isoprobe::model
