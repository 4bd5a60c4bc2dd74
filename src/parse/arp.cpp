// ARP for IPv4 over IEEE 802 networks (RFC 826).
#include "parse/arp.hpp"

#include "parse/ethernet.hpp"

namespace isoprobe::parse {

namespace {
// Hardware types (IANA arp-parameters): Ethernet and IEEE 802 share the 6-byte MAC format.
constexpr std::uint16_t k_hrd_ethernet = 1, k_hrd_ieee802 = 6;
} // namespace

Expected<ArpInfo, ParseError> parse_arp(Bytes packet) {
    ByteReader r(packet);
    const std::uint16_t hrd = r.u16be();
    const std::uint16_t pro = r.u16be();
    const std::uint8_t hln = r.u8();
    const std::uint8_t pln = r.u8();
    ArpInfo a;
    a.op = r.u16be();
    if (r.failed()) return unexpected(ParseError::truncated);
    if ((hrd != k_hrd_ethernet && hrd != k_hrd_ieee802) || pro != k_ethertype_ipv4 || hln != 6 || pln != 4)
        return unexpected(ParseError::unsupported);
    const Bytes sha = r.take(6), spa = r.take(4), tha = r.take(6), tpa = r.take(4);
    if (r.failed()) return unexpected(ParseError::truncated);
    a.sender_mac = MacAddr::from(sha);
    a.sender_ip = IpAddr::v4(spa);
    a.target_mac = MacAddr::from(tha);
    a.target_ip = IpAddr::v4(tpa);
    return a;
}

} // namespace isoprobe::parse
