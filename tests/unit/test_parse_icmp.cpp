// Tests for src/parse/icmp.cpp: ICMP (RFC 792) and ICMPv6 (RFC 4443, redirect per RFC 4861 4.5).
#include <doctest/doctest.h>

#include "parse/icmp.hpp"
#include "test_hex_util.hpp"

using namespace isoprobe;
using namespace isoprobe::parse;
using isoprobe::test::hex;

TEST_CASE("parse_icmp reads type, code and the quoted header") {
    // zeek-smb2_llmnr_nbns.pcap frame 133 (ICMP part): port unreachable (3/3) quoting the UDP datagram
    // 172.31.112.17 -> 172.31.112.16 (tshark: ip.src "172.31.112.16,172.31.112.17", inner proto UDP).
    const auto unreachable =
        hex("0303 35da 00000000 | 4500007f255000008011dcbdac1f7011ac1f7010 | 14ebcc30006b2197");
    const auto m = parse_icmp(unreachable);
    REQUIRE(m);
    CHECK(m->type == k_icmp_unreachable);
    CHECK(m->code == 3);
    CHECK(m->inner_src.str() == "172.31.112.17");
    CHECK(m->inner_dst.str() == "172.31.112.16");
    CHECK(m->inner_protocol == 17);
    CHECK(m->gateway.empty());

    SUBCASE("redirect names the better gateway (RFC 792 p.12)") {
        // Redirect for host (code 1) via 192.168.1.254, quoting 192.168.1.10 -> 8.8.8.8 ICMP.
        const auto redirect =
            hex("0501 0000 c0a801fe | 45000054000040004001 0000 c0a8010a 08080808 | 0800000000010001");
        const auto r = parse_icmp(redirect);
        REQUIRE(r);
        CHECK(r->type == k_icmp_redirect);
        CHECK(r->gateway.str() == "192.168.1.254");
        CHECK(r->inner_src.str() == "192.168.1.10");
        CHECK(r->inner_dst.str() == "8.8.8.8");
        CHECK(r->inner_protocol == 1);
    }
    SUBCASE("time exceeded quotes too") {
        const auto te = hex("0b00 0000 00000000 | 45000054000040000111 0000 c0a8010a 08080808 | 0035");
        CHECK(parse_icmp(te)->inner_protocol == 17);
    }
    SUBCASE("echo reply has no quote") {
        const auto echo = hex("0000 0000 00010001 | 4500000000000000401100000a0000010a000002");
        const auto e = parse_icmp(echo);
        CHECK(e->type == k_icmp_echo_reply);
        CHECK(e->inner_src.empty());
    }
    SUBCASE("a cut quote leaves the inner fields empty") {
        const auto cut = hex("0303 0000 00000000 | 4500007f2550000080");
        const auto c = parse_icmp(cut);
        REQUIRE(c);
        CHECK(c->inner_src.empty());
        CHECK(c->inner_protocol == 0);
    }
    SUBCASE("shorter than the 8-byte header") {
        const auto cut = hex("0800 0000 000100");
        CHECK(parse_icmp(cut).error() == ParseError::truncated);
    }
}

TEST_CASE("parse_icmpv6 reads type, code, quotes and redirects") {
    const auto echo_reply = hex("8100 0000 00010001");
    CHECK(parse_icmpv6(echo_reply)->type == k_icmpv6_echo_reply);

    // Destination unreachable, port unreachable (1/4), quoting fe80::1 -> fe80::2 UDP.
    const auto unreachable = hex("0104 0000 00000000 | 60000000 0008 11 40 fe800000000000000000000000000001 "
                                 "fe800000000000000000000000000002 | 0035 0035 0008 0000");
    const auto u = parse_icmpv6(unreachable);
    REQUIRE(u);
    CHECK(u->type == 1);
    CHECK(u->code == 4);
    CHECK(u->inner_src.str() == "fe80::1");
    CHECK(u->inner_dst.str() == "fe80::2");
    CHECK(u->inner_protocol == 17);

    // Redirect (137): target fe80::fe is the better first hop for destination 2001:db8::1.
    const auto redirect =
        hex("8900 0000 00000000 | fe8000000000000000000000000000fe | 20010db8000000000000000000000001");
    const auto r = parse_icmpv6(redirect);
    REQUIRE(r);
    CHECK(r->type == k_ndp_redirect);
    CHECK(r->gateway.str() == "fe80::fe");
    CHECK(r->inner_dst.str() == "2001:db8::1");

    const auto cut_redirect = hex("8900 0000 00000000 | fe8000000000000000000000000000fe");
    CHECK(parse_icmpv6(cut_redirect)->gateway.empty());
    const auto cut = hex("8100 00");
    CHECK(parse_icmpv6(cut).error() == ParseError::truncated);
}
