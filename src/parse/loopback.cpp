// BSD loopback encapsulation (tcpdump.org/linktypes.html LINKTYPE_NULL, LINKTYPE_LOOP).
#include "parse/loopback.hpp"

namespace isoprobe::parse {

namespace {
constexpr std::uint32_t k_af_inet = 2;
// AF_INET6 differs per system: NetBSD/OpenBSD/BSD/OS 24, FreeBSD/DragonFly 28, macOS 30 (libpcap pcap/bpf.h
// notes).
constexpr std::uint32_t k_af_inet6[] = {24, 28, 30};
} // namespace

Expected<EtherPayload, ParseError> parse_loopback(Bytes frame, bool network_byte_order) {
    ByteReader r(frame);
    std::uint32_t family = network_byte_order ? r.u32be() : r.u32le();
    if (r.failed()) return unexpected(ParseError::truncated);
    // Families are small numbers: one read from a big-endian host shows in the high bytes.
    if (!network_byte_order && family > 0xffff)
        family = (family >> 24) | ((family >> 8) & 0xff00) | ((family << 8) & 0xff0000) | (family << 24);
    if (family == k_af_inet) return EtherPayload{k_ethertype_ipv4, r.rest()};
    for (auto v6 : k_af_inet6)
        if (family == v6) return EtherPayload{k_ethertype_ipv6, r.rest()};
    return unexpected(ParseError::unsupported);
}

} // namespace isoprobe::parse
