// 802.11 management frame bodies (IEEE 802.11-2020 9.3.3) and their elements (9.4.2).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "analyze/inspect.hpp"
#include "parse/dot11_mgmt.hpp"
#include "report/json.hpp"

using namespace isoprobe;
using namespace isoprobe::parse;

namespace {

// scapy-bad_rsn_parsing_overrides_ssid.pcap frame 1: beacon body (after the 24-byte header) to the end of the
// frame, FCS included (radiotap flags 0x10): the 4 FCS bytes read as an element that runs past the end.
// tshark: SSID "ROUTE-821E295", channel 1, capabilities 0x0431, RSN AKM 2, MFPC 1, group management cipher 6.
const std::vector<std::uint8_t> k_scapy_beacon{
    0x81, 0x61, 0xa1, 0x08, 0x00, 0x00, 0x00, 0x00, 0x64, 0x00, 0x31, 0x04, 0x00, 0x0d, 0x52, 0x4f, 0x55,
    0x54, 0x45, 0x2d, 0x38, 0x32, 0x31, 0x45, 0x32, 0x39, 0x35, 0x01, 0x01, 0x8c, 0x03, 0x01, 0x01, 0x05,
    0x04, 0x00, 0x02, 0x00, 0x00, 0x07, 0x24, 0x49, 0x4c, 0x20, 0x01, 0x01, 0x14, 0x02, 0x01, 0x14, 0x03,
    0x01, 0x14, 0x04, 0x01, 0x14, 0x05, 0x01, 0x14, 0x06, 0x01, 0x14, 0x07, 0x01, 0x14, 0x08, 0x01, 0x14,
    0x09, 0x01, 0x14, 0x0a, 0x01, 0x14, 0x0b, 0x01, 0x14, 0x3b, 0x12, 0x51, 0x51, 0x52, 0x53, 0x54, 0x73,
    0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x7b, 0x7d, 0x7e, 0x7f, 0x80, 0x2a, 0x01, 0x00, 0x30, 0x1a,
    0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x01, 0x00, 0x00, 0x0f, 0xac,
    0x02, 0x8c, 0x00, 0x00, 0x00, 0x00, 0x0f, 0xac, 0x06, 0x2d, 0x1a, 0x8d, 0x01, 0x1f, 0xff, 0xff, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x3d, 0x16, 0x01, 0x00, 0x15, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xdd, 0x18, 0x00, 0x50, 0xf2, 0x02, 0x01,
    0x01, 0x81, 0x00, 0x03, 0xa4, 0x00, 0x00, 0x27, 0xa4, 0x00, 0x00, 0x42, 0x54, 0x5e, 0x00, 0x61, 0x32,
    0x2f, 0x00, 0x7f, 0x01, 0x04, 0xdd, 0x07, 0x00, 0xa0, 0xc6, 0x02, 0x02, 0x03, 0x00, 0xdd, 0x17, 0xec,
    0x17, 0x2f, 0x52, 0x52, 0x52, 0x52, 0x52, 0x52, 0x52, 0x52, 0x52, 0x52, 0x52, 0x52, 0x52, 0x52, 0x52,
    0x52, 0x52, 0x52, 0x52, 0x52, 0x52, 0x9e, 0x5b, 0xf2,
};

// ws-wep.pcapng.gz frame 1: beacon body. tshark: SSID "Wireshark-wep", channel 3, capabilities 0x0411, no
// RSN.
const std::vector<std::uint8_t> k_wep_beacon{
    0xc0, 0x41, 0x9b, 0x5b, 0x20, 0xb2, 0x05, 0x00, 0x2c, 0x01, 0x11, 0x04, 0x00, 0x0d,
    0x57, 0x69, 0x72, 0x65, 0x73, 0x68, 0x61, 0x72, 0x6b, 0x2d, 0x77, 0x65, 0x70, 0x01,
    0x08, 0x82, 0x84, 0x8b, 0x96, 0x0c, 0x12, 0x18, 0x24, 0x03, 0x01, 0x03, 0x05, 0x04,
    0x01, 0x02, 0x00, 0x00, 0x2a, 0x01, 0x04, 0x32, 0x04, 0x30, 0x48, 0x60, 0x6c, 0x3b,
    0x02, 0x51, 0x00, 0x7f, 0x08, 0x04, 0x00, 0x40, 0x02, 0x00, 0x00, 0x00, 0x40,
};

std::string text(const std::vector<std::uint8_t>& v) {
    return {v.begin(), v.end()};
}

bool has(const MgmtBody& b, ElementAnomaly a) {
    return std::find(b.anomalies.begin(), b.anomalies.end(), a) != b.anomalies.end();
}

// A beacon's 12 fixed bytes with the privacy bit set, then `elements`.
std::vector<std::uint8_t> beacon(std::initializer_list<std::uint8_t> elements) {
    std::vector<std::uint8_t> b(8, 0x00);
    b.insert(b.end(), {0x64, 0x00, 0x11, 0x04});
    b.insert(b.end(), elements);
    return b;
}

} // namespace

TEST_CASE("scapy-bad_rsn_parsing_overrides_ssid.pcap: the SSID survives the RSN and the trailing FCS bytes") {
    auto b = parse_mgmt_body(k_mgmt_beacon, k_scapy_beacon);
    REQUIRE(b);
    REQUIRE(b->ssid);
    CHECK(text(*b->ssid) == "ROUTE-821E295");
    CHECK(b->capability == 0x0431);
    CHECK(b->privacy());
    CHECK(b->channel == 1);
    REQUIRE(b->rsn);
    CHECK(b->rsn->akms == std::vector<Suite>{Suite{k_oui_ieee80211, 2}});
    CHECK(b->rsn->mfpc());
    CHECK(b->rsn->group_mgmt_cipher == Suite{k_oui_ieee80211, 6});
    CHECK_FALSE(b->wpa); // the 00-50-F2 element here is WMM (type 2), not WPA
    CHECK(has(*b, ElementAnomaly::truncated_element));
    CHECK_FALSE(has(*b, ElementAnomaly::malformed_rsn));
}

TEST_CASE("ws-wep.pcapng beacon: privacy without RSN or WPA") {
    auto b = parse_mgmt_body(k_mgmt_beacon, k_wep_beacon);
    REQUIRE(b);
    CHECK(text(*b->ssid) == "Wireshark-wep");
    CHECK(b->channel == 3);
    CHECK(b->privacy());
    CHECK_FALSE(b->rsn);
    CHECK_FALSE(b->wpa);
    CHECK(b->anomalies.empty());
}

TEST_CASE("SSID element (9.4.2.2)") {
    SUBCASE("empty SSID hides the network") {
        auto b = parse_mgmt_body(k_mgmt_beacon, beacon({0x00, 0x00, 0x03, 0x01, 0x06}));
        REQUIRE(b);
        REQUIRE(b->ssid);
        CHECK(b->ssid->empty());
        CHECK(ssid_hidden(*b->ssid));
        CHECK(b->channel == 6);
    }
    SUBCASE("all-zero SSID hides it too; any other bytes are kept raw") {
        CHECK(ssid_hidden(std::vector<std::uint8_t>{0, 0, 0, 0, 0}));
        CHECK_FALSE(ssid_hidden(std::vector<std::uint8_t>{0, 0xff}));
        auto b = parse_mgmt_body(k_mgmt_beacon, beacon({0x00, 0x03, 0xe6, 0x97, 0xa5}));
        REQUIRE(b);
        CHECK(*b->ssid == std::vector<std::uint8_t>{0xe6, 0x97, 0xa5});
    }
    SUBCASE("a 33-byte SSID is malformed, no name; a second SSID element does not replace the first") {
        auto body = beacon({0x00, 33});
        body.insert(body.end(), 33, 'a');
        body.insert(body.end(), {0x00, 0x01, 'b'});
        auto b = parse_mgmt_body(k_mgmt_beacon, body);
        REQUIRE(b);
        CHECK_FALSE(b->ssid);
        CHECK(b->anomalies ==
              std::vector<ElementAnomaly>{ElementAnomaly::bad_ssid_length, ElementAnomaly::duplicate_ssid});
        CHECK(b->elements == 2);
    }
    SUBCASE("32 bytes is the longest SSID") {
        auto body = beacon({0x00, 32});
        body.insert(body.end(), 32, 'a');
        auto b = parse_mgmt_body(k_mgmt_beacon, body);
        REQUIRE(b);
        CHECK(b->ssid->size() == 32);
        CHECK(b->anomalies.empty());
    }
}

TEST_CASE("a broken RSN element is counted and disturbs nothing else") {
    // RSN cut inside the group cipher, placed before and after the SSID.
    auto b = parse_mgmt_body(k_mgmt_beacon, beacon({0x30, 0x04, 0x01, 0x00, 0x00, 0x0f, 0x00, 0x02, 'o', 'k',
                                                    0x30, 0x01, 0x01, 0x03, 0x01, 0x0b}));
    REQUIRE(b);
    CHECK(text(*b->ssid) == "ok");
    CHECK(b->channel == 11);
    CHECK(std::count(b->anomalies.begin(), b->anomalies.end(), ElementAnomaly::malformed_rsn) == 2);
    // The first element's complete fields are kept; the second, without even a version, replaces nothing.
    REQUIRE(b->rsn);
    CHECK(b->rsn->malformed);
    CHECK_FALSE(b->rsn->group_cipher);
}

TEST_CASE("an element running past the end stops the walk, keeping what came before") {
    auto b = parse_mgmt_body(k_mgmt_beacon, beacon({0x00, 0x02, 'h', 'i', 0x30, 0x14, 0x01, 0x00}));
    REQUIRE(b);
    CHECK(text(*b->ssid) == "hi");
    CHECK_FALSE(b->rsn);
    CHECK(b->anomalies == std::vector<ElementAnomaly>{ElementAnomaly::truncated_element});
    CHECK(b->elements == 1);
    SUBCASE("a lone id byte at the end too") {
        auto c = parse_mgmt_body(k_mgmt_beacon, beacon({0x00, 0x00, 0xdd}));
        REQUIRE(c);
        CHECK(c->anomalies == std::vector<ElementAnomaly>{ElementAnomaly::truncated_element});
    }
}

TEST_CASE("channel: DS Parameter Set, else the HT Operation primary channel") {
    auto b = parse_mgmt_body(k_mgmt_probe_response, beacon({0x3d, 0x02, 0x24, 0x05}));
    REQUIRE(b);
    CHECK(b->channel == 36);
    auto c = parse_mgmt_body(k_mgmt_beacon, beacon({0x3d, 0x02, 0x24, 0x05, 0x03, 0x01, 0x28}));
    REQUIRE(c);
    CHECK(c->channel == 40);
    auto d = parse_mgmt_body(k_mgmt_beacon, beacon({0x03, 0x02, 0x01, 0x02}));
    REQUIRE(d);
    CHECK_FALSE(d->channel);
    CHECK(has(*d, ElementAnomaly::bad_ds_length));
}

TEST_CASE("WPA vendor element inside a body; a cut one is counted") {
    auto b = parse_mgmt_body(
        k_mgmt_beacon, beacon({0xdd, 0x16, 0x00, 0x50, 0xf2, 0x01, 0x01, 0x00, 0x00, 0x50, 0xf2, 0x02,
                               0x01, 0x00, 0x00, 0x50, 0xf2, 0x02, 0x01, 0x00, 0x00, 0x50, 0xf2, 0x02}));
    REQUIRE(b);
    REQUIRE(b->wpa);
    CHECK(b->wpa->wpa);
    CHECK(b->anomalies.empty());
    auto c =
        parse_mgmt_body(k_mgmt_beacon, beacon({0xdd, 0x08, 0x00, 0x50, 0xf2, 0x01, 0x01, 0x00, 0x00, 0x50}));
    REQUIRE(c);
    CHECK(has(*c, ElementAnomaly::malformed_wpa));
}

TEST_CASE("fixed fields per subtype (9.3.3)") {
    SUBCASE("association request: capability and listen interval") {
        const std::vector<std::uint8_t> body{0x31, 0x04, 0x0a, 0x00, 0x00, 0x01, 'x'};
        auto b = parse_mgmt_body(k_mgmt_assoc_request, body);
        REQUIRE(b);
        CHECK(b->capability == 0x0431);
        CHECK(text(*b->ssid) == "x");
    }
    SUBCASE("reassociation request: plus the current AP address") {
        const std::vector<std::uint8_t> body{0x01, 0x04, 0x0a, 0x00, 1, 2, 3, 4, 5, 6, 0x00, 0x01, 'y'};
        auto b = parse_mgmt_body(k_mgmt_reassoc_request, body);
        REQUIRE(b);
        CHECK(b->capability == 0x0401);
        CHECK_FALSE(b->privacy());
        CHECK(text(*b->ssid) == "y");
    }
    SUBCASE("probe request: no fixed fields, no capability") {
        const std::vector<std::uint8_t> body{0x00, 0x00};
        auto b = parse_mgmt_body(k_mgmt_probe_request, body);
        REQUIRE(b);
        CHECK_FALSE(b->capability);
        CHECK(b->ssid);
    }
    SUBCASE("a body shorter than its fixed fields is an error") {
        auto b = parse_mgmt_body(k_mgmt_beacon, Bytes(k_wep_beacon).first(11));
        REQUIRE_FALSE(b);
        CHECK(b.error().kind == ErrorKind::truncated);
        CHECK_FALSE(parse_mgmt_body(k_mgmt_assoc_request, Bytes(k_wep_beacon).first(3)));
    }
    SUBCASE("subtypes without elements we read are refused") {
        auto b = parse_mgmt_body(13, k_wep_beacon); // action
        REQUIRE_FALSE(b);
        CHECK(b.error().kind == ErrorKind::bad_value);
    }
}

TEST_CASE("an over-long SSID is a malformed element in the report, not the network's name") {
    // tshark on captures/bad/ssid-33-bytes.pcap: frame 1 "SSID length (33) greater than maximum (32)"
    // (Error/Malformed); frame 2 a 32-byte SSID, no complaint.
    auto rep =
        analyze::inspect_files({std::string(ISOPROBE_SOURCE_DIR) + "/captures/bad/ssid-33-bytes.pcap"}, {});
    REQUIRE(rep);
    const auto wlan = report::to_json(*rep)["wlan"];
    REQUIRE(wlan["bss"].size() == 2);
    const auto& bad = wlan["bss"][0];
    CHECK(bad["bssid"] == "02:00:00:00:00:01");
    CHECK(bad["ssid"].is_null());
    CHECK(bad["anomalies"] == nlohmann::ordered_json{{"bad_ssid_length", 1}});
    CHECK(bad["beacons"] == 1);
    CHECK(bad["channel"] == 6);
    const auto& good = wlan["bss"][1];
    CHECK(good["ssid"] == std::string(32, 'B'));
    CHECK(good["anomalies"].empty());
}
