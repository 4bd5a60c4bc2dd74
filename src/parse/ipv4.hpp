// IPv4 header (RFC 791 3.1); protocol numbers from the IANA registry, shared with IPv6 next headers.
#pragma once
#include <cstdint>

#include "parse/error.hpp"
#include "util/addr.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

inline constexpr std::uint8_t k_ipproto_icmp = 1, k_ipproto_tcp = 6, k_ipproto_udp = 17,
                              k_ipproto_icmpv6 = 58,
                              k_ipproto_vrrp = 112; // VRRP (RFC 5798) and CARP share it

struct Ipv4Header {
    IpAddr src, dst;
    std::uint8_t protocol = 0;
    std::uint8_t ttl = 0;
    std::uint16_t fragment_offset = 0; // in 8-byte units; only offset 0 carries the transport header
    bool more_fragments = false;
    Bytes payload; // trimmed to the total length, which drops Ethernet padding

    bool first_fragment() const { return fragment_offset == 0; }
};

// Bad value: version not 4. Bad length: IHL below 5, or a total length shorter than the header. Truncated:
// fewer bytes than the IHL says. A total length beyond the captured bytes (snaplen) or of 0 (TCP segmentation
// offload) keeps what is there.
Expected<Ipv4Header, ParseError> parse_ipv4(Bytes packet);

} // namespace isoprobe::parse
