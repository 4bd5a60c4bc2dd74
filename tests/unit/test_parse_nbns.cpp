// Tests for src/parse/nbns.cpp: the NetBIOS name service header (RFC 1002 4.2.1.1).
#include <doctest/doctest.h>

#include "parse/nbns.hpp"
#include "test_hex_util.hpp"

using namespace isoprobe;
using namespace isoprobe::parse;
using isoprobe::test::hex;

TEST_CASE("parse_nbns_header reads the response bit") {
    // tcpdump-eapon1.pcap frame 4: broadcast name query (flags 0x0110: query, RD, B).
    const auto query = hex("8921 0110 0001 0000 0000 0000 | 2045424643");
    const auto q = parse_nbns_header(query);
    REQUIRE(q);
    CHECK(q->transaction_id == 0x8921);
    CHECK_FALSE(q->response());
    // zeek-smb2_llmnr_nbns.pcap frame 130: positive response (flags 0x8400: R, AA), tshark
    // nbns.flags.response 1.
    const auto response = hex("8d02 8400 0000 0001 0000 0000");
    CHECK(parse_nbns_header(response)->response());
    const auto cut = hex("8d02 8400 0000 0001 0000");
    CHECK(parse_nbns_header(cut).error() == ParseError::truncated);
}
