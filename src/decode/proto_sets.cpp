// Reduction of a frame's protocol labels to the report's vocabulary (docs/report.md, "protocols").
#include "decode/packet.hpp"

#include <array>

namespace isoprobe::decode {

ProtoSet most_specific(const ProtoSet& s) {
    constexpr std::array k_application{Proto::mdns, Proto::llmnr, Proto::nbns,        Proto::ssdp,
                                       Proto::wsd,  Proto::smb,   Proto::netbios_ssn, Proto::ndp};
    ProtoSet out;
    for (Proto p : k_application)
        if (has(s, p)) out.set(static_cast<std::size_t>(p));
    if (out.any()) return out;
    for (Proto p : {Proto::tcp, Proto::udp, Proto::icmp, Proto::icmpv6, Proto::arp})
        if (has(s, p)) out.set(static_cast<std::size_t>(p));
    if (out.any()) return out;
    if (has(s, Proto::ip)) return out.set(static_cast<std::size_t>(Proto::ip));
    if (s.any()) out.set(static_cast<std::size_t>(Proto::l2));
    return out;
}

} // namespace isoprobe::decode
