// NetBIOS name service header (RFC 1002 4.2.1.1).
#include "parse/nbns.hpp"

namespace isoprobe::parse {

Expected<NbnsHeader, ParseError> parse_nbns_header(Bytes message) {
    ByteReader r(message);
    NbnsHeader h;
    h.transaction_id = r.u16be();
    h.flags = r.u16be();
    r.skip(8); // QDCOUNT, ANCOUNT, NSCOUNT, ARCOUNT
    if (r.failed()) return unexpected(ParseError::truncated);
    return h;
}

} // namespace isoprobe::parse
