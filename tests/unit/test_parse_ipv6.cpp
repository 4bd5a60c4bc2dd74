// Tests for src/parse/ipv6.cpp: the IPv6 header and extension headers (RFC 8200 3, 4).
#include <doctest/doctest.h>

#include "parse/ipv6.hpp"
#include "test_hex_util.hpp"

using namespace isoprobe;
using namespace isoprobe::parse;
using isoprobe::test::hex;

TEST_CASE("parse_ipv6 reads the fixed header") {
    // ws-ipv6.pcap frame 1: fe80::200:86ff:fe05:80fa -> ff05::9999, payload length 32, next header 0
    // (hop-by-hop).
    const auto packet =
        hex("60000000 0020 00 01 fe80000000000000020086fffe0580fa ff050000000000000000000000009999 |"
            "3a000100050200008300 44ed 00000000 ff050000000000000000000000009999");
    const auto h = parse_ipv6(packet);
    REQUIRE(h);
    CHECK(h->src.str() == "fe80::200:86ff:fe05:80fa");
    CHECK(h->dst.str() == "ff05::9999");
    CHECK(h->next_header == 0);
    CHECK(h->payload.size() == 32);

    SUBCASE("and walks the hop-by-hop header to ICMPv6") {
        const auto up = skip_ipv6_extensions(h->next_header, h->payload);
        REQUIRE(up);
        CHECK(up->protocol == 58);
        CHECK(up->first_fragment);
        CHECK(up->payload.size() == 24);
        CHECK(up->payload[0] == 0x83); // MLD report (131), per tshark
    }
    SUBCASE("payload length trims padding") {
        auto padded = packet;
        padded.insert(padded.end(), {0, 0, 0, 0});
        CHECK(parse_ipv6(padded)->payload.size() == 32);
    }
}

TEST_CASE("parse_ipv6 rejects bad headers") {
    const auto cut = hex("60000000 0000 3b 40 fe80000000000000020086fffe0580fa ff05000000000000000000000000");
    CHECK(parse_ipv6(cut).error() == ParseError::truncated);
    const auto v4 =
        hex("40000000 0000 3b 40 fe80000000000000020086fffe0580fa ff050000000000000000000000009999");
    CHECK(parse_ipv6(v4).error() == ParseError::bad_value);
}

TEST_CASE("skip_ipv6_extensions walks to the upper layer") {
    struct Row {
        const char* name;
        std::uint8_t next_header;
        const char* payload;
        std::uint8_t protocol;
        bool first_fragment;
        std::size_t payload_size;
    };
    const Row rows[] = {
        {"no extension", 17, "0035 0035 0008 0000", 17, true, 8},
        {"no next header (59)", 59, "", 59, true, 0},
        // Destination options (60), length 0: 8 bytes, PadN option; then UDP.
        {"destination options", 60, "11 00 0104 00000000 | 0035 0035", 17, true, 4},
        // Routing header type 0 with one address: Hdr Ext Len 2 -> 24 bytes.
        {"routing", 43, "06 02 00 01 00000000 20010db8000000000000000000000001 | 0050", 6, true, 2},
        {"first fragment", 44, "11 00 0001 12345678 | 0035 0035", 17, true, 4},
        // Offset 185 (0x05c8 >> 3): no UDP header in this piece.
        {"later fragment", 44, "11 00 05c8 12345678 | 0102 0304", 17, false, 4},
        {"hop-by-hop, destination options, fragment", 0,
         "3c 00 0502 0000 0100 | 2c 00 0100 00000000 | 3a 00 0000 00000001 | 8000", 58, true, 2},
    };
    for (const auto& row : rows) {
        SUBCASE(row.name) {
            const auto bytes = hex(row.payload);
            const auto up = skip_ipv6_extensions(row.next_header, bytes);
            REQUIRE(up);
            CHECK(up->protocol == row.protocol);
            CHECK(up->first_fragment == row.first_fragment);
            CHECK(up->payload.size() == row.payload_size);
        }
    }
}

TEST_CASE("skip_ipv6_extensions stops at cut or endless chains") {
    const auto cut = hex("11 01 0104 00000000"); // says 16 bytes, has 8
    CHECK(skip_ipv6_extensions(60, cut).error() == ParseError::truncated);
    const auto cut_fragment = hex("11 00 0001 1234");
    CHECK(skip_ipv6_extensions(44, cut_fragment).error() == ParseError::truncated);
    // Nine destination-options headers chained: past the bound of eight.
    std::vector<std::uint8_t> chain;
    for (int i = 0; i < 9; ++i)
        chain.insert(chain.end(), {60, 0, 1, 4, 0, 0, 0, 0});
    CHECK(skip_ipv6_extensions(60, chain).error() == ParseError::malformed);
    chain.resize(8 * 8);
    chain[7 * 8] = 17;
    CHECK(skip_ipv6_extensions(60, chain)->protocol == 17);
}
