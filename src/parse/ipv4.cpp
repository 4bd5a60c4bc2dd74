// IPv4 header (RFC 791 3.1).
#include "parse/ipv4.hpp"

namespace isoprobe::parse {

namespace {
constexpr std::size_t k_min_header = 20;
constexpr std::uint16_t k_flag_mf = 0x2000, k_offset_mask = 0x1fff;
} // namespace

Expected<Ipv4Header, ParseError> parse_ipv4(Bytes packet) {
    ByteReader r(packet);
    const std::uint8_t version_ihl = r.u8();
    if (r.failed()) return unexpected(ParseError::truncated);
    const std::size_t header_length = std::size_t{version_ihl & 0x0fu} * 4;
    if ((version_ihl >> 4) != 4) return unexpected(ParseError::bad_value);
    if (header_length < k_min_header) return unexpected(ParseError::bad_length);
    r.skip(1); // DSCP/ECN
    const std::size_t total_length = r.u16be();
    r.skip(2); // identification
    const std::uint16_t fragment = r.u16be();
    Ipv4Header h;
    h.ttl = r.u8();
    h.protocol = r.u8();
    r.skip(2); // checksum
    const Bytes src = r.take(4), dst = r.take(4);
    r.skip(header_length - k_min_header); // options
    if (r.failed()) return unexpected(ParseError::truncated);
    if (total_length != 0 && total_length < header_length) return unexpected(ParseError::bad_length);
    h.src = IpAddr::v4(src);
    h.dst = IpAddr::v4(dst);
    h.more_fragments = (fragment & k_flag_mf) != 0;
    h.fragment_offset = fragment & k_offset_mask;
    h.payload = r.rest();
    if (total_length != 0 && total_length - header_length < h.payload.size())
        h.payload = h.payload.first(total_length - header_length);
    return h;
}

} // namespace isoprobe::parse
