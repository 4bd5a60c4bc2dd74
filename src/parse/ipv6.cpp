// IPv6 header and extension headers (RFC 8200 3, 4.3-4.6).
#include "parse/ipv6.hpp"

namespace isoprobe::parse {

namespace {
constexpr std::uint8_t k_hop_by_hop = 0, k_routing = 43, k_fragment = 44, k_destination = 60;
constexpr std::uint16_t k_fragment_offset_mask = 0xfff8;
} // namespace

Expected<Ipv6Header, ParseError> parse_ipv6(Bytes packet) {
    ByteReader r(packet);
    const std::uint32_t first_word = r.u32be();
    const std::size_t payload_length = r.u16be();
    Ipv6Header h;
    h.next_header = r.u8();
    h.hop_limit = r.u8();
    const Bytes src = r.take(16), dst = r.take(16);
    if (r.failed()) return unexpected(ParseError::truncated);
    if ((first_word >> 28) != 6) return unexpected(ParseError::bad_value);
    h.src = IpAddr::v6(src);
    h.dst = IpAddr::v6(dst);
    h.payload = r.rest();
    if (payload_length != 0 && payload_length < h.payload.size()) h.payload = h.payload.first(payload_length);
    return h;
}

Expected<Ipv6Upper, ParseError> skip_ipv6_extensions(std::uint8_t next_header, Bytes payload) {
    Ipv6Upper out;
    for (std::size_t n = 0;; ++n) {
        if (next_header != k_hop_by_hop && next_header != k_routing && next_header != k_fragment &&
            next_header != k_destination)
            break;
        if (n == k_max_ipv6_extensions) return unexpected(ParseError::malformed);
        ByteReader r(payload);
        const std::uint8_t following = r.u8();
        if (next_header == k_fragment) {
            r.skip(1); // reserved
            if ((r.u16be() & k_fragment_offset_mask) != 0) out.first_fragment = false;
            r.skip(4); // identification
        } else {
            // Hdr Ext Len counts 8-octet units after the first 8 octets (RFC 8200 4.3, 4.4, 4.6).
            r.skip(std::size_t{r.u8()} * 8 + 6);
        }
        if (r.failed()) return unexpected(ParseError::truncated);
        next_header = following;
        payload = r.rest();
        // A later fragment's bytes continue the upper-layer data: nothing after it is a header.
        if (!out.first_fragment) break;
    }
    out.protocol = next_header;
    out.payload = payload;
    return out;
}

} // namespace isoprobe::parse
