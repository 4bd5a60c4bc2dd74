// The BSS table and its security classes (IEEE 802.11-2020 9.4.2.24; GUIDELINE wlan-encryption,
// ap-inventory).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyze/bss_table.hpp"
#include "test_analyze_util.hpp"

using namespace isoprobe;
using namespace isoprobe::analyze;
using namespace isoprobe::model;
using parse::RsnInfo;
using parse::Suite;

namespace {

Suite ieee(std::uint8_t t) {
    return Suite{parse::k_oui_ieee80211, t};
}
Suite wpa_suite(std::uint8_t t) {
    return Suite{parse::k_oui_wpa, t};
}

RsnInfo rsn(std::vector<std::uint8_t> akms, std::uint16_t caps = 0, std::vector<std::uint8_t> pairwise = {4},
            std::uint8_t group = 4) {
    RsnInfo r;
    r.version = 1;
    r.group_cipher = ieee(group);
    r.pairwise.emplace();
    for (auto p : pairwise)
        r.pairwise->push_back(ieee(p));
    r.akms.emplace();
    for (auto a : akms)
        r.akms->push_back(ieee(a));
    r.capabilities = caps;
    return r;
}

RsnInfo wpa1(std::uint8_t akm) {
    RsnInfo r;
    r.wpa = true;
    r.version = 1;
    r.group_cipher = wpa_suite(2);
    r.pairwise = std::vector<Suite>{wpa_suite(2)};
    r.akms = std::vector<Suite>{wpa_suite(akm)};
    return r;
}

constexpr std::uint16_t k_mfpc = 0x0080, k_mfpr_c = 0x00c0;

std::string cls(const std::optional<RsnInfo>& r, const std::optional<RsnInfo>& w = std::nullopt,
                bool privacy = true) {
    return std::string(bss_class_name(classify_bss(r, w, privacy).cls));
}

// Feeds one management frame from `bssid` with the given subtype and body.
struct Air {
    BssTable table;
    std::uint64_t number = 0;
    void send(std::uint8_t subtype, const MacAddr& bssid, const std::vector<std::uint8_t>& body,
              bool bad_fcs = false) {
        capture::Frame f;
        f.number = ++number;
        decode::Packet p;
        p.frame = &f;
        p.bad_fcs = bad_fcs;
        parse::Dot11Info d;
        d.type = 0;
        d.subtype = subtype;
        d.bssid = bssid;
        d.has_bssid = true;
        d.mgmt_body = body;
        p.dot11 = d;
        table.feed(p);
    }
};

// A beacon or probe response body: 12 fixed bytes with `capability`, an SSID and optional extra elements.
std::vector<std::uint8_t> ap_body(const std::string& ssid, std::uint16_t capability = 0x0411,
                                  std::vector<std::uint8_t> extra = {}) {
    std::vector<std::uint8_t> b(8, 0);
    b.insert(b.end(),
             {0x64, 0x00, static_cast<std::uint8_t>(capability), static_cast<std::uint8_t>(capability >> 8)});
    b.insert(b.end(), {0x00, static_cast<std::uint8_t>(ssid.size())});
    b.insert(b.end(), ssid.begin(), ssid.end());
    b.insert(b.end(), extra.begin(), extra.end());
    return b;
}

// RSN element with one pairwise cipher and one AKM.
std::vector<std::uint8_t> rsn_element(std::uint8_t cipher, std::uint8_t akm, std::uint16_t caps) {
    return {0x30,
            0x14,
            0x01,
            0x00,
            0x00,
            0x0f,
            0xac,
            cipher,
            0x01,
            0x00,
            0x00,
            0x0f,
            0xac,
            cipher,
            0x01,
            0x00,
            0x00,
            0x0f,
            0xac,
            akm,
            static_cast<std::uint8_t>(caps),
            static_cast<std::uint8_t>(caps >> 8)};
}

const MacAddr k_ap = *MacAddr::parse("02:00:00:00:00:01");

} // namespace

TEST_CASE("security classes from the RSN element, WPA element and privacy bit") {
    CHECK(cls(std::nullopt, std::nullopt, false) == "open");
    CHECK(cls(std::nullopt) == "wep");
    CHECK(cls(std::nullopt, wpa1(2)) == "wpa");
    CHECK(cls(rsn({2})) == "wpa2-personal");
    CHECK(cls(rsn({6}, k_mfpr_c)) == "wpa2-personal");
    CHECK(cls(rsn({2}, 0, {2}, 2)) == "wpa"); // RSN with TKIP only
    CHECK(cls(rsn({8}, k_mfpr_c)) == "wpa3-personal");
    CHECK(cls(rsn({24}, k_mfpr_c)) == "wpa3-personal");
    CHECK(cls(rsn({2, 8}, k_mfpc)) == "wpa3-transition");
    CHECK(cls(rsn({1}, k_mfpc)) == "wpa2-enterprise");
    CHECK(cls(rsn({3})) == "wpa2-enterprise");
    CHECK(cls(rsn({1, 5}, k_mfpr_c)) == "wpa3-enterprise");
    CHECK(cls(rsn({3}, k_mfpr_c)) == "wpa3-enterprise");
    CHECK(cls(rsn({12}, k_mfpr_c, {9}, 9)) == "wpa3-enterprise-192");
    CHECK(cls(rsn({12, 13}, k_mfpr_c, {9}, 9)) == "wpa3-enterprise-192");
    CHECK(cls(rsn({12}, k_mfpc, {9}, 9)) == "wpa2-enterprise"); // 192-bit needs PMF required
    CHECK(cls(rsn({5, 12}, k_mfpr_c, {9}, 9)) == "wpa3-enterprise");
    CHECK(cls(rsn({1, 2})) == "wpa2-personal"); // a PSK beside 802.1X lets stations in with a password
    CHECK(cls(rsn({18}, k_mfpr_c)) == "owe");
    RsnInfo vendor = rsn({});
    vendor.akms->push_back(Suite{{0x50, 0x6f, 0x9a}, 2});
    CHECK(cls(vendor) == "unknown");
}

TEST_CASE("defaults for omitted RSN fields (9.4.2.24.1) and PMF") {
    RsnInfo bare;
    bare.version = 1;
    auto s = classify_bss(bare, std::nullopt, true);
    CHECK(s.group == ieee(4));
    CHECK(s.pairwise == std::vector<Suite>{ieee(4)});
    CHECK(s.akms == std::vector<Suite>{ieee(1)});
    CHECK(s.pmf == Pmf::off);
    CHECK(s.cls == BssClass::wpa2_enterprise);
    CHECK_FALSE(s.group_mgmt);

    auto pmf = classify_bss(rsn({2}, k_mfpr_c), std::nullopt, true);
    CHECK(pmf.pmf == Pmf::required);
    CHECK(pmf.group_mgmt == ieee(6)); // BIP-CMAC-128 when PMF is on and the field is absent
    CHECK(classify_bss(rsn({2}, k_mfpc), std::nullopt, true).pmf == Pmf::capable);
    CHECK(pmf_name(Pmf::capable) == "capable");
}

TEST_CASE("legacy ciphers and WPA/WPA2 mixed mode are flagged") {
    auto mixed = classify_bss(rsn({2}, 0, {4, 2}, 2), wpa1(2), true);
    CHECK(mixed.cls == BssClass::wpa2_personal);
    CHECK(mixed.wpa1);
    CHECK(mixed.legacy_cipher);
    auto clean = classify_bss(rsn({2}), std::nullopt, true);
    CHECK_FALSE(clean.wpa1);
    CHECK_FALSE(clean.legacy_cipher);
    auto wpa_beside = classify_bss(rsn({2}), wpa1(2), true); // the WPA element alone brings TKIP back
    CHECK(wpa_beside.legacy_cipher);
    CHECK(classify_bss(std::nullopt, std::nullopt, true).legacy_cipher); // WEP
}

TEST_CASE("BSS table: entries, hidden SSIDs, sources, anomalies") {
    Air air;
    SUBCASE("a hidden beacon named by a probe response") {
        air.send(parse::k_mgmt_beacon, k_ap, ap_body("", 0x0411, rsn_element(4, 1, k_mfpc)));
        air.send(parse::k_mgmt_probe_response, k_ap, ap_body("corp", 0x0411, rsn_element(4, 1, k_mfpc)));
        air.send(parse::k_mgmt_beacon, k_ap, ap_body("", 0x0411, rsn_element(4, 1, k_mfpc)));
        REQUIRE(air.table.entries().size() == 1);
        const auto& e = air.table.entries()[0];
        CHECK(e.hidden);
        CHECK(e.ssid_known);
        CHECK(std::string(e.ssid.begin(), e.ssid.end()) == "corp");
        CHECK(e.beacons == 2);
        CHECK(e.probe_responses == 1);
        CHECK(e.first_frame == 1);
        CHECK(e.last_frame == 3);
        CHECK(e.security.cls == BssClass::wpa2_enterprise);
    }
    SUBCASE("an association request stands in until the AP itself is heard, then never overrides it") {
        const std::vector<std::uint8_t> assoc_psk{
            0x11, 0x04, 0x0a, 0x00, 0x00, 0x04, 'c',  'o',  'r',  'p',  0x30, 0x14, 0x01, 0x00, 0x00, 0x0f,
            0xac, 0x04, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x02, 0x00, 0x00};
        air.send(parse::k_mgmt_assoc_request, k_ap, assoc_psk);
        CHECK_FALSE(air.table.entries()[0].from_ap);
        CHECK(air.table.entries()[0].security.cls == BssClass::wpa2_personal);
        air.send(parse::k_mgmt_beacon, k_ap, ap_body("corp", 0x0411, rsn_element(4, 8, k_mfpr_c)));
        air.send(parse::k_mgmt_assoc_request, k_ap, assoc_psk);
        const auto& e = air.table.entries()[0];
        CHECK(e.from_ap);
        CHECK(e.security.cls == BssClass::wpa3_personal);
        CHECK(e.assoc_requests == 2);
    }
    SUBCASE("entries are sorted by BSSID; element anomalies are counted per BSS") {
        const MacAddr other = *MacAddr::parse("02:00:00:00:00:00");
        auto broken = ap_body("x", 0x0001, {0x30, 0x03, 0x01, 0x00, 0x00});
        air.send(parse::k_mgmt_beacon, k_ap, broken);
        air.send(parse::k_mgmt_beacon, other, ap_body("open", 0x0001));
        air.send(parse::k_mgmt_beacon, k_ap, broken);
        REQUIRE(air.table.entries().size() == 2);
        CHECK(air.table.entries()[0].bssid == other);
        CHECK(air.table.entries()[0].security.cls == BssClass::open);
        const auto& e = air.table.entries()[1];
        CHECK(e.anomalies[static_cast<std::size_t>(parse::ElementAnomaly::malformed_rsn)] == 2);
        CHECK(std::string(e.ssid.begin(), e.ssid.end()) == "x");
    }
    SUBCASE("a malformed beacon never downgrades what well-formed frames of the BSS prove") {
        const std::vector<std::uint8_t> cut_version{0x30, 0x01, 0x01};
        air.send(parse::k_mgmt_probe_response, k_ap, ap_body("corp", 0x0411, rsn_element(4, 2, 0)));
        air.send(parse::k_mgmt_beacon, k_ap, ap_body("corp", 0x0411, cut_version));
        const auto& e = air.table.entries()[0];
        CHECK(e.security.cls == BssClass::wpa2_personal); // not WEP: the RSN element of the beacon is broken
        CHECK_FALSE(e.malformed_source);
        CHECK(e.anomalies[static_cast<std::size_t>(parse::ElementAnomaly::malformed_rsn)] == 1);
        CHECK(e.beacons == 1);
        // A well-formed beacon still wins over an older one: the AP may be reconfigured during a capture.
        air.send(parse::k_mgmt_beacon, k_ap, ap_body("corp", 0x0411, rsn_element(4, 8, k_mfpr_c)));
        CHECK(air.table.entries()[0].security.cls == BssClass::wpa3_personal);
    }
    SUBCASE("an element overrunning the body after a clean RSN element (an unflagged FCS) is harmless") {
        auto body = ap_body("corp", 0x0411, rsn_element(4, 2, 0));
        body.insert(body.end(), {0x9c, 0x3e, 0x51, 0x07}); // four FCS bytes read as an element of 62 bytes
        air.send(parse::k_mgmt_beacon, k_ap, body);
        const auto& e = air.table.entries()[0];
        CHECK(e.anomalies[static_cast<std::size_t>(parse::ElementAnomaly::truncated_element)] == 1);
        CHECK_FALSE(e.malformed_source);
        CHECK(e.security.cls == BssClass::wpa2_personal);
    }
    SUBCASE("malformed frames alone prove no class, unless the privacy bit is clear") {
        // Cut inside the pairwise list: the defaults for the missing fields would read as WPA2-Enterprise.
        air.send(
            parse::k_mgmt_beacon, k_ap,
            ap_body("x", 0x0011, {0x30, 0x0a, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x01, 0x00, 0x00, 0x0f}));
        CHECK(air.table.entries()[0].security.cls == BssClass::unknown);
        CHECK(air.table.entries()[0].malformed_source);
        const MacAddr open_ap = *MacAddr::parse("02:00:00:00:00:02");
        air.send(parse::k_mgmt_beacon, open_ap, ap_body("y", 0x0001, {0xdd, 0xc8, 0x00, 0x50, 0xf2}));
        const auto& e = air.table.entries()[1];
        CHECK(e.anomalies[static_cast<std::size_t>(parse::ElementAnomaly::truncated_element)] == 1);
        CHECK(e.security.cls == BssClass::open);
        air.send(parse::k_mgmt_probe_response, k_ap, ap_body("x", 0x0011, rsn_element(4, 1, 0)));
        CHECK(air.table.entries()[0].security.cls == BssClass::wpa2_enterprise);
        CHECK_FALSE(air.table.entries()[0].malformed_source);
    }
    SUBCASE("frames that failed their FCS or have short bodies are counted, not tabled") {
        air.send(parse::k_mgmt_beacon, k_ap, ap_body("x"), true);
        air.send(parse::k_mgmt_beacon, k_ap, {0x00, 0x01});
        CHECK(air.table.entries().empty());
        CHECK(air.table.malformed() == 2);
    }
    SUBCASE("probe requests and data frames are not BSS evidence") {
        air.send(parse::k_mgmt_probe_request, k_ap, {0x00, 0x00});
        decode::Packet data;
        data.dot11 = parse::Dot11Info{};
        data.dot11->type = 2;
        air.table.feed(data);
        air.table.feed(decode::Packet{});
        CHECK(air.table.entries().empty());
    }
    SUBCASE("BSSes beyond the cap are dropped") {
        BssTable small{1};
        Air a2{std::move(small)};
        a2.send(parse::k_mgmt_beacon, k_ap, ap_body("a"));
        a2.send(parse::k_mgmt_beacon, *MacAddr::parse("02:00:00:00:00:09"), ap_body("b"));
        CHECK(a2.table.entries().size() == 1);
        CHECK(a2.table.dropped() == 1);
    }
}

// End to end: captures/ through open_capture_file and decode::classify. Expected values from tshark 4.0:
// tshark -r F -Y "wlan.fc.type_subtype==8" -T fields -e wlan.bssid -e wlan.ssid -e wlan.ds.current_channel
// -e wlan.fixed.capabilities.privacy -e wlan.rsn.akms.type -e wlan.rsn.pcs.type -e wlan.rsn.capabilities.mfpr

namespace {
std::vector<BssEntry> bss_of(const std::string& capture) {
    BssTable table;
    test::for_each_packet(capture, [&](const decode::Packet& p) { table.feed(p); });
    return table.entries();
}
std::string ssid(const BssEntry& e) {
    return {e.ssid.begin(), e.ssid.end()};
}
} // namespace

TEST_CASE("captures: SSID, AKM, ciphers, PMF and class of each BSS") {
    struct Row {
        const char* capture;
        const char* bssid;
        const char* ssid;
        std::uint8_t channel;
        std::uint8_t akm;
        std::uint8_t pairwise;
        Pmf pmf;
        BssClass cls;
    };
    const Row rows[] = {
        {"ws-wpa2-ft-eap.pcapng.gz", "02:00:00:00:01:00", "wireshark-ft-eap", 1, 3, 4, Pmf::off,
         BssClass::wpa2_enterprise},
        {"ws-owe.pcapng.gz", "02:00:00:00:00:00", "owe", 1, 18, 4, Pmf::required, BssClass::owe},
        {"ws-wpa3-sae.pcapng.gz", "9c:d6:43:32:b9:f1", "Wireshark-SAE", 3, 8, 4, Pmf::off,
         BssClass::wpa3_personal},
        {"ws-wpa2-psk-mfp.pcapng.gz", "02:00:00:00:00:00", "Wireshark-pmf", 3, 6, 4, Pmf::required,
         BssClass::wpa2_personal},
        {"ws-wpa-ccmp-256.pcapng.gz", "02:00:00:00:00:00", "Wireshark-ccmp-256", 3, 2, 10, Pmf::off,
         BssClass::wpa2_personal},
        {"aircrack-wpa3-psk.pcap", "02:00:00:00:00:00", "WPA3-Network", 1, 8, 4, Pmf::required,
         BssClass::wpa3_personal},
        {"aircrack-wpa2-psk-linksys.pcap", "00:0b:86:c2:a4:85", "linksys", 1, 2, 4, Pmf::off,
         BssClass::wpa2_personal},
        {"aircrack-n-02.pcap", "b0:b9:8a:56:8d:ea", "Neheb", 64, 6, 4, Pmf::required,
         BssClass::wpa2_personal},
        {"scapy-bad_rsn_parsing_overrides_ssid.pcap", "ec:17:2f:82:1e:29", "ROUTE-821E295", 1, 2, 4,
         Pmf::capable, BssClass::wpa2_personal},
    };
    for (const auto& row : rows) {
        CAPTURE(row.capture);
        auto all = bss_of(row.capture);
        auto it = std::find_if(all.begin(), all.end(),
                               [&](const BssEntry& e) { return e.bssid.str() == row.bssid; });
        REQUIRE(it != all.end());
        CHECK(ssid(*it) == row.ssid);
        CHECK_FALSE(it->hidden);
        CHECK(it->channel == row.channel);
        CHECK(it->privacy);
        CHECK(it->from_ap);
        CHECK(it->security.akms == std::vector<Suite>{ieee(row.akm)});
        CHECK(it->security.pairwise == std::vector<Suite>{ieee(row.pairwise)});
        CHECK(it->security.pmf == row.pmf);
        CHECK(it->security.cls == row.cls);
        CHECK_FALSE(it->security.legacy_cipher);
    }
}

TEST_CASE("captures: counts, WEP, two FT access points, the scapy beacon's management cipher") {
    auto linksys = bss_of("aircrack-wpa2-psk-linksys.pcap");
    REQUIRE(linksys.size() == 1);
    CHECK(linksys[0].beacons == 85);
    CHECK(linksys[0].probe_responses == 6);
    CHECK(linksys[0].assoc_requests == 4);

    auto wep = bss_of("ws-wep.pcapng.gz");
    REQUIRE(wep.size() == 1);
    CHECK(ssid(wep[0]) == "Wireshark-wep");
    CHECK(wep[0].privacy);
    CHECK_FALSE(wep[0].rsn);
    CHECK_FALSE(wep[0].wpa);
    CHECK(wep[0].security.cls == BssClass::wep);

    auto ft = bss_of("ws-wpa2-ft-eap.pcapng.gz");
    CHECK(ft.size() == 2); // tshark: beacons from 02:00:00:00:00:00 and 02:00:00:00:01:00

    auto scapy = bss_of("scapy-bad_rsn_parsing_overrides_ssid.pcap");
    REQUIRE(scapy.size() == 1);
    CHECK(scapy[0].security.group_mgmt == ieee(6));
    CHECK(scapy[0].rsn->pmkid_count == 0);

    auto owe = bss_of("ws-owe.pcapng.gz");
    REQUIRE(owe.size() == 1);
    CHECK(owe[0].beacons == 77);

    CHECK(bss_of("ws-wpa-eap-tls.pcap.gz").empty()); // data frames only
}

TEST_CASE("bss-malformed-beacon.pcap: the class comes from the well-formed frames of each BSS") {
    // tshark: frames 1-2 RSN AKM 2, pairwise 4 for 02:00:00:00:0c:01; frame 3 "Tag Length 1 wrong, must be >=
    // 2"; frame 4 "Pairwise Cipher Suite Count too large"; frame 5 "Tag Length is longer than remaining
    // payload", privacy 0.
    auto b = bss_of("bss-malformed-beacon.pcap");
    REQUIRE(b.size() == 3);
    CHECK(b[0].ssid == std::vector<std::uint8_t>{'c', 'a', 'f', 0xe9, '-', 'c', 'o', 'r', 'p'});
    CHECK(b[0].security.cls == BssClass::wpa2_personal);
    CHECK(b[0].beacons == 2);
    CHECK(b[0].probe_responses == 1);
    CHECK(b[0].anomalies[static_cast<std::size_t>(parse::ElementAnomaly::malformed_rsn)] == 1);
    CHECK(ssid(b[1]) == "guest-broken");
    CHECK(b[1].security.cls == BssClass::unknown);
    CHECK(b[1].malformed_source);
    CHECK(ssid(b[2]) == "open-trailing");
    CHECK(b[2].security.cls == BssClass::open);
}
