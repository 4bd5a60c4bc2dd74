// The live terminal-isolation decision, one row per situation of issue 10 and per lab scenario: evidence in,
// status and first reason out. The rows' probe results are what tools/lab's scenarios give (tests/lab).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/unit/test_model_util.hpp"
#include "verdict/terminal_isolation.hpp"

using namespace isoprobe;
using model::ProbeOutcome;
using model::Status;
using test::plain;

namespace {
const MacAddr k_sentinel_mac = *MacAddr::parse("02:b1:00:00:00:0b");
const MacAddr k_h2_mac = *MacAddr::parse("02:b1:00:00:00:14");

model::ProbeResult sentinel_probe(const std::string& method, ProbeOutcome result,
                                  std::vector<std::uint64_t> frames = {}) {
    return {{k_sentinel_mac, *IpAddr::parse("198.51.100.11")}, true, method, result, std::move(frames), {}};
}
model::ProbeResult h2_probe(const std::string& method, ProbeOutcome result,
                            std::vector<std::uint64_t> frames = {}) {
    return {{k_h2_mac, *IpAddr::parse("198.51.100.20")}, false, method, result, std::move(frames), {}};
}
std::vector<model::Control> good_controls() {
    return {{"own-frames-captured", true, {}},   {"gateway-arp", true, {}},
            {"gateway-icmp", true, {}},          {"sentinel-receives", true, {}},
            {"sentinel-same-segment", true, {}}, {"no-drops", true, {}}};
}

// An isolated segment: every method toward the sentinel not received, every control good.
verdict::LiveIsolationEvidence isolated() {
    verdict::LiveIsolationEvidence e;
    e.passive = {
        "terminal-isolation", Status::pass, {plain("3 attempt(s) to reach other terminals got no answer")}};
    for (const char* m : {"arp", "icmp", "l2-unicast", "gateway-bounce", "ipv6"})
        e.probes.push_back(sentinel_probe(m, ProbeOutcome::not_reached));
    e.controls = good_controls();
    e.sentinel = "sentinel0";
    e.gateway_resolved = true;
    e.rounds = 3;
    e.sentinel_heard_gateway = 263;
    return e;
}

void set_control(verdict::LiveIsolationEvidence& e, const std::string& name, bool ok,
                 const std::string& detail) {
    for (auto& c : e.controls)
        if (c.name == name) {
            c.ok = ok;
            c.detail = plain(detail);
        }
}
} // namespace

TEST_CASE("isolated: every method not received at the sentinel, every control good: pass, saying what it "
          "rests on") {
    auto r = verdict::decide_live_isolation(isolated());
    CHECK(r.status == Status::pass);
    CHECK(model::english(r.reasons.front()) ==
          "all 5 methods sent toward the sentinel sentinel0 were not received there (each sent up to 3 "
          "times), no peer answered, and every control passed: the sentinel heard the same gateway "
          "(frame 263)");
    CHECK(model::english(r.reasons.back()) ==
          "passive watch: 3 attempt(s) to reach other terminals got no answer");
}

TEST_CASE("open / l3-hairpin-no-icmp / port-steal: a probe received by the sentinel fails, with its frame") {
    auto e = isolated();
    e.probes[3] = sentinel_probe("gateway-bounce", ProbeOutcome::reached, {412, 415});
    auto r = verdict::decide_live_isolation(e);
    CHECK(r.status == Status::fail);
    CHECK(model::english(r.reasons.front()) ==
          "the sentinel sentinel0 received our probes: gateway-bounce->198.51.100.11 (frame 412)");
}

TEST_CASE("a peer answering from its own MAC fails only when the gateway is resolved (no-default-route)") {
    auto e = isolated();
    e.probes.push_back(h2_probe("icmp", ProbeOutcome::reached, {77}));
    CHECK(verdict::decide_live_isolation(e).status == Status::fail);
    e.gateway_resolved = false;
    set_control(e, "gateway-arp", false, "no default route through probe0");
    auto r = verdict::decide_live_isolation(e);
    CHECK(r.status == Status::inconclusive);
    CHECK(model::english(r.reasons.front()) ==
          "hosts answered (icmp->198.51.100.20 (frame 77)), but no gateway was resolved, so any of them may "
          "be the router rather than a terminal");
}

TEST_CASE("the passive watch's contact fails the run; without a resolved gateway it cannot") {
    auto e = isolated();
    e.passive = {"terminal-isolation", Status::fail, {plain("1 terminal-to-terminal conversation(s)")}};
    auto r = verdict::decide_live_isolation(e);
    CHECK(r.status == Status::fail);
    CHECK(model::english(r.reasons.front()) == "passive watch: 1 terminal-to-terminal conversation(s)");
    e.gateway_resolved = false;
    CHECK(verdict::decide_live_isolation(e).status == Status::inconclusive);
}

TEST_CASE("wrong-segment-sentinel: a failed sentinel-same-segment control leaves the run inconclusive") {
    auto e = isolated();
    set_control(e, "sentinel-same-segment", false, "the sentinel's gateway answered from another MAC");
    auto r = verdict::decide_live_isolation(e);
    CHECK(r.status == Status::inconclusive);
    CHECK(model::english(r.reasons.front()) ==
          "control failed: sentinel-same-segment: the sentinel's gateway answered from another MAC");
}

TEST_CASE("no sentinel: silence is no proof") {
    auto e = isolated();
    e.sentinel.clear();
    for (auto& p : e.probes)
        p = h2_probe(p.method, ProbeOutcome::no_reply);
    auto r = verdict::decide_live_isolation(e);
    CHECK(r.status == Status::inconclusive);
    CHECK(model::english(r.reasons.front()).find("without --sentinel silence is not proof") !=
          std::string::npos);
}

TEST_CASE("interrupted, or a method that could not run against the sentinel: inconclusive") {
    auto e = isolated();
    e.interrupted = true;
    e.interruption = plain("probe0 went down during the run");
    auto r = verdict::decide_live_isolation(e);
    CHECK(r.status == Status::inconclusive);
    CHECK(model::english(r.reasons.front()) == "the run was interrupted: probe0 went down during the run");

    auto f = isolated();
    f.probes[0] = sentinel_probe("arp", ProbeOutcome::no_reply);
    CHECK(verdict::decide_live_isolation(f).status == Status::inconclusive);
    auto g = isolated();
    g.sentinel_heard_gateway.reset();
    CHECK(verdict::decide_live_isolation(g).status == Status::inconclusive);
}

TEST_CASE("a full station or flow table makes a would-be pass inconclusive, never a fail less") {
    auto e = isolated();
    e.full_tables.push_back({"flows", 65536, 12, false});
    auto r = verdict::decide_live_isolation(e);
    CHECK(r.status == Status::inconclusive);
    CHECK(model::english(r.reasons.front()).find("was full (65536)") != std::string::npos);
    e.probes[0] = sentinel_probe("arp", ProbeOutcome::reached, {9});
    CHECK(verdict::decide_live_isolation(e).status == Status::fail);
}
