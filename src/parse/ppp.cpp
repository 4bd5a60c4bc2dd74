// PPP and Cisco HDLC framing (RFC 1661, RFC 1662; Cisco HDLC as tcpdump's print-chdlc.c reads it).
#include "parse/ppp.hpp"

namespace isoprobe::parse {

namespace {
constexpr std::uint8_t k_hdlc_all_stations = 0xff, k_hdlc_ui = 0x03;
constexpr std::uint8_t k_chdlc_unicast = 0x0f, k_chdlc_broadcast = 0x8f;
constexpr std::uint16_t k_ppp_ipv4 = 0x0021, k_ppp_ipv6 = 0x0057; // IANA PPP DLL protocol numbers
} // namespace

Expected<EtherPayload, ParseError> parse_ppp(Bytes frame) {
    ByteReader r(frame);
    const std::uint8_t first = r.u8();
    if (r.failed()) return unexpected(ParseError::truncated);
    if (first == k_chdlc_unicast || first == k_chdlc_broadcast) {
        r.skip(1); // control
        const std::uint16_t ethertype = r.u16be();
        if (r.failed()) return unexpected(ParseError::truncated);
        if (ethertype != k_ethertype_ipv4 && ethertype != k_ethertype_ipv6)
            return unexpected(ParseError::unsupported);
        return EtherPayload{ethertype, r.rest()};
    }
    ByteReader p(frame);
    if (first == k_hdlc_all_stations) {
        p.skip(1);
        if (p.u8() != k_hdlc_ui)
            return unexpected(p.failed() ? ParseError::truncated : ParseError::unsupported);
    }
    // An odd first byte is a compressed one-byte protocol field (RFC 1661 6.5).
    std::uint16_t protocol = p.u8();
    if ((protocol & 1) == 0) protocol = static_cast<std::uint16_t>(protocol << 8 | p.u8());
    if (p.failed()) return unexpected(ParseError::truncated);
    if (protocol == k_ppp_ipv4) return EtherPayload{k_ethertype_ipv4, p.rest()};
    if (protocol == k_ppp_ipv6) return EtherPayload{k_ethertype_ipv6, p.rest()};
    return unexpected(ParseError::unsupported);
}

} // namespace isoprobe::parse
