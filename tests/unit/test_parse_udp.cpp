// Tests for src/parse/udp.cpp: the UDP header (RFC 768).
#include <doctest/doctest.h>

#include "parse/udp.hpp"
#include "test_hex_util.hpp"

using namespace isoprobe;
using namespace isoprobe::parse;
using isoprobe::test::hex;

TEST_CASE("parse_udp reads ports and trims to the length field") {
    struct Row {
        const char* name;
        const char* datagram;
        std::size_t payload_size;
    };
    const Row rows[] = {
        // zeek-smb2_llmnr_nbns.pcap frame 131: 52272 -> 5355, length 52.
        {"LLMNR query header", "cc30 14eb 0034 cbef | 380500000001000000000000", 12},
        {"length shorter than the bytes", "cc30 14eb 000c cbef | 01020304 0000", 4},
        {"length longer than the bytes", "cc30 14eb 0100 cbef | 01020304", 4},
        {"length below 8 keeps the bytes", "cc30 14eb 0000 cbef | 01020304", 4},
    };
    for (const auto& row : rows) {
        SUBCASE(row.name) {
            const auto bytes = hex(row.datagram);
            const auto h = parse_udp(bytes);
            REQUIRE(h);
            CHECK(h->sport == 52272);
            CHECK(h->dport == 5355);
            CHECK(h->payload.size() == row.payload_size);
        }
    }
    const auto cut = hex("cc30 14eb 0034 cb");
    CHECK(parse_udp(cut).error() == ParseError::truncated);
}
