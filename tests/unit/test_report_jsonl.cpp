// JSON Lines of the report's findings: one line per item, the common fields on each, items as the JSON report
// has them.
#include <doctest/doctest.h>

#include <map>
#include <sstream>
#include <string>

#include "report/json.hpp"
#include "report/json_wlan_eap.hpp"
#include "report/jsonl.hpp"
#include "tests/unit/test_model_util.hpp"

using namespace isoprobe;
using nlohmann::json;
using test::plain;

namespace {

model::Report full_report() {
    model::Report r;
    r.command = "audit";
    r.verdict = model::Status::fail;
    r.requirements = {{"terminal-isolation", model::Status::fail, {plain("2 probe(s) reached")}},
                      {"wlan-encryption", model::Status::pass, {}}};
    r.segment.emplace().interface = "eth0";
    const model::Endpoint p{MacAddr::parse("02:00:00:00:00:0b"), *IpAddr::parse("198.51.100.11")};
    model::Conversation c;
    c.a = p;
    c.b = {MacAddr::parse("02:00:00:00:00:0c"), *IpAddr::parse("198.51.100.12")};
    r.conversations = {c};
    r.attempts = {c};
    r.probes = {{p, true, "icmp", model::ProbeOutcome::reached, {3, 4}, {plain("echo reply")}},
                {p, true, "smb", model::ProbeOutcome::reached, {}, {}},
                {p, true, "arp", model::ProbeOutcome::not_reached, {}, {}}};
    r.controls = {{"gateway-arp", true, {}}, {"no-drops", false, plain("3 frames dropped")}};
    r.eap.emplace_back();
    r.wlan.emplace_back().bssid = *MacAddr::parse("02:00:00:00:01:01");
    r.inventory.emplace().push_back({"not-seen", "", "office", false, plain("never seen")});
    r.run.emplace(model::RunInfo{.started_ns = 1'700'000'000'000'000'000,
                                 .finished_ns = 1'700'000'001'000'000'000,
                                 .host = "lab",
                                 .phases = {},
                                 .files = {},

                                 .provenance = {},

                                 .analysis = std::nullopt});
    return r;
}

std::vector<json> lines_of(const std::string& text) {
    std::vector<json> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
        out.push_back(json::parse(l));
    return out;
}

} // namespace

TEST_CASE("one line per finding, each with the run's common fields") {
    const auto r = full_report();
    model::Recorded rec{
        .run = 7,
        .baseline = 5,
        .regressions = {{"requirement-fail", "terminal-isolation", "pass in the previous run, fail now"},
                        {"new-reached", "icmp 02:00:00:00:00:0b", "the sentinel"}}};
    const auto text = report::to_jsonl(r, rec);
    const auto lines = lines_of(text);
    // 2 requirements, 1 conversation, 1 attempt, 2 reached probes, 1 failed control, 1 EAP session, 1 BSS,
    // 1 inventory finding, 2 regressions.
    CHECK(lines.size() == 12);
    std::map<std::string, int> kinds;
    for (const auto& j : lines) {
        ++kinds[j["finding"].get<std::string>()];
        CHECK(j["time"] == "2023-11-14T22:13:20.000000Z");
        CHECK(j["host"] == "lab");
        CHECK(j["command"] == "audit");
        CHECK(j["scope"] == "eth0");
        CHECK(j["verdict"] == "fail");
        CHECK(j["run"] == 7);
        CHECK(j.contains(j["finding"].get<std::string>()));
    }
    CHECK(kinds == std::map<std::string, int>{{"requirement", 2},
                                              {"conversation", 1},
                                              {"attempt", 1},
                                              {"probe", 2},
                                              {"control", 1},
                                              {"eap-session", 1},
                                              {"bss", 1},
                                              {"inventory", 1},
                                              {"regression", 2}});
    SUBCASE("items are exactly what the JSON report writes") {
        CHECK(lines[0]["requirement"] == json::parse(report::to_json(r.requirements[0]).dump()));
        CHECK(lines[4]["probe"] == json::parse(report::to_json(r.probes[0]).dump()));
        CHECK(lines[6]["control"]["name"] == "no-drops");
        CHECK(lines[8]["bss"] == json::parse(report::to_json(r.wlan[0]).dump()));
        CHECK(lines[10]["regression"]["baseline"] == 5);
    }
    SUBCASE("compact: no line breaks inside an object") {
        CHECK(std::count(text.begin(), text.end(), '\n') == 12);
    }
}

TEST_CASE("without the history: no run id and no regressions") {
    auto r = full_report();
    r.run.reset();
    const auto lines = lines_of(report::to_jsonl(r, std::nullopt));
    CHECK(lines.size() == 10);
    CHECK(lines[0]["time"].is_null());
    CHECK_FALSE(lines[0].contains("run"));
}
