// UDP header (RFC 768).
#pragma once
#include <cstdint>

#include "parse/error.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

struct UdpHeader {
    std::uint16_t sport = 0, dport = 0;
    Bytes payload; // trimmed to the length field when that fits
};

// Truncated below 8 bytes. A length field beyond the captured bytes, or below 8 (0 in IPv6 jumbograms, RFC
// 2675), keeps the bytes that are there.
Expected<UdpHeader, ParseError> parse_udp(Bytes datagram);

} // namespace isoprobe::parse
