// ICMP (RFC 792) and ICMPv6 (RFC 4443 2.1, 3; redirect per RFC 4861 4.5): type, code, and what errors and
// redirects say about the packet that caused them.
#pragma once
#include <cstdint>

#include "parse/error.hpp"
#include "util/addr.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

inline constexpr std::uint8_t k_icmp_echo_reply = 0, k_icmp_unreachable = 3, k_icmp_redirect = 5,
                              k_icmp_echo_request = 8, k_icmp_time_exceeded = 11;
inline constexpr std::uint8_t k_icmpv6_echo_request = 128, k_icmpv6_echo_reply = 129;
// Neighbor Discovery (RFC 4861 4): router solicitation .. redirect.
inline constexpr std::uint8_t k_ndp_router_solicitation = 133, k_ndp_router_advertisement = 134,
                              k_ndp_neighbor_solicitation = 135, k_ndp_neighbor_advertisement = 136,
                              k_ndp_redirect = 137;

struct IcmpMessage {
    std::uint8_t type = 0, code = 0;
    IpAddr gateway; // ICMP redirect: the better first hop; ICMPv6 redirect: the target address
    // The IP header quoted by errors and ICMP redirects; for an ICMPv6 redirect, its destination address
    // only.
    IpAddr inner_src, inner_dst;
    std::uint8_t inner_protocol = 0;
    bool router_flag = false; // neighbour advertisement: the sender is a router (RFC 4861 4.4, R)
};

// Truncated below the 8-byte ICMP header. A quoted header that is missing or cut short leaves the inner
// fields empty.
Expected<IcmpMessage, ParseError> parse_icmp(Bytes message);
// Truncated below the 4-byte ICMPv6 header; the rest as for parse_icmp.
Expected<IcmpMessage, ParseError> parse_icmpv6(Bytes message);

} // namespace isoprobe::parse
