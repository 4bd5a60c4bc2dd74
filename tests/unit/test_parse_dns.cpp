// Tests for src/parse/dns.cpp: the DNS header (RFC 1035 4.1.1) over UDP and TCP (4.2.2).
#include <doctest/doctest.h>

#include "parse/dns.hpp"
#include "test_hex_util.hpp"

using namespace isoprobe;
using namespace isoprobe::parse;
using isoprobe::test::hex;

TEST_CASE("parse_dns_header reads the id and the QR bit") {
    struct Row {
        const char* name;
        const char* message;
        std::uint16_t id;
        bool response;
    };
    const Row rows[] = {
        // zeek-smb2_llmnr_nbns.pcap frames 131 and 132 (LLMNR shares the header): query, then response.
        {"LLMNR query", "3805 0000 0001 0000 0000 0000 | 0231", 0x3805, false},
        {"LLMNR response", "3805 8000 0001 0001 0000 0000", 0x3805, true},
        // Standard query with RD (0x0100) and a response with QR, RD, RA (0x8180).
        {"recursive query", "1234 0100 0001 0000 0000 0000", 0x1234, false},
        {"recursive response", "1234 8180 0001 0001 0000 0000", 0x1234, true},
    };
    for (const auto& row : rows) {
        SUBCASE(row.name) {
            const auto bytes = hex(row.message);
            const auto h = parse_dns_header(bytes);
            REQUIRE(h);
            CHECK(h->id == row.id);
            CHECK(h->response() == row.response);
        }
    }
    const auto cut = hex("1234 8180 0001 0001 0000 00");
    CHECK(parse_dns_header(cut).error() == ParseError::truncated);
}

TEST_CASE("parse_dns_tcp_header skips the length prefix") {
    const auto segment = hex("001d | 1234 8180 0001 0001 0000 0000");
    const auto h = parse_dns_tcp_header(segment);
    REQUIRE(h);
    CHECK(h->id == 0x1234);
    CHECK(h->response());
    const auto prefix_only = hex("001d");
    CHECK(parse_dns_tcp_header(prefix_only).error() == ParseError::truncated);
    const auto empty = hex("");
    CHECK(parse_dns_tcp_header(empty).error() == ParseError::truncated);
}
