// DNS message header (RFC 1035 4.1.1), also the header of mDNS (RFC 6762 18) and LLMNR (RFC 4795 2.1.1).
#include "parse/dns.hpp"

namespace isoprobe::parse {

Expected<DnsHeader, ParseError> parse_dns_header(Bytes message) {
    ByteReader r(message);
    DnsHeader h;
    h.id = r.u16be();
    h.flags = r.u16be();
    r.skip(8); // section counts
    if (r.failed()) return unexpected(ParseError::truncated);
    return h;
}

Expected<DnsHeader, ParseError> parse_dns_tcp_header(Bytes segment_payload) {
    ByteReader r(segment_payload);
    r.skip(2); // length
    if (r.failed()) return unexpected(ParseError::truncated);
    return parse_dns_header(r.rest());
}

} // namespace isoprobe::parse
