// Tests for src/parse/ethernet.cpp: the MAC header (IEEE 802.3 3.2) and VLAN tag unwrapping (IEEE
// 802.1Q 9.5).
#include <doctest/doctest.h>

#include "parse/ethernet.hpp"
#include "test_hex_util.hpp"

using namespace isoprobe;
using namespace isoprobe::parse;
using isoprobe::test::hex;

TEST_CASE("parse_ethernet reads the 14-byte MAC header") {
    // zeek-arp_who_has.pcap frame 1: broadcast who-has from 78:31:c1:c6:3f:c2.
    const auto frame = hex("ffffffffffff 7831c1c63fc2 0806 | 0001080006040001");
    const auto h = parse_ethernet(frame);
    REQUIRE(h);
    CHECK(h->dst.is_broadcast());
    CHECK(h->src.str() == "78:31:c1:c6:3f:c2");
    CHECK(h->type_or_length == k_ethertype_arp);
    CHECK(h->payload.size() == 8);

    const auto short_frame = hex("ffffffffffff 7831c1c63fc2 08");
    CHECK(parse_ethernet(short_frame).error() == ParseError::truncated);
}

TEST_CASE("unwrap_ether_payload removes VLAN tags and trims 802.3 lengths") {
    struct Row {
        const char* name;
        std::uint16_t type;
        const char* payload;
        std::uint16_t ethertype;
        std::size_t payload_size;
    };
    const Row rows[] = {
        {"untagged EtherType passes through", 0x0800, "45000014", 0x0800, 4},
        // TCI 0x0064: priority 0, VID 100; then IPv4.
        {"one 802.1Q tag", 0x8100, "0064 0800 | 45000014", 0x0800, 4},
        {"802.1ad S-tag over a C-tag", 0x88a8, "00c8 8100 | 0064 86dd | 60000000", 0x86dd, 4},
        {"pre-standard 0x9100 tag", 0x9100, "0001 0806 | 0001", 0x0806, 2},
        // An 802.3 length of 3: LLC header 42 42 03, the rest is padding up to the minimum frame size.
        {"802.3 length trims the padding", 0x0003, "424203 000000000000", 0, 3},
        {"802.3 length beyond the captured bytes keeps them", 0x0026, "424203", 0, 3},
        {"tagged 802.3 frame", 0x8100, "0064 0003 | 424203 0000", 0, 3},
    };
    for (const auto& row : rows) {
        SUBCASE(row.name) {
            const auto bytes = hex(row.payload);
            const auto p = unwrap_ether_payload(row.type, bytes);
            REQUIRE(p);
            CHECK(p->ethertype == row.ethertype);
            CHECK(p->payload.size() == row.payload_size);
        }
    }
}

TEST_CASE("unwrap_ether_payload rejects cut and endless tag stacks") {
    const auto cut = hex("0064 08");
    CHECK(unwrap_ether_payload(0x8100, cut).error() == ParseError::truncated);
    const auto five_tags = hex("0001 8100 0002 8100 0003 8100 0004 8100 0005 0800 45");
    CHECK(unwrap_ether_payload(0x8100, five_tags).error() == ParseError::malformed);
    const auto four_tags = hex("0001 8100 0002 8100 0003 8100 0004 0800 45");
    CHECK(unwrap_ether_payload(0x8100, four_tags)->ethertype == 0x0800);
}
