// The access-point survey against an inventory (GUIDELINE 図表42 注11; docs/inventory.md).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analyze/inventory.hpp"
#include "report/json.hpp"
#include "verdict/decide.hpp"

using namespace isoprobe;
using namespace isoprobe::analyze;
using namespace isoprobe::model;

namespace {

MacAddr mac(const char* text) {
    auto m = MacAddr::parse(text);
    REQUIRE(m);
    return *m;
}

BssEntry bss(const char* bssid, std::string ssid, BssClass cls, bool known = true) {
    BssEntry e;
    e.bssid = mac(bssid);
    e.ssid.assign(ssid.begin(), ssid.end());
    e.ssid_known = known;
    e.hidden = !known;
    e.from_ap = true;
    e.security.cls = cls;
    return e;
}

Inventory parse_ok(const std::string& text) {
    auto inv = parse_inventory(text);
    REQUIRE_MESSAGE(inv.has_value(), (inv ? "" : inv.error()));
    return inv.value();
}

const char* k_office = R"({
  // comments are allowed
  "networks": [
    {"ssid": "LGWAN-Office", "bssids": ["aa:bb:cc:dd:ee:01", "AA-BB-CC-DD-EE-02", "02:11:22:*"], "class": "wpa3-enterprise"},
    {"ssid": "Guest", "bssids": ["aa:bb:cc:dd:ef:07/44"], "class": "wpa2-personal"}
  ],
  "ignore_ssids": ["neighbour-cafe"]
})";

struct Assessment {
    std::vector<InventoryFinding> findings;
    Requirement requirement;
};

Assessment assess_inventory(const Inventory& inv, const std::vector<BssEntry>& bss) {
    auto s = survey_inventory(inv, bss);
    return {std::move(s.findings), verdict::decide_ap_inventory(s.evidence)};
}

// As `inspect --inventory` judges a capture.
void apply_inventory(const Inventory& inv, Report& rep) {
    auto s = survey_inventory(inv, rep.wlan);
    rep.inventory = std::move(s.findings);
    verdict::decide({{}, std::move(s.evidence), std::nullopt, std::nullopt}, rep);
}

std::vector<std::string> kinds(const Assessment& a) {
    std::vector<std::string> out;
    for (const auto& f : a.findings)
        out.push_back(f.kind + " " + f.bssid);
    return out;
}

} // namespace

TEST_CASE("parse_inventory reads networks, patterns, classes and ignored SSIDs") {
    auto inv = parse_ok(k_office);
    REQUIRE(inv.networks.size() == 2);
    const auto& office = inv.networks[0];
    CHECK(office.ssid == "LGWAN-Office");
    CHECK(office.min_class == BssClass::wpa3_enterprise);
    REQUIRE(office.bssids.size() == 3);
    CHECK(office.bssids[0].bits == 48);
    CHECK(office.bssids[1].addr == mac("aa:bb:cc:dd:ee:02"));
    CHECK(office.bssids[2].bits == 24);
    CHECK(office.bssids[2].str() == "02:11:22:*");
    const auto& guest = inv.networks[1].bssids[0];
    CHECK(guest.bits == 44);
    CHECK(guest.str() == "aa:bb:cc:dd:ef:00/44"); // host bits cleared
    CHECK(inv.ignore_ssids == std::vector<std::string>{"neighbour-cafe"});
    CHECK(parse_ok(R"({"networks": []})").networks.empty());
}

TEST_CASE("BSSID prefixes match on their leading bits only") {
    auto inv = parse_ok(k_office);
    const auto& oui = inv.networks[0].bssids[2];
    CHECK(oui.matches(mac("02:11:22:00:00:00")));
    CHECK(oui.matches(mac("02:11:22:ff:ff:ff")));
    CHECK_FALSE(oui.matches(mac("02:11:23:00:00:00")));
    const auto& slash44 = inv.networks[1].bssids[0];
    CHECK(slash44.matches(mac("aa:bb:cc:dd:ef:0f")));
    CHECK(slash44.matches(mac("aa:bb:cc:dd:ef:00")));
    CHECK_FALSE(slash44.matches(mac("aa:bb:cc:dd:ef:10")));
    CHECK_FALSE(slash44.matches(mac("aa:bb:cc:dd:ee:00")));
    const auto& exact = inv.networks[0].bssids[0];
    CHECK(exact.matches(mac("aa:bb:cc:dd:ee:01")));
    CHECK_FALSE(exact.matches(mac("aa:bb:cc:dd:ee:03")));
    auto one_bit =
        parse_ok(R"({"networks": [{"ssid": "x", "bssids": ["80:00:00:00:00:00/1"], "class": "open"}]})");
    CHECK(one_bit.networks[0].bssids[0].matches(mac("ff:00:00:00:00:00")));
    CHECK_FALSE(one_bit.networks[0].bssids[0].matches(mac("7f:ff:ff:ff:ff:ff")));
}

TEST_CASE("parse_inventory names the place of every mistake") {
    struct Bad {
        const char* json;
        const char* error;
    };
    const Bad cases[] = {
        {R"([])", "top level: expected an object"},
        {R"({})", "top level: missing field \"networks\""},
        {R"({"networks": [], "ignore": []})",
         "top level: unknown field \"ignore\" (expected networks, ignore_ssids)"},
        {R"({"networks": {}})", "networks: expected an array"},
        {R"({"networks": [1]})", "networks[0]: expected an object"},
        {R"({"networks": [{"ssid": "a", "bssids": ["aa:bb:cc:dd:ee:ff"]}]})",
         "networks[0]: missing field \"class\""},
        {R"({"networks": [{"ssid": "a", "class": "open"}]})", "networks[0]: missing field \"bssids\""},
        {R"({"networks": [{"bssids": ["aa:bb:cc:dd:ee:ff"], "class": "open"}]})",
         "networks[0]: missing field \"ssid\""},
        {R"({"networks": [{"ssid": "a", "bssid": [], "bssids": [], "class": "open"}]})",
         "networks[0]: unknown field \"bssid\" (expected bssids, class, ssid, ssid_hex)"},
        {R"({"networks": [{"ssid": "a", "ssid_hex": "61", "bssids": ["aa:bb:cc:dd:ee:ff"], "class": "open"}]})",
         "networks[0]: \"ssid\" and \"ssid_hex\" both given; keep one"},
        {R"({"networks": [{"ssid_hex": "6G", "bssids": ["aa:bb:cc:dd:ee:ff"], "class": "open"}]})",
         "networks[0].ssid_hex: expected two lowercase hex digits per byte"},
        {R"({"networks": [{"ssid_hex": "", "bssids": ["aa:bb:cc:dd:ee:ff"], "class": "open"}]})",
         "networks[0].ssid_hex: an SSID is 1 to 32 bytes"},
        {R"({"networks": [{"ssid": 5, "bssids": ["aa:bb:cc:dd:ee:ff"], "class": "open"}]})",
         "networks[0].ssid: expected a string"},
        {R"({"networks": [{"ssid": "", "bssids": ["aa:bb:cc:dd:ee:ff"], "class": "open"}]})",
         "networks[0].ssid: an SSID is 1 to 32 bytes, \"\" is 0"},
        {R"({"networks": [{"ssid": "123456789012345678901234567890123", "bssids": ["aa:bb:cc:dd:ee:ff"], "class": "open"}]})",
         "networks[0].ssid: an SSID is 1 to 32 bytes, \"123456789012345678901234567890123\" is 33"},
        {R"({"networks": [{"ssid": "a", "bssids": [], "class": "open"}]})",
         "networks[0].bssids: expected a non-empty array of BSSIDs or prefixes"},
        {R"({"networks": [{"ssid": "a", "bssids": [7], "class": "open"}]})",
         "networks[0].bssids[0]: expected a string"},
        {R"({"networks": [{"ssid": "a", "bssids": ["aa:bb:cc:dd:ee:ff", "aa:bb:cc:dd:ee"], "class": "open"}]})",
         "networks[0].bssids[1]: not a MAC address or prefix: \"aa:bb:cc:dd:ee\" (expected "
         "aa:bb:cc:dd:ee:ff, aa:bb:cc:* or "
         "aa:bb:cc:dd:ee:f0/44)"},
        {R"({"networks": [{"ssid": "a", "bssids": ["gg:bb:cc:dd:ee:ff"], "class": "open"}]})",
         "networks[0].bssids[0]: not a MAC address or prefix: \"gg:bb:cc:dd:ee:ff\" (expected "
         "aa:bb:cc:dd:ee:ff, aa:bb:cc:* or "
         "aa:bb:cc:dd:ee:f0/44)"},
        {R"({"networks": [{"ssid": "a", "bssids": ["aa:bb:cc:dd:ee:ff/49"], "class": "open"}]})",
         "networks[0].bssids[0]: not a MAC address or prefix: \"aa:bb:cc:dd:ee:ff/49\" (expected "
         "aa:bb:cc:dd:ee:ff, aa:bb:cc:* or "
         "aa:bb:cc:dd:ee:f0/44)"},
        {R"({"networks": [{"ssid": "a", "bssids": ["aa:bb:cc:dd:ee:ff/0"], "class": "open"}]})",
         "networks[0].bssids[0]: not a MAC address or prefix: \"aa:bb:cc:dd:ee:ff/0\" (expected "
         "aa:bb:cc:dd:ee:ff, aa:bb:cc:* or "
         "aa:bb:cc:dd:ee:f0/44)"},
        {R"({"networks": [{"ssid": "a", "bssids": ["*"], "class": "open"}]})",
         "networks[0].bssids[0]: not a MAC address or prefix: \"*\" (expected aa:bb:cc:dd:ee:ff, aa:bb:cc:* "
         "or aa:bb:cc:dd:ee:f0/44)"},
        {R"({"networks": [{"ssid": "a", "bssids": ["aa:bb:cc:dd:ee:ff:*"], "class": "open"}]})",
         "networks[0].bssids[0]: not a MAC address or prefix: \"aa:bb:cc:dd:ee:ff:*\" (expected "
         "aa:bb:cc:dd:ee:ff, aa:bb:cc:* or "
         "aa:bb:cc:dd:ee:f0/44)"},
        {R"({"networks": [{"ssid": "a", "bssids": ["aa:bb:c*"], "class": "open"}]})",
         "networks[0].bssids[0]: not a MAC address or prefix: \"aa:bb:c*\" (expected aa:bb:cc:dd:ee:ff, "
         "aa:bb:cc:* or "
         "aa:bb:cc:dd:ee:f0/44)"},
        {R"({"networks": [{"ssid": "a", "bssids": ["aa:bb:cc:dd:ee:ff"], "class": "wpa4"}]})",
         "networks[0].class: unknown class \"wpa4\" (expected one of open, owe, wep, wpa, wpa2-personal, "
         "wpa3-personal, "
         "wpa3-transition, wpa2-enterprise, wpa3-enterprise, wpa3-enterprise-192)"},
        {R"({"networks": [{"ssid": "a", "bssids": ["aa:bb:cc:dd:ee:ff"], "class": "unknown"}]})",
         "networks[0].class: unknown class \"unknown\" (expected one of open, owe, wep, wpa, wpa2-personal, "
         "wpa3-personal, "
         "wpa3-transition, wpa2-enterprise, wpa3-enterprise, wpa3-enterprise-192)"},
        {R"({"networks": [{"ssid": "a", "bssids": ["aa:bb:cc:dd:ee:ff"], "class": 3}]})",
         "networks[0].class: expected a string"},
        {R"({"networks": [{"ssid": "a", "bssids": ["aa:bb:cc:dd:ee:ff"], "class": "open"},
                          {"ssid": "a", "bssids": ["aa:bb:cc:dd:ee:fe"], "class": "open"}]})",
         "networks[1].ssid: \"a\" is listed twice; give one entry all its BSSIDs"},
        {R"({"networks": [], "ignore_ssids": "x"})", "ignore_ssids: expected an array"},
        {R"({"networks": [], "ignore_ssids": ["ok", null]})", "ignore_ssids[1]: expected a string"},
        {R"({"networks": [{"ssid": "a", "bssids": ["aa:bb:cc:dd:ee:ff"], "class": "open"}], "ignore_ssids": ["a"]})",
         "ignore_ssids[0]: \"a\" is also an authorised network"},
        {"", "syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"},
        {R"({"networks": [})",
         "syntax error while parsing value - unexpected '}'; expected '[', '{', or a literal"},
        {"{\"networks\": [], \"ignore_ssids\": [\"\xff\"]}",
         "syntax error while parsing value - invalid string: ill-formed UTF-8 byte"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.json);
        auto inv = parse_inventory(c.json);
        REQUIRE_FALSE(inv.has_value());
        CHECK(inv.error().find(c.error) != std::string::npos);
        CHECK(inv.error().find('\n') == std::string::npos);
    }
    // A syntax error says where it is.
    auto r = parse_inventory("{\n  \"networks\": [,]\n}");
    REQUIRE_FALSE(r.has_value());
    CHECK_MESSAGE(r.error().rfind("parse error at line 2, column 16:", 0) == 0, r.error());
}

TEST_CASE("meets: the documented order of security classes") {
    CHECK(meets(BssClass::wpa3_enterprise_192, BssClass::wpa3_enterprise));
    CHECK(meets(BssClass::wpa3_enterprise, BssClass::wpa2_enterprise));
    CHECK_FALSE(meets(BssClass::wpa2_enterprise, BssClass::wpa3_enterprise));
    // Enterprise minimums are met by enterprise only, whatever the personal mode.
    CHECK_FALSE(meets(BssClass::wpa3_personal, BssClass::wpa2_enterprise));
    CHECK(meets(BssClass::wpa2_enterprise, BssClass::wpa3_personal));
    CHECK_FALSE(meets(BssClass::wpa3_transition, BssClass::wpa3_personal));
    CHECK(meets(BssClass::wpa3_transition, BssClass::wpa2_personal));
    CHECK_FALSE(meets(BssClass::owe, BssClass::wpa2_personal));
    CHECK(meets(BssClass::owe, BssClass::wpa));
    CHECK(meets(BssClass::wpa, BssClass::wep));
    CHECK(meets(BssClass::wep, BssClass::open));
    CHECK_FALSE(meets(BssClass::open, BssClass::wep));
    CHECK_FALSE(meets(BssClass::unknown, BssClass::open));
}

TEST_CASE("assess_inventory: each kind of finding") {
    auto inv = parse_ok(k_office);

    SUBCASE("ok, and not-seen for authorised MACs never heard") {
        auto a = assess_inventory(inv, {bss("aa:bb:cc:dd:ee:01", "LGWAN-Office", BssClass::wpa3_enterprise),
                                        bss("aa:bb:cc:dd:ef:05", "Guest", BssClass::wpa3_personal)});
        CHECK(kinds(a) == std::vector<std::string>{"ok aa:bb:cc:dd:ee:01", "ok aa:bb:cc:dd:ef:05",
                                                   "not-seen aa:bb:cc:dd:ee:02", "not-seen "});
        CHECK(a.findings[0].ssid == "LGWAN-Office");
        CHECK_FALSE(a.findings[2].failing);
        CHECK(a.findings[2].ssid == "LGWAN-Office");
        CHECK(model::english(a.findings[3].detail) == "no BSS seen under the authorised prefix 02:11:22:*.");
        CHECK(a.requirement.id == "ap-inventory");
        CHECK(a.requirement.status == model::Status::pass);
    }
    SUBCASE("unknown-bssid: an authorised SSID from elsewhere") {
        auto a = assess_inventory(inv, {bss("66:66:66:66:66:66", "LGWAN-Office", BssClass::wpa3_enterprise)});
        REQUIRE(a.findings.size() >= 1);
        CHECK(a.findings[0].kind == "unknown-bssid");
        CHECK(a.findings[0].bssid == "66:66:66:66:66:66");
        CHECK(a.findings[0].failing);
        CHECK(a.requirement.status == model::Status::fail);
    }
    SUBCASE("weaker-security: below the network's minimum") {
        auto a = assess_inventory(inv, {bss("02:11:22:33:44:55", "LGWAN-Office", BssClass::wpa2_enterprise)});
        REQUIRE(a.findings.size() >= 1);
        CHECK(a.findings[0].kind == "weaker-security");
        CHECK(a.findings[0].failing);
        CHECK(model::english(a.findings[0].detail) ==
              "advertises wpa2-enterprise, below the inventory's minimum wpa3-enterprise.");
        CHECK(a.requirement.status == model::Status::fail);
    }
    SUBCASE("unknown-ssid alone is not failing but leaves the survey inconclusive") {
        auto a =
            assess_inventory(inv, {bss("aa:bb:cc:dd:ee:01", "LGWAN-Office", BssClass::wpa3_enterprise),
                                   bss("aa:bb:cc:dd:ee:02", "LGWAN-Office", BssClass::wpa3_enterprise_192),
                                   bss("02:11:22:00:00:01", "LGWAN-Office", BssClass::wpa3_enterprise),
                                   bss("aa:bb:cc:dd:ef:00", "Guest", BssClass::wpa2_personal),
                                   bss("10:00:00:00:00:01", "Printer", BssClass::wpa2_personal)});
        REQUIRE(a.findings.size() == 5);
        CHECK(a.findings[4].kind == "unknown-ssid");
        CHECK_FALSE(a.findings[4].failing);
        CHECK(a.findings[4].ssid == "Printer");
        CHECK(a.requirement.status == model::Status::inconclusive);
    }
    SUBCASE("an authorised BSSID on another SSID is an unknown SSID that says so") {
        auto a = assess_inventory(inv, {bss("aa:bb:cc:dd:ee:01", "Other", BssClass::wpa2_personal)});
        CHECK(a.findings[0].kind == "unknown-ssid");
        CHECK(model::english(a.findings[0].detail) ==
              "an SSID in neither networks nor ignore_ssids; its BSSID is listed for \"LGWAN-Office\".");
    }
    SUBCASE("open-network: open and WEP fail whatever their SSID, ignored ones aside") {
        auto a = assess_inventory(inv, {bss("10:00:00:00:00:01", "FreeWifi", BssClass::open),
                                        bss("10:00:00:00:00:02", "Legacy", BssClass::wep),
                                        bss("10:00:00:00:00:03", "neighbour-cafe", BssClass::open)});
        CHECK(kinds(a) ==
              std::vector<std::string>{"unknown-ssid 10:00:00:00:00:01", "open-network 10:00:00:00:00:01",
                                       "unknown-ssid 10:00:00:00:00:02", "open-network 10:00:00:00:00:02",
                                       "not-seen aa:bb:cc:dd:ee:01", "not-seen aa:bb:cc:dd:ee:02",
                                       "not-seen ", "not-seen "});
        CHECK(a.findings[1].failing);
        CHECK(a.findings[3].failing);
        CHECK(a.requirement.status == model::Status::fail);
        const auto reasons = report::english(a.requirement.reasons);
        CHECK(
            std::find(reasons.begin(), reasons.end(),
                      "3 BSS(es) seen: 0 of authorised SSIDs, 1 of ignored SSIDs, 2 not in the inventory.") !=
            reasons.end());
    }
    SUBCASE("an authorised network that is open fails twice: weaker and open") {
        auto a = assess_inventory(inv, {bss("aa:bb:cc:dd:ef:01", "Guest", BssClass::open)});
        CHECK(a.findings[0].kind == "weaker-security");
        CHECK(a.findings[1].kind == "open-network");
    }
    SUBCASE("unknown security never meets a minimum") {
        auto a = assess_inventory(inv, {bss("aa:bb:cc:dd:ef:01", "Guest", BssClass::unknown)});
        CHECK(a.findings[0].kind == "weaker-security");
    }
}

TEST_CASE("an SSID that is not UTF-8 is given by its bytes and matched byte for byte") {
    auto inv = parse_ok(R"({"networks": [{"ssid_hex": "636166e92d636f7270", "bssids": ["02:00:00:00:0c:01"],
                            "class": "wpa2-personal"}]})");
    REQUIRE(inv.networks.size() == 1);
    CHECK(inv.networks[0].ssid == std::string("caf\xe9-corp"));
    auto a = assess_inventory(inv, {bss("02:00:00:00:0c:01", "caf\xe9-corp", BssClass::wpa2_personal),
                                    bss("02:00:00:00:0c:02", "caf\xc3\xa9-corp", BssClass::wpa2_personal)});
    REQUIRE(a.findings.size() == 2);
    CHECK(a.findings[0].kind == "ok");
    CHECK(a.findings[0].ssid == "caf\\xe9-corp"); // shown escaped
    CHECK(a.findings[1].kind == "unknown-ssid");  // the UTF-8 spelling is other bytes
}

TEST_CASE("assess_inventory: hidden SSIDs are matched by BSSID") {
    auto inv = parse_ok(k_office);
    auto a = assess_inventory(inv, {bss("aa:bb:cc:dd:ee:01", "", BssClass::wpa3_enterprise, false),
                                    bss("02:11:22:00:00:07", "", BssClass::wpa2_enterprise, false),
                                    bss("10:00:00:00:00:01", "", BssClass::wpa2_personal, false)});
    REQUIRE(a.findings.size() >= 3);
    CHECK(a.findings[0].kind == "ok");
    CHECK(a.findings[0].ssid == "LGWAN-Office");
    CHECK(model::english(a.findings[0].detail).rfind("hidden SSID matched by BSSID; ", 0) == 0);
    CHECK(a.findings[1].kind == "weaker-security"); // matched through the OUI prefix
    CHECK(a.findings[2].kind == "unknown-ssid");
    CHECK(a.findings[2].ssid.empty());
    CHECK(model::english(a.findings[2].detail) == "a hidden SSID from a BSSID not in the inventory.");
    CHECK(a.requirement.status == model::Status::fail);
}

TEST_CASE("assess_inventory without 802.11 management frames is not tested") {
    auto a = assess_inventory(parse_ok(k_office), {});
    CHECK(a.findings.empty());
    CHECK(a.requirement.status == model::Status::not_tested);
    REQUIRE(a.requirement.reasons.size() == 1);
    CHECK(model::english(a.requirement.reasons[0]).find("No beacon, probe response or association request") ==
          0);
}

const model::Requirement& requirement(const model::Report& rep, const std::string& id) {
    auto it = std::find_if(rep.requirements.begin(), rep.requirements.end(),
                           [&](const auto& r) { return r.id == id; });
    REQUIRE(it != rep.requirements.end());
    return *it;
}

TEST_CASE("the survey decides ap-inventory and the verdict") {
    model::Report rep;
    rep.wlan = {bss("66:66:66:66:66:66", "LGWAN-Office", BssClass::wpa3_enterprise)};
    apply_inventory(parse_ok(k_office), rep);
    CHECK(rep.requirements[3].id == "ap-inventory");
    CHECK(requirement(rep, "ap-inventory").status == model::Status::fail);
    CHECK(requirement(rep, "wlan-encryption").status == model::Status::pass);
    REQUIRE(rep.inventory.has_value());
    CHECK(rep.inventory->at(0).kind == "unknown-bssid");
    CHECK(rep.verdict == model::Status::fail);
}

TEST_CASE("apply_inventory: a neighbour's open network does not fail the site's wlan-encryption") {
    model::Report rep;
    rep.wlan = {bss("aa:bb:cc:dd:ee:01", "LGWAN-Office", BssClass::wpa3_enterprise),
                bss("77:77:77:77:77:77", "neighbour-cafe", BssClass::open)};
    apply_inventory(parse_ok(k_office), rep);
    const auto& enc = requirement(rep, "wlan-encryption");
    CHECK(enc.status == model::Status::pass);
    CHECK(model::english(enc.reasons.back()) ==
          "1 BSS(es) of SSIDs the inventory ignores (ignore_ssids) left out.");
    // Enterprise Wi-Fi without an EAP exchange on the capture is not proof of EAP-TLS, but no longer a
    // failure.
    CHECK(requirement(rep, "8021x-eap-tls").status == model::Status::not_tested);

    SUBCASE("only ignored networks: nothing of the site's own to judge") {
        rep.wlan.erase(rep.wlan.begin());
        apply_inventory(parse_ok(k_office), rep);
        CHECK(requirement(rep, "wlan-encryption").status == model::Status::not_tested);
        CHECK(model::english(requirement(rep, "wlan-encryption").reasons.front())
                  .find("none of the site's own networks") != std::string::npos);
    }
    SUBCASE("without the ignore, the open network fails") {
        rep.wlan[1] = bss("77:77:77:77:77:77", "other-cafe", BssClass::open);
        apply_inventory(parse_ok(k_office), rep);
        CHECK(requirement(rep, "wlan-encryption").status == model::Status::fail);
        CHECK(requirement(rep, "8021x-eap-tls").status == model::Status::fail);
    }
}
