// Tests for src/parse/loopback.cpp: LINKTYPE_NULL and LINKTYPE_LOOP; the IPv4 frame is tcpdump's
// dns-badcookie.pcap frame 1.
#include <doctest/doctest.h>

#include "parse/loopback.hpp"
#include "test_hex_util.hpp"

using namespace isoprobe::parse;
using isoprobe::test::hex;

TEST_CASE("parse_loopback reads the address family in either byte order") {
    const auto le = hex("02000000 | 4500004400");
    const auto v4 = parse_loopback(le, false);
    REQUIRE(v4);
    CHECK(v4->ethertype == k_ethertype_ipv4);
    CHECK(v4->payload.size() == 5);
    // Written on a big-endian host: LINKTYPE_NULL keeps the writer's byte order.
    CHECK(parse_loopback(hex("00000002 | 45"), false)->ethertype == k_ethertype_ipv4);
    CHECK(parse_loopback(hex("00000002 | 45"), true)->ethertype == k_ethertype_ipv4);
    for (const char* af6 : {"18000000", "1c000000", "1e000000"}) // 24, 28, 30
        CHECK(parse_loopback(hex(std::string(af6) + "60"), false)->ethertype == k_ethertype_ipv6);
    CHECK(parse_loopback(hex("0000001e | 60"), true)->ethertype == k_ethertype_ipv6);
    CHECK(parse_loopback(hex("07000000 | 00"), false).error() == ParseError::unsupported);
    CHECK(parse_loopback(hex("020000"), false).error() == ParseError::truncated);
}
