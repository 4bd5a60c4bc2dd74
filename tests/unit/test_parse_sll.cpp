// Tests for src/parse/sll.cpp: Linux cooked capture v1 and v2 headers (tcpdump.org LINKTYPE_LINUX_SLL/SLL2).
#include <doctest/doctest.h>

#include "parse/sll.hpp"
#include "test_hex_util.hpp"
#include "util/addr.hpp"

using namespace isoprobe;
using namespace isoprobe::parse;
using isoprobe::test::hex;

TEST_CASE("parse_sll reads the 16-byte header") {
    // Outgoing (4), ARPHRD_ETHER (1), 6-byte address padded to 8, protocol IPv4.
    const auto frame = hex("0004 0001 0006 020000000001 0000 0800 | 4500");
    const auto h = parse_sll(frame);
    REQUIRE(h);
    CHECK(h->packet_type == k_sll_outgoing);
    CHECK(h->hatype == k_arphrd_ether);
    CHECK(h->protocol == 0x0800);
    REQUIRE(h->address.size() == 6);
    CHECK(MacAddr::from(h->address).str() == "02:00:00:00:00:01");
    CHECK(h->payload.size() == 2);

    SUBCASE("an address longer than the 8-byte field keeps the field") {
        const auto ib = hex("0000 0020 0014 0102030405060708 0000 | 4500"); // InfiniBand: 20-byte address
        CHECK(parse_sll(ib)->address.size() == 8);
    }
    SUBCASE("no address (a tunnel)") {
        const auto tun = hex("0000 fffe 0000 0000000000000000 0800 | 4500");
        CHECK(parse_sll(tun)->address.empty());
    }
    SUBCASE("truncated") {
        const auto cut = hex("0004 0001 0006 020000000001 0000 08");
        CHECK(parse_sll(cut).error() == ParseError::truncated);
    }
}

TEST_CASE("parse_sll2 reads the 20-byte header") {
    // Protocol ARP, reserved, interface index 2, ARPHRD_ETHER, broadcast (1), address length 6.
    const auto frame = hex("0806 0000 00000002 0001 01 06 020000000002 0000 | 0001");
    const auto h = parse_sll2(frame);
    REQUIRE(h);
    CHECK(h->protocol == 0x0806);
    CHECK(h->hatype == k_arphrd_ether);
    CHECK(h->packet_type == k_sll_broadcast);
    CHECK(MacAddr::from(h->address).str() == "02:00:00:00:00:02");
    CHECK(h->payload.size() == 2);

    const auto cut = hex("0806 0000 00000002 0001 01 06 020000000002 00");
    CHECK(parse_sll2(cut).error() == ParseError::truncated);
}
