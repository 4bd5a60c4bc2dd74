// Tests for src/parse/dhcp.cpp: BOOTP/DHCP (RFC 2131 2, 3) and options 1, 3, 53, 54 (RFC 2132).
#include <doctest/doctest.h>

#include <vector>

#include "parse/dhcp.hpp"
#include "test_hex_util.hpp"

using namespace isoprobe;
using namespace isoprobe::parse;
using isoprobe::test::hex;

namespace {
// A BOOTP message: the 236-byte fixed part (RFC 2131 Figure 1) with op, htype, hlen, yiaddr and chaddr set,
// then `tail` (magic cookie and options).
std::vector<std::uint8_t> bootp(std::uint8_t op, std::uint8_t htype, std::uint8_t hlen, const char* tail) {
    std::vector<std::uint8_t> m(236, 0);
    m[0] = op;
    m[1] = htype;
    m[2] = hlen;
    const auto yiaddr = hex("c0a8000a");     // 192.168.0.10 at offset 16
    const auto chaddr = hex("000b8201fc42"); // at offset 28
    std::copy(yiaddr.begin(), yiaddr.end(), m.begin() + 16);
    std::copy(chaddr.begin(), chaddr.end(), m.begin() + 28);
    const auto rest = hex(tail);
    m.insert(m.end(), rest.begin(), rest.end());
    return m;
}
} // namespace

TEST_CASE("parse_dhcp reads the fields the analysis needs") {
    // Options of ws-dhcp.pcap frame 2 (tshark: DHCP Offer, mask 255.255.255.0, server identifier
    // 192.168.0.1), with a pad option before them and a two-router option 3 added.
    const auto offer = bootp(2, 1, 6,
                             "63825363 | 00 | 3501 02 | 0104 ffffff00 | 3a04 00000708 | 3b04 00000c4e | "
                             "3304 00000e10 | 3604 c0a80001 | 0308 c0a80001 c0a800fe | ff | 0000");
    const auto m = parse_dhcp(offer);
    REQUIRE(m);
    CHECK(m->op == k_bootp_reply);
    CHECK(m->info.message_type == k_dhcp_offer);
    CHECK(m->info.client_mac.str() == "00:0b:82:01:fc:42");
    CHECK(m->info.your_ip.str() == "192.168.0.10");
    CHECK(m->info.server_id.str() == "192.168.0.1");
    CHECK(m->info.router.str() == "192.168.0.1"); // the first of the list
    CHECK(m->info.subnet_mask.str() == "255.255.255.0");
}

TEST_CASE("parse_dhcp walks options defensively") {
    SUBCASE("nothing is read after End") {
        const auto m = parse_dhcp(bootp(1, 1, 6, "63825363 | 3501 01 | ff | 3604 c0a80001"));
        CHECK(m->info.message_type == k_dhcp_discover);
        CHECK(m->info.server_id.empty());
    }
    SUBCASE("an option running past the end stops the walk and keeps the earlier ones") {
        const auto m = parse_dhcp(bootp(1, 1, 6, "63825363 | 3501 03 | 3604 c0a8"));
        REQUIRE(m);
        CHECK(m->info.message_type == k_dhcp_request);
        CHECK(m->info.server_id.empty());
    }
    SUBCASE("options of the wrong length are ignored") {
        const auto m =
            parse_dhcp(bootp(2, 1, 6, "63825363 | 3502 0500 | 3603 c0a800 | 0102 ffff | 0302 c0a8 | ff"));
        REQUIRE(m);
        CHECK(m->info.message_type == 0);
        CHECK(m->info.server_id.empty());
        CHECK(m->info.subnet_mask.empty());
        CHECK(m->info.router.empty());
    }
    SUBCASE("plain BOOTP without the magic cookie has no options") {
        const auto m = parse_dhcp(bootp(2, 1, 6, "00000000 | 3501 05"));
        REQUIRE(m);
        CHECK(m->info.message_type == 0);
        CHECK(m->info.your_ip.str() == "192.168.0.10");
    }
    SUBCASE("a non-Ethernet chaddr is not a MAC") {
        const auto m = parse_dhcp(bootp(1, 6, 6, "63825363 ff"));
        CHECK(m->info.client_mac.is_zero());
    }
    SUBCASE("shorter than the fixed part") {
        auto cut = bootp(1, 1, 6, "");
        cut.pop_back();
        CHECK(parse_dhcp(cut).error() == ParseError::truncated);
    }
}
