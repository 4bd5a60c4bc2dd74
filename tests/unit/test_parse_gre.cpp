// Tests for src/parse/gre.cpp: GRE headers (RFC 2784, RFC 2890); bytes from tcpdump's ERSPAN test captures.
#include <doctest/doctest.h>

#include "parse/gre.hpp"
#include "test_hex_util.hpp"

using namespace isoprobe::parse;
using isoprobe::test::hex;

TEST_CASE("parse_gre reads the protocol and skips the optional fields") {
    SUBCASE("no options (erspan-type-i-4.pcap frame 1)") {
        const auto bytes = hex("0000 88be | 002389ce4413");
        const auto h = parse_gre(bytes);
        REQUIRE(h);
        CHECK(h->protocol == k_gre_erspan_ii);
        CHECK_FALSE(h->has_sequence);
        CHECK(h->payload.size() == 6);
    }
    SUBCASE("sequence number (erspan-type-ii-2.pcap frame 1)") {
        const auto bytes = hex("1000 88be 00109528 | 1065c001");
        const auto h = parse_gre(bytes);
        REQUIRE(h);
        CHECK(h->has_sequence);
        CHECK(h->payload.size() == 4);
    }
    SUBCASE("checksum, key and sequence number") {
        const auto bytes = hex("b000 6558 00000000 00000001 00000002 | ab");
        const auto h = parse_gre(bytes);
        REQUIRE(h);
        CHECK(h->protocol == k_gre_teb);
        CHECK(h->payload.size() == 1);
    }
    SUBCASE("errors") {
        CHECK(parse_gre(hex("0000 88")).error() == ParseError::truncated);
        CHECK(parse_gre(hex("3000 6558 0000")).error() ==
              ParseError::truncated); // key and sequence announced
        CHECK(parse_gre(hex("0001 880b 0000 0000")).error() == ParseError::unsupported); // version 1 (PPTP)
        CHECK(parse_gre(hex("4000 0800 0000 0000")).error() == ParseError::unsupported); // RFC 1701 routing
    }
}
