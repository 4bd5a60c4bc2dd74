// TCP header (RFC 9293 3.1).
#include "parse/tcp.hpp"

namespace isoprobe::parse {

namespace {
constexpr std::size_t k_min_header = 20;
} // namespace

Expected<TcpHeader, ParseError> parse_tcp(Bytes segment) {
    ByteReader r(segment);
    TcpHeader h;
    h.sport = r.u16be();
    h.dport = r.u16be();
    r.skip(8); // sequence and acknowledgment numbers
    const std::size_t header_length = std::size_t{r.u8()} >> 4 << 2;
    h.flags = r.u8();
    r.skip(6); // window, checksum, urgent pointer
    if (r.failed()) return unexpected(ParseError::truncated);
    if (header_length < k_min_header) return unexpected(ParseError::bad_length);
    if (!r.skip(header_length - k_min_header)) return unexpected(ParseError::truncated); // options
    h.payload = r.rest();
    return h;
}

} // namespace isoprobe::parse
