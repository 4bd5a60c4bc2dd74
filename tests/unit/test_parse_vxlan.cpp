// Tests for src/parse/vxlan.cpp: VXLAN (RFC 7348 5); bytes from tcpdump's vxlan.pcap frame 1.
#include <doctest/doctest.h>

#include "parse/vxlan.hpp"
#include "test_hex_util.hpp"

using namespace isoprobe::parse;
using isoprobe::test::hex;

TEST_CASE("parse_vxlan returns the inner Ethernet frame") {
    const auto bytes = hex("08000000 00006400 | 003088010002 00163e37f604 0800");
    const auto f = parse_vxlan(bytes);
    REQUIRE(f);
    CHECK(f->size() == 14);
    CHECK(f->data() == bytes.data() + 8);
    CHECK(parse_vxlan(hex("00000000 00006400 | 0030")).error() == ParseError::bad_value); // I flag clear
    CHECK(parse_vxlan(hex("08000000 000064")).error() == ParseError::truncated);
}
