// RSN element (IEEE 802.11-2020 9.4.2.24) and the WPA vendor element.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <vector>

#include "parse/rsn.hpp"

using namespace isoprobe;
using namespace isoprobe::parse;

namespace {

Suite ieee(std::uint8_t t) {
    return Suite{k_oui_ieee80211, t};
}
Suite wpa(std::uint8_t t) {
    return Suite{k_oui_wpa, t};
}

// ws-wpa2-psk-mfp.pcapng frame 1 (beacon), element 48 body. tshark: wlan.rsn.gcs.type 4, pcs.type 4,
// akms.type 6, capabilities.mfpr 1, mfpc 1.
const std::vector<std::uint8_t> k_psk_mfp{0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x01, 0x00, 0x00, 0x0f,
                                          0xac, 0x04, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x06, 0xcc, 0x00};

Bytes prefix(const std::vector<std::uint8_t>& v, std::size_t n) {
    return Bytes(v).first(n);
}

} // namespace

TEST_CASE("RSN from ws-wpa2-psk-mfp.pcapng: PSK-SHA256 with PMF required") {
    auto r = parse_rsn(k_psk_mfp);
    REQUIRE(r);
    CHECK(r->version == 1);
    CHECK(r->group_cipher == ieee(4));
    CHECK(r->pairwise == std::vector<Suite>{ieee(4)});
    CHECK(r->akms == std::vector<Suite>{ieee(6)});
    CHECK(r->capabilities == 0x00cc);
    CHECK(r->mfpr());
    CHECK(r->mfpc());
    CHECK_FALSE(r->pmkid_count);
    CHECK_FALSE(r->group_mgmt_cipher);
    CHECK_FALSE(r->malformed);
    CHECK_FALSE(r->wpa);
}

TEST_CASE("RSN from other captures") {
    SUBCASE("scapy-bad_rsn_parsing_overrides_ssid.pcap: PMKID count 0 and BIP-CMAC-128, MFPC only") {
        const std::vector<std::uint8_t> body{0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x01, 0x00, 0x00,
                                             0x0f, 0xac, 0x04, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x02,
                                             0x8c, 0x00, 0x00, 0x00, 0x00, 0x0f, 0xac, 0x06};
        auto r = parse_rsn(body);
        REQUIRE(r);
        CHECK(r->akms == std::vector<Suite>{ieee(2)});
        CHECK_FALSE(r->mfpr());
        CHECK(r->mfpc());
        CHECK(r->pmkid_count == 0);
        CHECK(r->group_mgmt_cipher == ieee(6));
        CHECK_FALSE(r->malformed);
    }
    SUBCASE("ws-owe.pcapng frame 1: AKM 18") {
        const std::vector<std::uint8_t> body{0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x01, 0x00, 0x00, 0x0f,
                                             0xac, 0x04, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x12, 0xc0, 0x00};
        auto r = parse_rsn(body);
        REQUIRE(r);
        CHECK(r->akms == std::vector<Suite>{ieee(18)});
        CHECK(akm_suite_name(r->akms->front()) == "owe");
    }
    SUBCASE("ws-wpa-ccmp-256.pcapng frame 1: CCMP-256 group and pairwise, PSK") {
        const std::vector<std::uint8_t> body{0x01, 0x00, 0x00, 0x0f, 0xac, 0x0a, 0x01, 0x00, 0x00, 0x0f,
                                             0xac, 0x0a, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x02, 0x0c, 0x00};
        auto r = parse_rsn(body);
        REQUIRE(r);
        CHECK(cipher_suite_name(*r->group_cipher) == "ccmp-256");
        CHECK(r->pairwise == std::vector<Suite>{ieee(10)});
        CHECK_FALSE(r->mfpc());
    }
}

TEST_CASE("RSN truncation: legal after a complete field, malformed inside one (9.4.2.24.1)") {
    SUBCASE("version only") {
        auto r = parse_rsn(prefix(k_psk_mfp, 2));
        REQUIRE(r);
        CHECK_FALSE(r->group_cipher);
        CHECK_FALSE(r->malformed);
    }
    SUBCASE("ends after the group cipher") {
        auto r = parse_rsn(prefix(k_psk_mfp, 6));
        REQUIRE(r);
        CHECK(r->group_cipher == ieee(4));
        CHECK_FALSE(r->pairwise);
        CHECK_FALSE(r->malformed);
    }
    SUBCASE("ends after the AKM list: no capabilities, so no PMF") {
        auto r = parse_rsn(prefix(k_psk_mfp, 18));
        REQUIRE(r);
        CHECK(r->akms == std::vector<Suite>{ieee(6)});
        CHECK_FALSE(r->capabilities);
        CHECK_FALSE(r->mfpr());
        CHECK_FALSE(r->malformed);
    }
    SUBCASE("cut inside the group cipher") {
        auto r = parse_rsn(prefix(k_psk_mfp, 4));
        REQUIRE(r);
        CHECK_FALSE(r->group_cipher);
        REQUIRE(r->malformed);
        CHECK(r->malformed->offset == 2);
    }
    SUBCASE("cut inside the pairwise count keeps the group cipher") {
        auto r = parse_rsn(prefix(k_psk_mfp, 7));
        REQUIRE(r);
        CHECK(r->group_cipher == ieee(4));
        CHECK_FALSE(r->pairwise);
        REQUIRE(r->malformed);
        CHECK(r->malformed->kind == ErrorKind::truncated);
        CHECK(r->malformed->offset == 6);
    }
    SUBCASE("cut inside a pairwise suite") {
        auto r = parse_rsn(prefix(k_psk_mfp, 10));
        REQUIRE(r);
        CHECK_FALSE(r->pairwise);
        REQUIRE(r->malformed);
        CHECK(r->malformed->offset == 6);
    }
    SUBCASE("cut inside the capabilities keeps the AKMs") {
        auto r = parse_rsn(prefix(k_psk_mfp, 19));
        REQUIRE(r);
        CHECK(r->akms == std::vector<Suite>{ieee(6)});
        CHECK_FALSE(r->capabilities);
        REQUIRE(r->malformed);
        CHECK(r->malformed->offset == 18);
    }
    SUBCASE("a count far larger than the element reads nothing past it") {
        std::vector<std::uint8_t> body(k_psk_mfp.begin(), k_psk_mfp.begin() + 6);
        body.insert(body.end(), {0xff, 0xff, 0x00, 0x0f, 0xac, 0x04});
        auto r = parse_rsn(body);
        REQUIRE(r);
        CHECK_FALSE(r->pairwise);
        CHECK(r->malformed);
    }
    SUBCASE("a PMKID count without its PMKIDs") {
        auto body = k_psk_mfp;
        body.insert(body.end(), {0x01, 0x00, 0xaa, 0xbb});
        auto r = parse_rsn(body);
        REQUIRE(r);
        CHECK(r->capabilities == 0x00cc);
        CHECK_FALSE(r->pmkid_count);
        REQUIRE(r->malformed);
        CHECK(r->malformed->offset == 20);
    }
    SUBCASE("a PMKID, a group management cipher and bytes of a later revision") {
        auto body = k_psk_mfp;
        body.insert(body.end(), {0x01, 0x00});
        body.insert(body.end(), 16, 0x11);
        body.insert(body.end(), {0x00, 0x0f, 0xac, 0x0c, 0x77, 0x77});
        auto r = parse_rsn(body);
        REQUIRE(r);
        CHECK(r->pmkid_count == 1);
        CHECK(r->group_mgmt_cipher == ieee(12));
        CHECK_FALSE(r->malformed);
    }
    SUBCASE("no version at all is an error") {
        CHECK_FALSE(parse_rsn(prefix(k_psk_mfp, 1)));
        CHECK_FALSE(parse_rsn(Bytes{}));
    }
}

TEST_CASE("WPA vendor element (00-50-F2 type 1): WPA-PSK with TKIP") {
    const std::vector<std::uint8_t> body{0x00, 0x50, 0xf2, 0x01, 0x01, 0x00, 0x00, 0x50, 0xf2, 0x02, 0x01,
                                         0x00, 0x00, 0x50, 0xf2, 0x02, 0x01, 0x00, 0x00, 0x50, 0xf2, 0x02};
    REQUIRE(is_wpa_element(body));
    auto r = parse_wpa_element(body);
    REQUIRE(r);
    CHECK(r->wpa);
    CHECK(r->version == 1);
    CHECK(r->group_cipher == wpa(2));
    CHECK(cipher_suite_name(*r->group_cipher) == "tkip");
    CHECK(r->pairwise == std::vector<Suite>{wpa(2)});
    CHECK(r->akms == std::vector<Suite>{wpa(2)});
    CHECK(akm_suite_name(r->akms->front()) == "wpa-psk");
    CHECK_FALSE(r->capabilities);
    CHECK_FALSE(r->malformed);
    SUBCASE("cut inside the AKM list") {
        auto cut = parse_wpa_element(Bytes(body).first(20));
        REQUIRE(cut);
        CHECK(cut->pairwise);
        CHECK_FALSE(cut->akms);
        REQUIRE(cut->malformed);
        CHECK(cut->malformed->offset == 16);
    }
    SUBCASE("WMM (type 2) and other vendors are not WPA") {
        const std::vector<std::uint8_t> wmm{0x00, 0x50, 0xf2, 0x02, 0x01, 0x01};
        CHECK_FALSE(is_wpa_element(wmm));
        CHECK_FALSE(parse_wpa_element(wmm));
        CHECK_FALSE(is_wpa_element(Bytes(body).first(3)));
    }
}

TEST_CASE("suite names (Tables 9-149 and 9-151)") {
    CHECK(cipher_suite_name(ieee(1)) == "wep40");
    CHECK(cipher_suite_name(ieee(2)) == "tkip");
    CHECK(cipher_suite_name(ieee(4)) == "ccmp-128");
    CHECK(cipher_suite_name(ieee(5)) == "wep104");
    CHECK(cipher_suite_name(ieee(6)) == "bip-cmac-128");
    CHECK(cipher_suite_name(ieee(8)) == "gcmp-128");
    CHECK(cipher_suite_name(ieee(9)) == "gcmp-256");
    CHECK(cipher_suite_name(ieee(12)) == "bip-gmac-256");
    CHECK(cipher_suite_name(Suite{{0x00, 0x11, 0x22}, 1}) == "00-11-22:1");
    CHECK(akm_suite_name(ieee(1)) == "802.1x");
    CHECK(akm_suite_name(ieee(8)) == "sae");
    CHECK(akm_suite_name(ieee(12)) == "802.1x-suite-b-192");
    CHECK(akm_suite_name(ieee(24)) == "sae-ext-key");
    CHECK(akm_suite_name(ieee(99)) == "00-0f-ac:99");
    CHECK(akm_suite_name(wpa(1)) == "wpa-802.1x");
}
