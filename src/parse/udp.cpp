// UDP header (RFC 768).
#include "parse/udp.hpp"

namespace isoprobe::parse {

namespace {
constexpr std::size_t k_header = 8;
} // namespace

Expected<UdpHeader, ParseError> parse_udp(Bytes datagram) {
    ByteReader r(datagram);
    UdpHeader h;
    h.sport = r.u16be();
    h.dport = r.u16be();
    const std::size_t length = r.u16be();
    r.skip(2); // checksum
    if (r.failed()) return unexpected(ParseError::truncated);
    h.payload = r.rest();
    if (length >= k_header && length - k_header < h.payload.size())
        h.payload = h.payload.first(length - k_header);
    return h;
}

} // namespace isoprobe::parse
