// Tests for src/parse/ppi.cpp: the PPI header and its 802.11-Common field (PPI 1.0.10). The plain header is
// that of captures/aircrack-wpa-ppi.pcap (tools/make-shape-captures).
#include <doctest/doctest.h>

#include "parse/ppi.hpp"
#include "test_hex_util.hpp"

using namespace isoprobe::parse;
using isoprobe::test::hex;

namespace {
// 802.11-Common field: type 2, length 20; TSF, flags, rate, channel frequency and flags, FHSS, signal, noise.
std::string common(const char* flags) {
    return std::string("0200 1400 0000000000000000 ") + flags + " 0000 0000 0000 00 00 00 00";
}
} // namespace

TEST_CASE("parse_ppi reads the link type and the FCS flags") {
    const auto plain = hex("00 00 2000 69000000 " + common("0000") + " | 80000000");
    const auto h = parse_ppi(plain);
    REQUIRE(h);
    CHECK(h->link_type == 105);
    CHECK_FALSE(h->bad_fcs);
    CHECK(h->frame.size() == 4);

    SUBCASE("an FCS ends the frame: removed, and a bad one flagged") {
        const auto fcs = hex("00 00 2000 69000000 " + common("0500") + " | 80000000 11223344");
        const auto f = parse_ppi(fcs);
        REQUIRE(f);
        CHECK(f->frame.size() == 4);
        CHECK(f->bad_fcs);
        // Cut two bytes short by the snaplen: two FCS bytes were captured.
        const auto cut = hex("00 00 2000 69000000 " + common("0100") + " | 80000000 1122");
        CHECK(parse_ppi(cut, cut.size() + 2)->frame.size() == 4);
    }
    SUBCASE("aligned fields are padded to 32 bits") {
        const auto aligned =
            hex("00 01 2800 69000000 | 0300 0200 aaaa 0000 | " + common("0500") + " | 80000000 11223344");
        const auto a = parse_ppi(aligned);
        REQUIRE(a);
        CHECK(a->bad_fcs);
        CHECK(a->frame.size() == 4);
    }
    SUBCASE("errors") {
        CHECK(parse_ppi(hex("00 00 0800 6900")).error() == ParseError::truncated);
        CHECK(parse_ppi(hex("01 00 0800 69000000")).error() == ParseError::bad_value);
        CHECK(parse_ppi(hex("00 00 0400 69000000")).error() == ParseError::bad_length);
        CHECK(parse_ppi(hex("00 00 4000 69000000")).error() == ParseError::truncated);
        CHECK(parse_ppi(hex("00 00 0c00 69000000 0200 1400")).error() == ParseError::bad_length);
    }
}
