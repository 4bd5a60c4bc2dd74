// Tests for src/parse/radiotap.cpp: header length, presence bitmap chain, TSFT alignment, Flags and the FCS
// (radiotap.org "Radiotap header", "Alignment in radiotap", fields TSFT and Flags).
#include <doctest/doctest.h>

#include "parse/radiotap.hpp"
#include "test_hex_util.hpp"

using namespace isoprobe;
using namespace isoprobe::parse;
using isoprobe::test::hex;

TEST_CASE("parse_radiotap finds the Flags field and strips the FCS") {
    struct Row {
        const char* name;
        const char* data;
        std::uint8_t flags;
        std::size_t frame_size;
    };
    const Row rows[] = {
        {"no fields at all", "00 00 0800 00000000 | d4000000", 0, 4},
        {"Flags only, no FCS", "00 00 0900 02000000 00 | d4000000 112233445566", 0, 10},
        {"Flags only, FCS present", "00 00 0900 02000000 10 | d4000000 112233445566 | 01020304", 0x10, 10},
        // TSFT (u64) must start on an 8-byte boundary: right after the 8-byte fixed header, then Flags at 16.
        {"TSFT then Flags", "00 00 1100 03000000 0102030405060708 10 | d400 | aabbccdd", 0x10, 2},
        // Two presence words end at offset 12, so TSFT is padded to 16 and Flags sits at 24.
        {"extended bitmap moves TSFT to 16",
         "00 00 1900 03000080 00000000 00000000 0102030405060708 20 | 88010000", 0x20, 4},
        // ws-owe.pcapng.gz frame 10: length 13, present 0x00028004: Rate, TX flags (u16, padded), data
        // retries.
        {"real header without Flags", "00000d00 04800200 02 00 0000 00 | 4000", 0, 2},
        // scapy-bad_rsn_parsing_overrides_ssid.pcap frame 1: four presence words, TSFT at 24, Flags 0x10
        // (FCS) at 32.
        {"real header with a bitmap chain",
         "000030002f4000a0200800a0200800a020080000000000000b70696e3b25ed4e100c6c09c000ce000000b200bd01ce02"
         "80000000ffffffffffff | 9e5bf2aa",
         0x10, 10},
    };
    for (const auto& row : rows) {
        SUBCASE(row.name) {
            const auto bytes = hex(row.data);
            const auto h = parse_radiotap(bytes);
            REQUIRE(h);
            CHECK(h->flags == row.flags);
            CHECK(h->frame.size() == row.frame_size);
        }
    }
}

TEST_CASE("parse_radiotap removes only the captured part of an FCS cut by the snaplen") {
    // zeek-arp_who_has_radiotap.pcap frame 1 is 149 bytes on the wire but 110 captured: no FCS byte is
    // captured, so all 62 bytes after the 48-byte header are frame.
    const auto bytes = hex("00 00 0900 02000000 10 | 0102030405060708090a0b0c");
    CHECK(parse_radiotap(bytes, 100)->frame.size() == 12);
    // Two of the four FCS bytes captured.
    CHECK(parse_radiotap(bytes, 23)->frame.size() == 10);
    CHECK(parse_radiotap(bytes, 0)->frame.size() == 8);
}

TEST_CASE("parse_radiotap rejects bad headers") {
    struct Row {
        const char* name;
        const char* data;
        ParseError error;
    };
    const Row rows[] = {
        {"shorter than the fixed header", "00 00 0800 000000", ParseError::truncated},
        {"version 1", "01 00 0800 00000000", ParseError::bad_value},
        {"length below 8", "00 00 0700 00000000", ParseError::bad_length},
        {"length beyond the data", "00 00 4000 00000000 0000", ParseError::truncated},
        {"bitmap chain past the length", "00 00 0800 00000080 00000000", ParseError::bad_length},
        {"Flags past the length", "00 00 0800 02000000 10", ParseError::bad_length},
        {"TSFT past the length", "00 00 0c00 03000000 01020304 05060708 10", ParseError::bad_length},
        {"FCS announced but not there", "00 00 0900 02000000 10 | d40000", ParseError::truncated},
    };
    for (const auto& row : rows) {
        SUBCASE(row.name) {
            const auto bytes = hex(row.data);
            CHECK(parse_radiotap(bytes).error() == row.error);
        }
    }
}
