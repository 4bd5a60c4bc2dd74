// Tests for src/parse/dot11.cpp: 802.11 MAC header lengths and address resolution (IEEE
// 802.11-2016 9.2.4, 9.3, Table 9-26), A-MSDU subframes (9.3.2.2).
#include <doctest/doctest.h>

#include "parse/dot11.hpp"
#include "test_hex_util.hpp"

using namespace isoprobe;
using namespace isoprobe::parse;
using isoprobe::test::hex;

namespace {
// Addresses used below: A1..A4 fill address fields 1..4 in order.
constexpr const char* k_a1 = "02:00:00:00:00:a1";
constexpr const char* k_a2 = "02:00:00:00:00:a2";
constexpr const char* k_a3 = "02:00:00:00:00:a3";
constexpr const char* k_a4 = "02:00:00:00:00:a4";
} // namespace

TEST_CASE("parse_dot11 resolves SA, DA and BSSID from ToDS/FromDS (Table 9-26)") {
    struct Row {
        const char* name;
        const char* frame;
        const char* sa;
        const char* da;
        const char* bssid; // "" when there is none
        const char* receiver;
        std::size_t body_size;
    };
    const Row rows[] = {
        {"IBSS (00)", "0800 0000 0200000000a1 0200000000a2 0200000000a3 0000 | aaaa", k_a2, k_a1, k_a3, k_a1,
         2},
        {"from the AP (FromDS)", "0802 0000 0200000000a1 0200000000a2 0200000000a3 0000 | aaaa", k_a3, k_a1,
         k_a2, k_a1, 2},
        {"to the AP (ToDS)", "0801 0000 0200000000a1 0200000000a2 0200000000a3 0000 | aaaa", k_a2, k_a3, k_a1,
         k_a1, 2},
        {"WDS/mesh (ToDS+FromDS)",
         "0803 0000 0200000000a1 0200000000a2 0200000000a3 0000 0200000000a4 | aaaa", k_a4, k_a3, "", k_a1,
         2},
        // QoS data (subtype 8) adds the 2-byte QoS Control field.
        {"QoS data", "8801 0000 0200000000a1 0200000000a2 0200000000a3 0000 0000 | aaaa", k_a2, k_a3, k_a1,
         k_a1, 2},
        // QoS data with the Order bit (0x80) carries a 4-byte HT Control field too (9.2.4.1.10).
        {"QoS data +HTC", "8881 0000 0200000000a1 0200000000a2 0200000000a3 0000 0000 01020304 | aaaa", k_a2,
         k_a3, k_a1, k_a1, 2},
        // A non-QoS data frame's Order bit means StrictlyOrdered, not +HTC.
        {"non-QoS data with Order", "0881 0000 0200000000a1 0200000000a2 0200000000a3 0000 | aaaa", k_a2,
         k_a3, k_a1, k_a1, 2},
        // Beacon (type 0 subtype 8): DA broadcast, SA = BSSID.
        {"beacon", "8000 0000 ffffffffffff 0200000000a2 0200000000a2 0000 | 0102030405060708", k_a2,
         "ff:ff:ff:ff:ff:ff", k_a2, "ff:ff:ff:ff:ff:ff", 8},
        {"management +HTC", "d080 0000 0200000000a1 0200000000a2 0200000000a3 0000 01020304 | 0400", k_a2,
         k_a1, k_a3, k_a1, 2},
    };
    for (const auto& row : rows) {
        SUBCASE(row.name) {
            const auto bytes = hex(row.frame);
            const auto f = parse_dot11(bytes, false);
            REQUIRE(f);
            CHECK(f->has_source);
            CHECK(f->sa.str() == row.sa);
            CHECK(f->da.str() == row.da);
            CHECK(f->info.has_bssid == (row.bssid[0] != '\0'));
            if (f->info.has_bssid) CHECK(f->info.bssid.str() == row.bssid);
            CHECK(f->body.size() == row.body_size);
            CHECK(f->info.receiver.str() == row.receiver);
        }
    }
}

TEST_CASE("parse_dot11 reads frame control fields") {
    // QoS data, ToDS, protected (flags 0x41), QoS Control 0x0080: A-MSDU present.
    const auto protected_amsdu =
        hex("8841 0000 0200000000a1 0200000000a2 0200000000a3 0000 8000 | 0011223344556677");
    const auto f = parse_dot11(protected_amsdu, false);
    REQUIRE(f);
    CHECK(f->info.type == k_dot11_data);
    CHECK(f->info.subtype == 8);
    CHECK(f->info.to_ds);
    CHECK_FALSE(f->info.from_ds);
    CHECK(f->info.protected_frame);
    CHECK(f->amsdu);
    CHECK_FALSE(f->no_data);

    // Null function (subtype 4) and QoS Null (12) carry no body.
    const auto null_frame = hex("4811 0000 0200000000a1 0200000000a2 0200000000a1 0000");
    CHECK(parse_dot11(null_frame, false)->no_data);
    const auto qos_null = hex("c801 0000 0200000000a1 0200000000a2 0200000000a1 0000 0000");
    CHECK(parse_dot11(qos_null, false)->no_data);

    // Protected management frame (deauthentication, 802.11w): no body handed to the element parser.
    const auto protected_deauth =
        hex("c040 0000 0200000000a1 0200000000a2 0200000000a3 0000 | 0102030405060708");
    const auto d = parse_dot11(protected_deauth, false);
    CHECK(d->body.size() == 8);
    CHECK(d->info.mgmt_body.empty());
    const auto beacon = hex("8000 0000 ffffffffffff 0200000000a2 0200000000a2 0000 | 0102030405060708");
    CHECK(parse_dot11(beacon, false)->info.mgmt_body.size() == 8);
}

TEST_CASE("parse_dot11 honours radiotap's header padding") {
    // QoS data header is 26 bytes; with datapad two bytes of padding reach the 4-byte boundary.
    const auto frame = hex("8801 0000 0200000000a1 0200000000a2 0200000000a3 0000 0000 | 0000 | aaaa0300");
    CHECK(parse_dot11(frame, true)->body.size() == 4);
    CHECK(parse_dot11(frame, false)->body.size() == 6);
}

TEST_CASE("parse_dot11 decodes control frames by their addresses only") {
    struct Row {
        const char* name;
        const char* frame;
        bool has_source;
        const char* transmitter;
        const char* bssid;
    };
    const Row rows[] = {
        {"ACK: receiver only", "d400 0000 0200000000a1", false, "00:00:00:00:00:00", ""},
        {"CTS: receiver only", "c400 0000 0200000000a1", false, "00:00:00:00:00:00", ""},
        {"RTS", "b400 0000 0200000000a1 0200000000a2", true, k_a2, ""},
        // A bandwidth-signalling TA has the group bit set (9.3.1.2): the station is 02:00:00:00:00:a2.
        {"RTS with bandwidth signalling TA", "b400 0000 0200000000a1 0300000000a2", true, k_a2, ""},
        {"Block Ack", "9400 0000 0200000000a1 0200000000a2 0500", true, k_a2, ""},
        {"PS-Poll: RA is the BSSID", "a400 01c0 0200000000a1 0200000000a2", true, k_a2, k_a1},
        {"CF-End: TA is the BSSID", "e400 0000 ffffffffffff 0200000000a2", true, k_a2, k_a2},
    };
    for (const auto& row : rows) {
        SUBCASE(row.name) {
            const auto bytes = hex(row.frame);
            const auto f = parse_dot11(bytes, false);
            REQUIRE(f);
            CHECK(f->info.type == k_dot11_ctrl);
            CHECK(f->has_source == row.has_source);
            CHECK(f->info.transmitter.str() == row.transmitter);
            CHECK(f->info.has_bssid == (row.bssid[0] != '\0'));
            if (f->info.has_bssid) CHECK(f->info.bssid.str() == row.bssid);
        }
    }
}

TEST_CASE("parse_dot11 rejects cut headers and formats it does not decode") {
    struct Row {
        const char* name;
        const char* frame;
        ParseError error;
    };
    const Row rows[] = {
        {"frame control only", "0800", ParseError::truncated},
        {"ACK without its receiver", "d400 0000 0200000000", ParseError::truncated},
        {"RTS without its TA", "b400 0000 0200000000a1 02", ParseError::truncated},
        {"data without sequence control", "0800 0000 0200000000a1 0200000000a2 0200000000a3",
         ParseError::truncated},
        {"WDS without address 4", "0803 0000 0200000000a1 0200000000a2 0200000000a3 0000 0200",
         ParseError::truncated},
        {"QoS data without QoS control", "8801 0000 0200000000a1 0200000000a2 0200000000a3 0000 00",
         ParseError::truncated},
        {"QoS +HTC cut", "8881 0000 0200000000a1 0200000000a2 0200000000a3 0000 0000 0102",
         ParseError::truncated},
        {"protocol version 1 (802.11ah)", "0900 0000 0200000000a1", ParseError::unsupported},
        {"extension type (DMG beacon)", "0c00 0000 0200000000a1", ParseError::unsupported},
    };
    for (const auto& row : rows) {
        SUBCASE(row.name) {
            const auto bytes = hex(row.frame);
            CHECK(parse_dot11(bytes, false).error() == row.error);
        }
    }
}

TEST_CASE("parse_amsdu_subframe reads the first subframe's addresses") {
    // DA, SA, length 8, then an LLC/SNAP header for ARP; the second subframe follows after padding.
    const auto body = hex("0200000000a3 0200000000a4 0008 | aaaa030000000806 | 0000 0000 ffff");
    const auto s = parse_amsdu_subframe(body);
    REQUIRE(s);
    CHECK(s->da.str() == k_a3);
    CHECK(s->sa.str() == k_a4);
    CHECK(s->msdu.size() == 8);
    const auto cut = hex("0200000000a3 0200000000a4 00");
    CHECK(parse_amsdu_subframe(cut).error() == ParseError::truncated);
}
