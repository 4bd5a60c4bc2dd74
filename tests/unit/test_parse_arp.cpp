// Tests for src/parse/arp.cpp: ARP for IPv4 over Ethernet (RFC 826).
#include <doctest/doctest.h>

#include "parse/arp.hpp"
#include "test_hex_util.hpp"

using namespace isoprobe;
using namespace isoprobe::parse;
using isoprobe::test::hex;

TEST_CASE("parse_arp reads requests and replies") {
    // zeek-arp_who_has.pcap frame 2 after the Ethernet header: 10.0.0.1 is-at f8:ed:a5:c0:a4:f1 (tshark:
    // reply).
    const auto reply = hex("0001 0800 06 04 0002 f8eda5c0a4f1 0a000001 7831c1c63fc2 0a000002 | 000000000000");
    const auto a = parse_arp(reply);
    REQUIRE(a);
    CHECK(a->op == k_arp_reply);
    CHECK(a->sender_mac.str() == "f8:ed:a5:c0:a4:f1");
    CHECK(a->sender_ip.str() == "10.0.0.1");
    CHECK(a->target_mac.str() == "78:31:c1:c6:3f:c2");
    CHECK(a->target_ip.str() == "10.0.0.2");

    // Same packet with hardware type 6 (IEEE 802), as Token Ring and some 802.11 stacks send it.
    const auto ieee802 = hex("0006 0800 06 04 0001 f8eda5c0a4f1 0a000001 000000000000 0a000002");
    CHECK(parse_arp(ieee802)->op == k_arp_request);
}

TEST_CASE("parse_arp refuses what it cannot read") {
    // ws-arp.pcap: Inverse ARP over Frame Relay (hardware type 15, 2-byte DLCI addresses).
    const auto frame_relay = hex("000f 0800 02 04 0008 0000 00000000 4048 00000000");
    CHECK(parse_arp(frame_relay).error() == ParseError::unsupported);
    const auto cut = hex("0001 0800 06 04 0001 f8eda5c0a4f1 0a000001 000000000000 0a0000");
    CHECK(parse_arp(cut).error() == ParseError::truncated);
    const auto header_only = hex("0001 0800 06");
    CHECK(parse_arp(header_only).error() == ParseError::truncated);
}
