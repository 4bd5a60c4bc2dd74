// Tests for src/parse/nflog.cpp: LINKTYPE_NFLOG. The header and first TLVs are tcpdump's nflog.pcap frame 1.
#include <doctest/doctest.h>

#include "parse/nflog.hpp"
#include "test_hex_util.hpp"

using namespace isoprobe::parse;
using isoprobe::test::hex;

TEST_CASE("parse_nflog finds the payload TLV") {
    // AF_INET, version 0, resource 20; NFULA_PACKET_HDR (8 bytes), NFULA_PREFIX (5 bytes, padded),
    // NFULA_PAYLOAD.
    const auto le = hex("02 00 0014 | 0800 0100 08000127 | 0500 0a00 41000000 | 0800 0900 45000049");
    const auto p = parse_nflog(le);
    REQUIRE(p);
    CHECK(p->ethertype == k_ethertype_ipv4);
    CHECK(p->payload.size() == 4);
    CHECK(p->payload[0] == 0x45);

    SUBCASE("TLVs written by a big-endian host") {
        const auto be = hex("0a 00 0000 | 0008 0001 08000127 | 0008 0009 60000000");
        const auto q = parse_nflog(be);
        REQUIRE(q);
        CHECK(q->ethertype == k_ethertype_ipv6);
        CHECK(q->payload.size() == 4);
    }
    SUBCASE("errors") {
        CHECK(parse_nflog(hex("02 00 00")).error() == ParseError::truncated);
        CHECK(parse_nflog(hex("02 01 0000")).error() == ParseError::bad_value);
        CHECK(parse_nflog(hex("07 00 0000")).error() == ParseError::unsupported);
        CHECK(parse_nflog(hex("02 00 0000 | 0800 0100 08000127")).error() ==
              ParseError::unsupported); // no payload
        CHECK(parse_nflog(hex("02 00 0000 | 0900 0900 450000")).error() == ParseError::bad_length);
    }
}
