// Tests for src/parse/erspan.cpp: ERSPAN types I, II and III (draft-foschiano-erspan-03); bytes from
// tcpdump's erspan-type-*.pcap test captures, read with tshark.
#include <doctest/doctest.h>

#include "parse/erspan.hpp"
#include "parse/gre.hpp"
#include "test_hex_util.hpp"

using namespace isoprobe::parse;
using isoprobe::test::hex;

TEST_CASE("parse_erspan finds the mirrored Ethernet frame") {
    SUBCASE("type I: no header (erspan-type-i-4.pcap frame 1)") {
        const auto bytes = hex("002389ce4413 00505684017d 0800");
        const auto f = parse_erspan(k_gre_erspan_ii, false, bytes);
        REQUIRE(f);
        CHECK(f->data() == bytes.data());
        CHECK(f->size() == 14);
    }
    SUBCASE("type II: 8-byte header, version 1 (erspan-type-ii-2.pcap frame 1)") {
        const auto bytes = hex("1065c001 00084065 | 01005e000002 00000c07acfe 0800");
        const auto f = parse_erspan(k_gre_erspan_ii, true, bytes);
        REQUIRE(f);
        CHECK(f->size() == 14);
        CHECK((*f)[0] == 0x01);
        CHECK(parse_erspan(k_gre_erspan_ii, true, hex("2065c001 00084065")).error() == ParseError::bad_value);
        CHECK(parse_erspan(k_gre_erspan_ii, true, hex("1065c001 000840")).error() == ParseError::truncated);
    }
    SUBCASE("type III: 12-byte header, version 2, frame type Ethernet (erspan-type-iii-ft-0.pcap frame 1)") {
        const auto bytes = hex("20140000 a3595bff 00000006 | 005056ac18a0 f8c28890d27b 8100");
        const auto f = parse_erspan(k_gre_erspan_iii, false, bytes);
        REQUIRE(f);
        CHECK(f->size() == 14);
        CHECK((*f)[0] == 0x00);
    }
    SUBCASE("type III with the platform-specific subheader (O bit)") {
        const auto bytes = hex("20140000 a3595bff 00000007 0000000000000000 | 005056ac18a0");
        const auto f = parse_erspan(k_gre_erspan_iii, false, bytes);
        REQUIRE(f);
        CHECK(f->size() == 6);
        CHECK(parse_erspan(k_gre_erspan_iii, false, hex("20140000 a3595bff 00000007 0000")).error() ==
              ParseError::truncated);
    }
    SUBCASE("type III frame types other than Ethernet are not read") {
        // Frame type 7 (as in erspan-type-iii-ft-7.pcap): byte 10 holds P, FT and the high bits of the
        // hardware id.
        CHECK(parse_erspan(k_gre_erspan_iii, false, hex("20140000 a3595bff 00001c06 00")).error() ==
              ParseError::unsupported);
        CHECK(parse_erspan(k_gre_erspan_iii, false, hex("10140000 a3595bff 00000006 00")).error() ==
              ParseError::bad_value);
    }
}
