// Tests for src/parse/prism.cpp: Prism and AVS monitor headers. The Prism header's first bytes are those of
// aircrack-ng's wpa.cap (captures/aircrack-wpa-prism.pcap) frame 1: msgcode 0x44, msglen 144, device "ath0".
#include <doctest/doctest.h>

#include "parse/prism.hpp"
#include "test_hex_util.hpp"

using namespace isoprobe::parse;
using isoprobe::test::hex;

namespace {
std::string zeros(std::size_t n) {
    return std::string(2 * n, '0');
}
} // namespace

TEST_CASE("parse_prism skips the header its msglen states") {
    const auto prism = hex("44000000 90000000 61746830" + zeros(144 - 12) + " | 8000");
    const auto f = parse_prism(prism);
    REQUIRE(f);
    CHECK(f->size() == 2);
    CHECK((*f)[0] == 0x80);
    // msglen from a big-endian host.
    CHECK(parse_prism(hex("00000044 00000090" + zeros(144 - 8) + "8000"))->size() == 2);
    CHECK(parse_prism(hex("44000000 10000000" + zeros(16))).error() == ParseError::bad_length);
    CHECK(parse_prism(hex("44000000 90000000" + zeros(16))).error() == ParseError::truncated);
    CHECK(parse_prism(hex("440000")).error() == ParseError::truncated);
}

TEST_CASE("parse_avs skips the header its length states, also under the Prism link type") {
    const auto avs = hex("80211001 00000040" + zeros(64 - 8) + " | 8000");
    CHECK(parse_avs(avs)->size() == 2);
    CHECK(parse_prism(avs)->size() == 2);
    CHECK(parse_avs(hex("80211003 00000040")).error() == ParseError::bad_value);
    CHECK(parse_avs(hex("80211001 00000004")).error() == ParseError::bad_length);
    CHECK(parse_avs(hex("80211001 00000040 00")).error() == ParseError::truncated);
}
