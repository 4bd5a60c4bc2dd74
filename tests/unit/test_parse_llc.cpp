// Tests for src/parse/llc.cpp: IEEE 802.2 LLC and SNAP (RFC 1042, IEEE 802.1H).
#include <doctest/doctest.h>

#include "parse/llc.hpp"
#include "test_hex_util.hpp"

using namespace isoprobe;
using namespace isoprobe::parse;
using isoprobe::test::hex;

TEST_CASE("parse_llc tells plain LLC from SNAP") {
    struct Row {
        const char* name;
        const char* pdu;
        std::uint8_t dsap;
        std::uint16_t control;
        bool snap, ethertype;
        std::uint32_t oui;
        std::uint16_t pid;
        std::size_t payload_size;
    };
    const Row rows[] = {
        // STP BPDU: DSAP = SSAP = 0x42, UI frame (control 0x03), then protocol id 0x0000 (IEEE 802.1Q 14.1).
        {"spanning tree BPDU", "42 42 03 | 0000 00", 0x42, 0x03, false, false, 0, 0, 3},
        // RFC 1042: AA AA 03 00-00-00 then the EtherType (ARP here).
        {"RFC 1042 SNAP", "aa aa 03 000000 0806 | 0001", 0xaa, 0x03, true, true, 0x000000, 0x0806, 2},
        // IEEE 802.1H bridge tunnel OUI 00-00-F8, used for AppleTalk ARP (0x80F3) and IPX (0x8137).
        {"802.1H bridge tunnel", "aa aa 03 0000f8 80f3", 0xaa, 0x03, true, true, 0x0000f8, 0x80f3, 0},
        // CDP: Cisco OUI 00-00-0C, protocol id 0x2000.
        {"Cisco SNAP", "aa aa 03 00000c 2000 | 02b4", 0xaa, 0x03, true, false, 0x00000c, 0x2000, 2},
        // NetBIOS (SAP 0xF0) I-format PDU: the low control bit 0 means a second control byte (802.2 5.2).
        {"I-format two-byte control", "f0 f0 0a 0c | ff", 0xf0, 0x0c0a, false, false, 0, 0, 1},
    };
    for (const auto& row : rows) {
        SUBCASE(row.name) {
            const auto bytes = hex(row.pdu);
            const auto h = parse_llc(bytes);
            REQUIRE(h);
            CHECK(h->dsap == row.dsap);
            CHECK(h->control == row.control);
            CHECK(h->snap == row.snap);
            CHECK(h->carries_ethertype() == row.ethertype);
            CHECK(h->oui == row.oui);
            CHECK(h->pid == row.pid);
            CHECK(h->payload.size() == row.payload_size);
        }
    }
}

TEST_CASE("parse_llc rejects cut headers") {
    for (const char* pdu : {"", "42 42", "f0 f0 0a", "aa aa 03 0000", "aa aa 03 000000 08"}) {
        CAPTURE(pdu);
        const auto bytes = hex(pdu);
        CHECK(parse_llc(bytes).error() == ParseError::truncated);
    }
}
