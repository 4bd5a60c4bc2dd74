// Tests for src/parse/ppp.cpp: PPP with and without HDLC-like framing, protocol-field compression, Cisco
// HDLC. The framed IPv4 frame is tcpdump's bgp_vpn_attrset.pcap frame 1.
#include <doctest/doctest.h>

#include "parse/ppp.hpp"
#include "test_hex_util.hpp"

using namespace isoprobe::parse;
using isoprobe::test::hex;

TEST_CASE("parse_ppp finds IPv4 and IPv6") {
    const auto framed = hex("ff03 0021 | 45c000ad");
    const auto p = parse_ppp(framed);
    REQUIRE(p);
    CHECK(p->ethertype == k_ethertype_ipv4);
    CHECK(p->payload.size() == 4);
    CHECK(parse_ppp(hex("0057 | 60"))->ethertype == k_ethertype_ipv6);          // no HDLC framing
    CHECK(parse_ppp(hex("21 | 45"))->ethertype == k_ethertype_ipv4);            // compressed protocol field
    CHECK(parse_ppp(hex("0f00 86dd | 60"))->ethertype == k_ethertype_ipv6);     // Cisco HDLC
    CHECK(parse_ppp(hex("ff03 c021 | 01")).error() == ParseError::unsupported); // LCP
    CHECK(parse_ppp(hex("ff05 0021")).error() == ParseError::unsupported);
    CHECK(parse_ppp(hex("ff03 00")).error() == ParseError::truncated);
    CHECK(parse_ppp(hex("")).error() == ParseError::truncated);
}
