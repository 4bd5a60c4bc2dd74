// The infrastructure tables (src/analyze/infra_signs.cpp), row by row, on crafted packet summaries.
#include <doctest/doctest.h>

#include <initializer_list>
#include <string>

#include "analyze/infra_signs.hpp"
#include "parse/ethernet.hpp"
#include "parse/icmp.hpp"
#include "parse/ipv4.hpp"

using namespace isoprobe;
using analyze::SignSpeaker;
using model::Role;

namespace {

MacAddr mac(const char* s) {
    return *MacAddr::parse(s);
}

decode::Packet ip_packet(const char* src, const char* dst, std::uint8_t proto, std::uint8_t ttl = 64) {
    decode::Packet p;
    p.has_l2 = true;
    p.src = mac("02:00:00:00:00:01");
    p.dst = mac("02:00:00:00:00:02");
    p.ip_src = *IpAddr::parse(src);
    p.ip_dst = *IpAddr::parse(dst);
    p.ip_proto = proto;
    p.ip_ttl = ttl;
    return p;
}

decode::Packet transport(std::uint8_t proto, std::uint16_t sport, std::uint16_t dport) {
    auto p = ip_packet("192.0.2.1", "192.0.2.2", proto);
    p.sport = sport;
    p.dport = dport;
    return p;
}

} // namespace

TEST_CASE("infra_sign: routing and first-hop redundancy by IP protocol number, the source speaks") {
    struct Row {
        std::uint8_t proto;
        const char* word;
    };
    for (auto [proto, word] :
         {Row{88, "EIGRP"}, Row{89, "OSPF"}, Row{103, "PIM"}, Row{112, "VRRP or CARP"}}) {
        CAPTURE(word);
        auto sign = analyze::infra_sign(ip_packet("10.0.0.1", "224.0.0.5", proto, 1));
        REQUIRE(sign);
        CHECK(sign->role == Role::gateway);
        CHECK(sign->speaker == SignSpeaker::source);
        CHECK(model::english(model::say(std::string(sign->why))).find(word) != std::string::npos);
        // OSPFv3, PIM for IPv6 and VRRPv3 for IPv6 carry the same numbers in the IPv6 next header.
        CHECK(analyze::infra_sign(ip_packet("fe80::1", "ff02::5", proto, 1)));
    }
    CHECK_FALSE(analyze::infra_sign(ip_packet("10.0.0.1", "10.0.0.2", 1)));  // ICMP
    CHECK_FALSE(analyze::infra_sign(ip_packet("10.0.0.1", "10.0.0.2", 2)));  // IGMP: every multicast listener
    CHECK_FALSE(analyze::infra_sign(ip_packet("10.0.0.1", "10.0.0.2", 47))); // GRE: tunnels end on hosts too
}

TEST_CASE("infra_sign: by UDP or TCP port at either end") {
    struct Row {
        std::uint8_t transport;
        std::uint16_t port;
        Role role;
        SignSpeaker speaker;
        const char* word;
    };
    constexpr std::uint8_t udp = parse::k_ipproto_udp, tcp = parse::k_ipproto_tcp;
    const Row rows[] = {
        {udp, 520, Role::gateway, SignSpeaker::source, "RIP"},
        {udp, 521, Role::gateway, SignSpeaker::source, "RIPng"},
        {tcp, 179, Role::gateway, SignSpeaker::both_ends, "BGP"},
        {udp, 1985, Role::gateway, SignSpeaker::source, "HSRP"},
        {udp, 2029, Role::gateway, SignSpeaker::source, "HSRP for IPv6"},
        {udp, 3222, Role::gateway, SignSpeaker::source, "GLBP"},
        {udp, 1812, Role::infra, SignSpeaker::both_ends, "RADIUS"},
        {udp, 1813, Role::infra, SignSpeaker::both_ends, "RADIUS accounting"},
        {udp, 1645, Role::infra, SignSpeaker::both_ends, "RADIUS"},
        {udp, 1646, Role::infra, SignSpeaker::both_ends, "RADIUS accounting"},
        {tcp, 49, Role::infra, SignSpeaker::both_ends, "TACACS+"},
        {udp, 12222, Role::infra, SignSpeaker::both_ends, "LWAPP"},
        {udp, 12223, Role::infra, SignSpeaker::both_ends, "LWAPP"},
        {udp, 5246, Role::infra, SignSpeaker::both_ends, "CAPWAP"},
        {udp, 5247, Role::infra, SignSpeaker::both_ends, "CAPWAP"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.port);
        for (auto p :
             {transport(row.transport, row.port, 40000), transport(row.transport, 40000, row.port)}) {
            auto sign = analyze::infra_sign(p);
            REQUIRE(sign);
            CHECK(sign->role == row.role);
            CHECK(sign->speaker == row.speaker);
            CHECK(model::english(model::say(std::string(sign->why))).find(row.word) != std::string::npos);
        }
        // The same number on the other transport is another service (UDP 49 is TACACS without the plus, TCP
        // 520 is efs): no sign.
        const std::uint8_t other = row.transport == udp ? tcp : udp;
        CHECK_FALSE(analyze::infra_sign(transport(other, row.port, 40000)));
    }
    CHECK_FALSE(analyze::infra_sign(transport(udp, 53, 40000)));
    CHECK_FALSE(analyze::infra_sign(transport(tcp, 445, 40000)));
}

TEST_CASE("infra_sign: PPPoE offers and session confirmations come from the access concentrator only") {
    decode::Packet p;
    p.has_l2 = true;
    p.ethertype = parse::k_ethertype_pppoe_discovery;
    for (std::uint8_t code : std::initializer_list<std::uint8_t>{0x07, 0x65}) { // PADO, PADS
        p.pppoe_code = code;
        auto sign = analyze::infra_sign(p);
        REQUIRE(sign);
        CHECK(sign->role == Role::gateway);
        CHECK(sign->speaker == SignSpeaker::source);
    }
    for (std::uint8_t code : std::initializer_list<std::uint8_t>{
             0x09, 0x19, 0xa7}) { // PADI, PADR from the client; PADT from either end
        p.pppoe_code = code;
        CHECK_FALSE(analyze::infra_sign(p));
    }
    p.ethertype = 0x8864; // session stage: both ends send it
    p.pppoe_code = 0x07;
    CHECK_FALSE(analyze::infra_sign(p));
}

TEST_CASE("routed_ttl: above 32 and no common initial value; group destinations left out") {
    struct Row {
        std::uint8_t ttl;
        bool routed;
    };
    for (auto [ttl, routed] :
         {Row{1, false}, Row{32, false}, Row{33, true}, Row{63, true}, Row{64, false}, Row{113, true},
          Row{127, true}, Row{128, false}, Row{254, true}, Row{255, false}}) {
        CAPTURE(int(ttl));
        CHECK(analyze::routed_ttl(ip_packet("203.0.113.9", "192.0.2.2", parse::k_ipproto_tcp, ttl)) ==
              routed);
        CHECK(analyze::routed_ttl(ip_packet("2001:db8::9", "2001:db8::2", parse::k_ipproto_tcp, ttl)) ==
              routed);
    }
    // Multicast and broadcast are sent with whatever TTL the application chose (mDNS 255, SSDP 2 or 4, ...).
    CHECK_FALSE(analyze::routed_ttl(ip_packet("192.0.2.1", "224.0.0.251", parse::k_ipproto_udp, 100)));
    CHECK_FALSE(analyze::routed_ttl(ip_packet("fe80::1", "ff02::fb", parse::k_ipproto_udp, 100)));
    CHECK_FALSE(analyze::routed_ttl(ip_packet("192.0.2.1", "255.255.255.255", parse::k_ipproto_udp, 100)));
    auto group = ip_packet("192.0.2.1", "192.0.2.255", parse::k_ipproto_udp, 100);
    group.dst = mac("ff:ff:ff:ff:ff:ff");
    CHECK_FALSE(analyze::routed_ttl(group));
    decode::Packet arp; // no IP header: no TTL
    arp.ip_ttl = 100;
    CHECK_FALSE(analyze::routed_ttl(arp));
}

TEST_CASE("router_icmp: redirects and TTL exceeded in transit, for ICMPv4 and ICMPv6") {
    struct Row {
        model::Proto proto;
        std::uint8_t type, code;
        bool router;
    };
    for (auto [proto, type, code, router] : {
             Row{model::Proto::icmp, parse::k_icmp_redirect, 1, true},
             Row{model::Proto::icmp, parse::k_icmp_time_exceeded, 0, true},
             Row{model::Proto::icmp, parse::k_icmp_time_exceeded, 1,
                 false}, // reassembly time exceeded: any host
             Row{model::Proto::icmp, parse::k_icmp_unreachable, 3, false},
             Row{model::Proto::icmp, parse::k_icmp_echo_reply, 0, false},
             Row{model::Proto::icmpv6, parse::k_ndp_redirect, 0, true},
             Row{model::Proto::icmpv6, 3, 0, true},
             Row{model::Proto::icmpv6, 3, 1, false},
             Row{model::Proto::icmpv6, 1, 4, false},
             Row{model::Proto::icmpv6, 136, 0, false},
         }) {
        CAPTURE(int(type));
        CAPTURE(int(code));
        decode::Packet p;
        p.protos.set(static_cast<std::size_t>(proto));
        p.icmp_type = type;
        p.icmp_code = code;
        CHECK(analyze::router_icmp(p) == router);
    }
    decode::Packet udp; // type 5 without ICMP is nothing
    udp.icmp_type = parse::k_icmp_redirect;
    CHECK_FALSE(analyze::router_icmp(udp));
}

TEST_CASE("virtual_router_mac: HSRP v1/v2 and for IPv6, VRRP/CARP for IPv4 and IPv6, GLBP") {
    struct Row {
        const char* mac;
        const char* protocol; // nullptr: none
    };
    for (auto [m, protocol] : {
             Row{"00:00:0c:07:ac:00", "HSRP"},
             Row{"00:00:0c:07:ac:ff", "HSRP"},
             Row{"00:00:0c:07:ad:01", nullptr},
             Row{"00:00:0c:9f:f0:00", "HSRPv2"},
             Row{"00:00:0c:9f:ff:ff", "HSRPv2"},
             Row{"00:00:0c:9f:e0:01", nullptr},
             Row{"00:05:73:a0:00:10", "HSRP for IPv6"}, // nDPI tests/cfgs/default/pcap/hsrp2_ipv6.pcapng
             Row{"00:05:73:a0:0f:ff", "HSRP for IPv6"},
             Row{"00:05:73:a0:10:00", nullptr},
             Row{"00:00:5e:00:01:01", "VRRP"},
             Row{"00:00:5e:00:01:ff", "VRRP"},
             Row{"00:00:5e:00:02:2d", "VRRP (IPv6)"},
             Row{"00:00:5e:00:03:01", nullptr},
             Row{"00:00:5e:00:53:01", nullptr}, // RFC 7042 documentation range
             Row{"00:07:b4:00:01:02", "GLBP"},
             Row{"00:07:b4:01:01:02", nullptr},
             Row{"02:00:00:00:00:01", nullptr},
         }) {
        CAPTURE(m);
        auto got = analyze::virtual_router_mac(mac(m));
        if (protocol) {
            REQUIRE(got);
            CHECK(*got == protocol);
        } else {
            CHECK_FALSE(got);
        }
    }
}

TEST_CASE("ieee_reserved_group: 01:80:c2:00:00:00 to 0f only") {
    for (const char* m :
         {"01:80:c2:00:00:00", "01:80:c2:00:00:03", "01:80:c2:00:00:0e", "01:80:c2:00:00:0f"}) {
        CAPTURE(m);
        CHECK(analyze::ieee_reserved_group(mac(m)));
    }
    for (const char* m : {"01:80:c2:00:00:10", "01:80:c2:00:01:00", "01:00:0c:cc:cc:cc", "ff:ff:ff:ff:ff:ff",
                          "01:80:c2:00:00:20"}) {
        CAPTURE(m);
        CHECK_FALSE(analyze::ieee_reserved_group(mac(m)));
    }
}
