#include "probe/frames.hpp"

#include <tins/tins.h>

namespace isoprobe::probe::frames {

namespace {
Tins::HWAddress<6> hw(const MacAddr& m) {
    return Tins::HWAddress<6>(m.b.data());
}
Tins::IPv4Address v4(const IpAddr& ip) {
    return Tins::IPv4Address(ip.str());
}
Tins::IPv6Address v6(const IpAddr& ip) {
    return Tins::IPv6Address(ip.str());
}
Tins::RawPDU raw(const std::string& s) {
    return Tins::RawPDU(reinterpret_cast<const std::uint8_t*>(s.data()),
                        static_cast<std::uint32_t>(s.size()));
}
} // namespace

Frame arp_request(const MacAddr& dst, const MacAddr& src, const IpAddr& sender_ip, const IpAddr& target_ip,
                  const std::string& marker) {
    Tins::EthernetII eth(hw(dst), hw(src));
    Tins::ARP arp(v4(target_ip), v4(sender_ip), Tins::HWAddress<6>(), hw(src));
    arp.opcode(Tins::ARP::REQUEST);
    eth /= arp;
    Frame f = eth.serialize();
    f.insert(f.end(), marker.begin(), marker.end());
    return f;
}

Frame icmp_echo(const MacAddr& dst, const MacAddr& src, const IpAddr& ip_src, const IpAddr& ip_dst,
                std::uint16_t id, std::uint16_t seq, const std::string& marker) {
    Tins::ICMP icmp(Tins::ICMP::ECHO_REQUEST);
    icmp.id(id);
    icmp.sequence(seq);
    auto pkt = Tins::EthernetII(hw(dst), hw(src)) / Tins::IP(v4(ip_dst), v4(ip_src)) / icmp / raw(marker);
    return pkt.serialize();
}

Frame icmpv6_echo(const MacAddr& dst, const MacAddr& src, const IpAddr& ip_src, const IpAddr& ip_dst,
                  std::uint16_t id, std::uint16_t seq, const std::string& marker) {
    Tins::ICMPv6 icmp(Tins::ICMPv6::ECHO_REQUEST);
    icmp.identifier(id);
    icmp.sequence(seq);
    Tins::IPv6 ip(v6(ip_dst), v6(ip_src));
    ip.hop_limit(ip_dst.is_multicast() ? 1 : 64);
    auto pkt = Tins::EthernetII(hw(dst), hw(src)) / ip / icmp / raw(marker);
    return pkt.serialize();
}

IpAddr solicited_node(const IpAddr& target) {
    std::uint8_t b[16] = {0xff,         0x02,         0,           0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0xff,
                          target.b[13], target.b[14], target.b[15]};
    return IpAddr::v6(Bytes(b, 16));
}

MacAddr multicast_mac(const IpAddr& group) {
    MacAddr m;
    if (group.family == 4)
        m.b = {0x01, 0x00, 0x5e, static_cast<std::uint8_t>(group.b[1] & 0x7f), group.b[2], group.b[3]};
    else
        m.b = {0x33, 0x33, group.b[12], group.b[13], group.b[14], group.b[15]};
    return m;
}

Frame neighbour_solicitation(const MacAddr& src, const IpAddr& ip_src, const IpAddr& target,
                             const std::string& marker) {
    IpAddr group = solicited_node(target);
    Tins::ICMPv6 ns(Tins::ICMPv6::NEIGHBOUR_SOLICIT);
    ns.target_addr(v6(target));
    ns.source_link_layer_addr(hw(src));
    // The marker travels in an option of the experimental type 253 (RFC 4727), which receivers must ignore
    // (RFC 4861 4.6); option lengths count 8-byte units including the 2-byte type and length.
    std::vector<std::uint8_t> data(marker.begin(), marker.end());
    data.resize((data.size() + 2 + 7) / 8 * 8 - 2, 0);
    ns.add_option(Tins::ICMPv6::option(253, data.begin(), data.end()));
    Tins::IPv6 ip(v6(group), v6(ip_src));
    ip.hop_limit(255);
    return (Tins::EthernetII(hw(multicast_mac(group)), hw(src)) / ip / ns).serialize();
}

Frame udp(const MacAddr& dst, const MacAddr& src, const IpAddr& ip_src, const IpAddr& ip_dst,
          std::uint16_t sport, std::uint16_t dport, const std::vector<std::uint8_t>& payload) {
    Tins::RawPDU body(payload.data(), static_cast<std::uint32_t>(payload.size()));
    if (ip_dst.family == 6) {
        Tins::IPv6 ip(v6(ip_dst), v6(ip_src));
        ip.hop_limit(ip_dst.is_multicast() ? 255 : 64);
        return (Tins::EthernetII(hw(dst), hw(src)) / ip / Tins::UDP(dport, sport) / body).serialize();
    }
    Tins::IP ip(v4(ip_dst), v4(ip_src));
    if (ip_dst.is_multicast()) ip.ttl(255);
    return (Tins::EthernetII(hw(dst), hw(src)) / ip / Tins::UDP(dport, sport) / body).serialize();
}

Frame tcp_syn(const MacAddr& dst, const MacAddr& src, const IpAddr& ip_src, const IpAddr& ip_dst,
              std::uint16_t sport, std::uint16_t dport, std::uint32_t seq, const std::string& marker) {
    Tins::TCP tcp(dport, sport);
    tcp.flags(Tins::TCP::SYN);
    tcp.seq(seq);
    tcp.window(64240);
    tcp.mss(1460);
    // The marker is SYN data: legal (RFC 9293 3.10.7.3), ignored by a server without TCP Fast Open, and kept
    // by every bridge (an Ethernet trailer would be trimmed by bridge netfilter and routers).
    return (Tins::EthernetII(hw(dst), hw(src)) / Tins::IP(v4(ip_dst), v4(ip_src)) / tcp / raw(marker))
        .serialize();
}

Frame raw_l2(const MacAddr& dst, const MacAddr& src, const std::string& marker) {
    Tins::EthernetII eth(hw(dst), hw(src));
    eth.payload_type(0x88b5);
    return (eth / raw(marker)).serialize();
}

std::vector<std::uint8_t> dns_query(std::uint16_t id,
                                    const std::vector<std::pair<std::string, std::uint16_t>>& questions,
                                    bool unicast_response) {
    Tins::DNS dns;
    dns.id(id);
    dns.type(Tins::DNS::QUERY);
    for (const auto& [name, qtype] : questions)
        dns.add_query(Tins::DNS::query(name, static_cast<Tins::DNS::QueryType>(qtype),
                                       static_cast<Tins::DNS::QueryClass>(unicast_response ? 0x8001 : 1)));
    return dns.serialize();
}

} // namespace isoprobe::probe::frames
