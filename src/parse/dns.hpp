// DNS message header (RFC 1035 4.1.1), also the header of mDNS (RFC 6762 18) and LLMNR (RFC 4795 2.1.1).
#pragma once
#include <cstdint>

#include "parse/error.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

struct DnsHeader {
    std::uint16_t id = 0;
    std::uint16_t flags = 0; // QR, opcode, AA/C, TC, RD/T, RA, Z, AD, CD, RCODE

    bool response() const { return (flags & 0x8000) != 0; } // QR
};

// A DNS message over UDP; truncated below its 12-byte header (the counts are not needed, so not kept).
Expected<DnsHeader, ParseError> parse_dns_header(Bytes message);
// Over TCP a 2-byte length prefixes the message (RFC 1035 4.2.2); only a segment starting a message has it.
Expected<DnsHeader, ParseError> parse_dns_tcp_header(Bytes segment_payload);

} // namespace isoprobe::parse
