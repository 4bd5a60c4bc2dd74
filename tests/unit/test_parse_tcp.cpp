// Tests for src/parse/tcp.cpp: the TCP header (RFC 9293 3.1).
#include <doctest/doctest.h>

#include "parse/tcp.hpp"
#include "test_hex_util.hpp"

using namespace isoprobe;
using namespace isoprobe::parse;
using isoprobe::test::hex;

TEST_CASE("parse_tcp reads ports, flags and skips options") {
    // zeek-smb2_llmnr_nbns.pcap frame 2: 445 -> 57829, SYN+ACK, data offset 8 (12 bytes of options).
    const auto syn_ack = hex("01bd e1e5 dc871f48 331436e4 80 12 ffff ecf4 0000 | 020405b40103030801010402");
    const auto h = parse_tcp(syn_ack);
    REQUIRE(h);
    CHECK(h->sport == 445);
    CHECK(h->dport == 57829);
    CHECK(h->flags == (k_tcp_syn | k_tcp_ack));
    CHECK(h->payload.empty());

    const auto with_data = hex("e1e5 01bd 331436e4 dc871f49 50 18 0100 0000 0000 | 000000a4fe534d42");
    CHECK(parse_tcp(with_data)->payload.size() == 8);
    CHECK(parse_tcp(with_data)->flags == (k_tcp_psh | k_tcp_ack));
}

TEST_CASE("parse_tcp rejects bad headers") {
    const auto short_header = hex("01bd e1e5 dc871f48 331436e4 50 12 ffff ecf4 00");
    CHECK(parse_tcp(short_header).error() == ParseError::truncated);
    const auto options_cut = hex("01bd e1e5 dc871f48 331436e4 80 12 ffff ecf4 0000 | 020405b4");
    CHECK(parse_tcp(options_cut).error() == ParseError::truncated);
    const auto offset_4 = hex("01bd e1e5 dc871f48 331436e4 40 12 ffff ecf4 0000");
    CHECK(parse_tcp(offset_4).error() == ParseError::bad_length);
}
