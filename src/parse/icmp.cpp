// ICMP (RFC 792) and ICMPv6 (RFC 4443 2.1, 3; redirect per RFC 4861 4.5).
#include "parse/icmp.hpp"

#include "parse/ipv4.hpp"
#include "parse/ipv6.hpp"

namespace isoprobe::parse {

namespace {

// ICMP messages that quote the IP header of the datagram that caused them (RFC 792; RFC 4443 3.1-3.4).
constexpr std::uint8_t k_icmp_source_quench = 4, k_icmp_parameter_problem = 12;
constexpr std::uint8_t k_icmpv6_last_error =
    4; // types 1..4: unreachable, too big, time exceeded, parameter problem

bool quotes_v4_header(std::uint8_t type) {
    return type == k_icmp_unreachable || type == k_icmp_source_quench || type == k_icmp_redirect ||
           type == k_icmp_time_exceeded || type == k_icmp_parameter_problem;
}

void read_quoted_v4(Bytes quoted, IcmpMessage& m) {
    const auto inner = parse_ipv4(quoted);
    if (!inner) return;
    m.inner_src = inner->src;
    m.inner_dst = inner->dst;
    m.inner_protocol = inner->protocol;
}

void read_quoted_v6(Bytes quoted, IcmpMessage& m) {
    const auto inner = parse_ipv6(quoted);
    if (!inner) return;
    m.inner_src = inner->src;
    m.inner_dst = inner->dst;
    // The quote may stop inside the extension headers; the first next header is then the best we know.
    const auto upper = skip_ipv6_extensions(inner->next_header, inner->payload);
    m.inner_protocol = upper ? upper->protocol : inner->next_header;
}

} // namespace

Expected<IcmpMessage, ParseError> parse_icmp(Bytes message) {
    ByteReader r(message);
    IcmpMessage m;
    m.type = r.u8();
    m.code = r.u8();
    r.skip(2); // checksum
    const Bytes rest_of_header = r.take(4);
    if (r.failed()) return unexpected(ParseError::truncated);
    if (m.type == k_icmp_redirect) m.gateway = IpAddr::v4(rest_of_header);
    if (quotes_v4_header(m.type)) read_quoted_v4(r.rest(), m);
    return m;
}

Expected<IcmpMessage, ParseError> parse_icmpv6(Bytes message) {
    ByteReader r(message);
    IcmpMessage m;
    m.type = r.u8();
    m.code = r.u8();
    r.skip(2); // checksum
    if (r.failed()) return unexpected(ParseError::truncated);
    if (m.type >= 1 && m.type <= k_icmpv6_last_error) {
        r.skip(4); // unused, MTU or pointer
        read_quoted_v6(r.rest(), m);
    } else if (m.type == k_ndp_neighbor_advertisement) {
        m.router_flag = (r.u8() & 0x80) != 0;
    } else if (m.type == k_ndp_redirect) {
        r.skip(4); // reserved
        const Bytes target = r.take(16), destination = r.take(16);
        if (r.ok()) {
            m.gateway = IpAddr::v6(target);
            m.inner_dst = IpAddr::v6(destination);
        }
    }
    return m;
}

} // namespace isoprobe::parse
