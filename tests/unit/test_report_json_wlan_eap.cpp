// The EAP and Wi-Fi report sections and the 8021x-eap-tls / wlan-encryption verdicts (GUIDELINE 図表42).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "report/json_wlan_eap.hpp"
#include "test_analyze_util.hpp"
#include "verdict/security.hpp"

using namespace isoprobe;
using namespace isoprobe::analyze;
using namespace isoprobe::model;
using model::Status;

namespace {

struct Fed {
    std::vector<EapSession> sessions;
    std::vector<BssEntry> bss;
    EapStats stats;
};

Fed feed(const std::string& capture) {
    EapSessions eap;
    BssTable table;
    test::for_each_packet(capture, [&](const decode::Packet& p) {
        eap.feed(p);
        table.feed(p);
    });
    return {eap.sessions(), table.entries(), eap.stats()};
}

bool mentions(const model::Requirement& r, const std::string& words) {
    return std::any_of(r.reasons.begin(), r.reasons.end(), [&](const model::Sentence& s) {
        return model::english(s).find(words) != std::string::npos;
    });
}

EapSession tls_session(ClientCertificate cert, std::uint16_t version = 0x0303) {
    EapSession s;
    s.method = 13;
    s.outcome = EapOutcome::success;
    s.tls.emplace();
    s.tls->version = version;
    s.tls->client_certificate = cert;
    return s;
}

BssEntry bss_of_class(BssClass c) {
    BssEntry e;
    e.from_ap = true;
    e.security.cls = c;
    return e;
}

} // namespace

TEST_CASE("8021x-eap-tls from the captures") {
    SUBCASE("eap-tls-wired.pcap passes with a client certificate") {
        auto f = feed("eap-tls-wired.pcap");
        auto r = verdict::decide_8021x_eap_tls(f.sessions, f.bss);
        CHECK(r.id == "8021x-eap-tls");
        CHECK(r.status == Status::pass);
        CHECK(mentions(r, "client certificate (CN=client.lab)"));
    }
    SUBCASE("eap-tls13-wired.pcap passes and says the certificate cannot be seen") {
        auto f = feed("eap-tls13-wired.pcap");
        auto r = verdict::decide_8021x_eap_tls(f.sessions, f.bss);
        CHECK(r.status == Status::pass);
        CHECK(mentions(r, "TLS 1.3"));
        CHECK(mentions(r, "not observable"));
    }
    SUBCASE("eap-peap-wired.pcap fails: PEAP may carry a password") {
        auto r = verdict::decide_8021x_eap_tls(feed("eap-peap-wired.pcap").sessions, {});
        CHECK(r.status == Status::fail);
        CHECK(mentions(r, "peap"));
    }
    SUBCASE("tcpdump-eapon1.pcap fails: EAP-SIM is not EAP-TLS") {
        auto r = verdict::decide_8021x_eap_tls(feed("tcpdump-eapon1.pcap").sessions, {});
        CHECK(r.status == Status::fail);
        CHECK(r.reasons.size() == 4);
    }
    SUBCASE("eap-tls-nocert-wired.pcap and eap-tls-badcert-wired.pcap prove no accepted method") {
        CHECK(verdict::decide_8021x_eap_tls(feed("eap-tls-nocert-wired.pcap").sessions, {}).status ==
              Status::inconclusive);
        CHECK(verdict::decide_8021x_eap_tls(feed("eap-tls-badcert-wired.pcap").sessions, {}).status ==
              Status::inconclusive);
    }
    SUBCASE("ws-wpa2-psk-mfp.pcapng.gz fails: a PSK network has no 802.1X") {
        auto f = feed("ws-wpa2-psk-mfp.pcapng.gz");
        auto r = verdict::decide_8021x_eap_tls(f.sessions, f.bss);
        CHECK(r.status == Status::fail);
        CHECK(mentions(r, "wpa2-personal"));
    }
    SUBCASE("nothing to judge is not tested") {
        auto f = feed("zeek-arp_who_has.pcap");
        CHECK(verdict::decide_8021x_eap_tls(f.sessions, f.bss).status == Status::not_tested);
    }
}

TEST_CASE("8021x-eap-tls decisions per session") {
    using CC = ClientCertificate;
    CHECK(verdict::decide_8021x_eap_tls({tls_session(CC::present)}, {}).status == Status::pass);
    CHECK(verdict::decide_8021x_eap_tls({tls_session(CC::not_observable, 0x0304)}, {}).status ==
          Status::pass);
    CHECK(verdict::decide_8021x_eap_tls({tls_session(CC::absent)}, {}).status == Status::fail);
    CHECK(verdict::decide_8021x_eap_tls({tls_session(CC::unknown)}, {}).status == Status::inconclusive);
    CHECK(verdict::decide_8021x_eap_tls({tls_session(CC::present), tls_session(CC::absent)}, {}).status ==
          Status::fail);
    EapSession md5;
    md5.method = 4;
    md5.outcome = EapOutcome::success;
    auto r = verdict::decide_8021x_eap_tls({tls_session(CC::present), md5}, {});
    CHECK(r.status == Status::fail);
    CHECK(mentions(r, "a password method"));
    EapSession no_method;
    no_method.outcome = EapOutcome::success;
    CHECK(verdict::decide_8021x_eap_tls({no_method}, {}).status == Status::inconclusive);
    // An enterprise BSS with no EAP captured proves nothing either way.
    auto only_bss = verdict::decide_8021x_eap_tls({}, {bss_of_class(BssClass::wpa3_enterprise)});
    CHECK(only_bss.status == Status::not_tested);
    CHECK(mentions(only_bss, "no EAP exchange was captured"));
}

TEST_CASE("wlan-encryption") {
    CHECK(verdict::decide_wlan_encryption(feed("ws-owe.pcapng.gz").bss).status == Status::fail);
    CHECK(verdict::decide_wlan_encryption(feed("ws-wep.pcapng.gz").bss).status == Status::fail);
    CHECK(verdict::decide_wlan_encryption(feed("ws-wpa2-psk-mfp.pcapng.gz").bss).status == Status::pass);
    CHECK(verdict::decide_wlan_encryption(feed("ws-wpa2-ft-eap.pcapng.gz").bss).status == Status::pass);
    CHECK(verdict::decide_wlan_encryption(feed("aircrack-wpa3-psk.pcap").bss).status == Status::pass);
    auto none = verdict::decide_wlan_encryption({});
    CHECK(none.id == "wlan-encryption");
    CHECK(none.status == Status::not_tested);
    CHECK(verdict::decide_wlan_encryption({bss_of_class(BssClass::open)}).status == Status::fail);
    CHECK(verdict::decide_wlan_encryption({bss_of_class(BssClass::wpa)}).status == Status::fail);
    CHECK(verdict::decide_wlan_encryption({bss_of_class(BssClass::unknown)}).status == Status::inconclusive);
    auto mixed = bss_of_class(BssClass::wpa2_personal);
    mixed.security.wpa1 = true;
    auto r = verdict::decide_wlan_encryption({bss_of_class(BssClass::wpa3_enterprise), mixed});
    CHECK(r.status == Status::fail);
    CHECK(mentions(r, "mixed mode"));
    auto tkip = bss_of_class(BssClass::wpa2_personal);
    tkip.security.legacy_cipher = true;
    CHECK(verdict::decide_wlan_encryption({tkip}).status == Status::fail);
}

TEST_CASE("JSON of a BSS: exact SSID text, hex, AKMs as numbers or selector text") {
    BssEntry e = bss_of_class(BssClass::wpa2_personal);
    e.bssid = *MacAddr::parse("02:00:00:00:00:01");
    e.ssid = {'c', 'a', 'f', 0xc3, 0xa9, 0xff, '\\'};
    e.ssid_known = true;
    e.channel = 6;
    e.security.akms = {parse::Suite{parse::k_oui_ieee80211, 2}, parse::Suite{parse::k_oui_wpa, 2}};
    e.security.pairwise = {parse::Suite{parse::k_oui_ieee80211, 4}};
    e.security.group = parse::Suite{parse::k_oui_ieee80211, 4};
    e.anomalies[static_cast<std::size_t>(parse::ElementAnomaly::malformed_rsn)] = 3;
    auto j = report::to_json(e);
    CHECK(j["bssid"] == "02:00:00:00:00:01");
    // JSON keeps valid UTF-8 exactly; the byte that is not UTF-8 becomes \xff and the backslash is doubled,
    // so that the two cannot be confused (ssid_hex is exact).
    CHECK(j["ssid"] == "caf\xc3\xa9\\xff\\\\");
    CHECK(j["ssid_hex"] == "636166c3a9ff5c");
    CHECK(j["hidden"] == false);
    CHECK(j["channel"] == 6);
    CHECK(j["akms"] == nlohmann::ordered_json::array({2, "00-50-f2:2"}));
    CHECK(j["pairwise"] == nlohmann::ordered_json::array({"ccmp-128"}));
    CHECK(j["group"] == "ccmp-128");
    CHECK(j["group_mgmt"].is_null());
    CHECK(j["pmf"] == "off");
    CHECK(j["class"] == "wpa2-personal");
    CHECK(j["anomalies"]["malformed_rsn"] == 3);
    CHECK_NOTHROW((void)j.dump()); // every string is valid UTF-8
    BssEntry hidden;
    hidden.hidden = true;
    auto h = report::to_json(hidden);
    CHECK(h["ssid"].is_null());
    CHECK(h["hidden"] == true);
}

TEST_CASE("JSON of the EAP section from eap-tls-wired.pcap") {
    auto f = feed("eap-tls-wired.pcap");
    auto j = report::eap_section(f.sessions, f.stats);
    REQUIRE(j["sessions"].size() == 1);
    const auto& s = j["sessions"][0];
    CHECK(s["supplicant"] == "02:13:00:00:01:02");
    CHECK(s["authenticator"] == "02:13:00:00:01:01");
    CHECK(s["identity"] == "client.lab");
    CHECK(s["offered"] == nlohmann::ordered_json::array({13}));
    CHECK(s["nak_desired"] == nlohmann::ordered_json::array());
    CHECK(s["method"] == 13);
    CHECK(s["method_name"] == "tls");
    CHECK(s["outcome"] == "success");
    CHECK(s["retransmissions"] == 0);
    CHECK(s["first_frame"] == 1);
    CHECK(s["frames"] == 14);
    const auto& t = s["tls"];
    CHECK(t["version"] == "1.2");
    CHECK(t["cipher"] == "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    CHECK(t["client_certificate"] == "present");
    CHECK(t["fragments_missing"] == 0);
    REQUIRE(t["server_chain"].size() == 2);
    CHECK(t["server_chain"][0]["subject"] == "CN=radius.lab");
    CHECK(t["server_chain"][0]["not_after"] == "2029-02-27T22:38:05Z");
    CHECK(t["server_chain"][0]["days_to_expiry"] == 824);
    CHECK(t["client_chain"][0]["subject"] == "CN=client.lab");
    CHECK(j["stats"]["eapol_frames"] == 14);
    CHECK_NOTHROW((void)j.dump());
}
