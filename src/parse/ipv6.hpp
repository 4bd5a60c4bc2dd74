// IPv6 header and extension headers (RFC 8200 3, 4.3-4.6).
#pragma once
#include <cstdint>

#include "parse/error.hpp"
#include "util/addr.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

inline constexpr std::size_t k_max_ipv6_extensions = 8;

struct Ipv6Header {
    IpAddr src, dst;
    std::uint8_t next_header = 0;
    std::uint8_t hop_limit = 0;
    Bytes payload; // trimmed to the payload length, which drops Ethernet padding
};

// The fixed 40-byte header. Bad value: version not 6. A payload length beyond the captured bytes (snaplen) or
// of 0 (jumbogram, RFC 2675) keeps what is there.
Expected<Ipv6Header, ParseError> parse_ipv6(Bytes packet);

struct Ipv6Upper {
    std::uint8_t protocol = 0;  // the final next header
    bool first_fragment = true; // false for a fragment at a non-zero offset: no upper-layer header in it
    Bytes payload;
};

// Walks hop-by-hop, routing, fragment and destination options headers (at most k_max_ipv6_extensions, else
// malformed) to the upper-layer protocol. Truncated when an extension header is incomplete.
Expected<Ipv6Upper, ParseError> skip_ipv6_extensions(std::uint8_t next_header, Bytes payload);

} // namespace isoprobe::parse
