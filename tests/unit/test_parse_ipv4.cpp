// Tests for src/parse/ipv4.cpp: the IPv4 header (RFC 791 3.1).
#include <doctest/doctest.h>

#include "parse/ipv4.hpp"
#include "test_hex_util.hpp"

using namespace isoprobe;
using namespace isoprobe::parse;
using isoprobe::test::hex;

TEST_CASE("parse_ipv4 reads the header") {
    struct Row {
        const char* name;
        const char* packet;
        std::uint8_t protocol;
        std::uint16_t fragment_offset;
        bool more_fragments;
        std::size_t payload_size;
    };
    const Row rows[] = {
        // zeek-smb2_llmnr_nbns.pcap frame 1: 172.31.112.17 -> 172.31.112.16, TCP, total length 52, DF.
        {"TCP SYN header",
         "4502 0034 250c 4000 80 06 0000 ac1f7011 ac1f7010 | "
         "00000000000000000000000000000000"
         "00000000000000000000000000000000",
         6, 0, false, 32},
        {"total length trims Ethernet padding",
         "4500 001c 0000 0000 40 11 0000 ac1f7011 ac1f7010 | 0102030405060708 0000", 17, 0, false, 8},
        {"total length beyond the capture keeps it",
         "4500 05dc 0000 0000 40 11 0000 ac1f7011 ac1f7010 | 01020304", 17, 0, false, 4},
        {"total length 0 (segmentation offload)",
         "4500 0000 0000 0000 40 06 0000 ac1f7011 ac1f7010 | 01020304", 6, 0, false, 4},
        // IHL 6: one 4-byte option (router alert, RFC 2113) before the payload.
        {"options", "4600 0020 0000 0000 01 02 0000 ac1f7011 e0000016 94040000 | 22000000", 2, 0, false, 4},
        {"first fragment", "4500 001c 0001 2000 40 11 0000 ac1f7011 ac1f7010 | 0102030405060708", 17, 0, true,
         8},
        // Flags/offset 0x00b9: offset 185 units (1480 bytes), last fragment.
        {"later fragment", "4500 001c 0001 00b9 40 11 0000 ac1f7011 ac1f7010 | 0102030405060708", 17, 185,
         false, 8},
    };
    for (const auto& row : rows) {
        SUBCASE(row.name) {
            const auto bytes = hex(row.packet);
            const auto h = parse_ipv4(bytes);
            REQUIRE(h);
            CHECK(h->src.str() == "172.31.112.17");
            CHECK(h->protocol == row.protocol);
            CHECK(h->fragment_offset == row.fragment_offset);
            CHECK(h->first_fragment() == (row.fragment_offset == 0));
            CHECK(h->more_fragments == row.more_fragments);
            CHECK(h->payload.size() == row.payload_size);
        }
    }
}

TEST_CASE("parse_ipv4 rejects bad headers") {
    struct Row {
        const char* name;
        const char* packet;
        ParseError error;
    };
    const Row rows[] = {
        {"empty", "", ParseError::truncated},
        {"19 bytes", "4500 0014 0000 0000 40 11 0000 ac1f7011 ac1f70", ParseError::truncated},
        {"IHL 15 with 20 bytes", "4f00 0014 0000 0000 40 11 0000 ac1f7011 ac1f7010", ParseError::truncated},
        {"version 6", "6500 0014 0000 0000 40 11 0000 ac1f7011 ac1f7010", ParseError::bad_value},
        {"IHL 4", "4400 0014 0000 0000 40 11 0000 ac1f7011 ac1f7010", ParseError::bad_length},
        {"total length below the header", "4500 0010 0000 0000 40 11 0000 ac1f7011 ac1f7010",
         ParseError::bad_length},
    };
    for (const auto& row : rows) {
        SUBCASE(row.name) {
            const auto bytes = hex(row.packet);
            CHECK(parse_ipv4(bytes).error() == row.error);
        }
    }
}
