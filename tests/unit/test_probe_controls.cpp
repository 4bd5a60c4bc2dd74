// The positive controls of a live run, one situation each (issue 10: no default route, a gateway that never
// answers, a sentinel on another segment numbered alike, drops, a frame that could not be sent; issue 12: a
// sentinel on another segment on purpose, --cross-segment).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "probe/controls.hpp"
#include "tests/unit/test_model_util.hpp"

using namespace isoprobe;
using test::plain;

namespace {

const MacAddr k_gateway = *MacAddr::parse("02:b1:00:00:00:01");
const MacAddr k_other_gateway = *MacAddr::parse("02:b2:00:00:00:01");

probe::ControlInputs paired(const probe::MatchFacts& facts) {
    return {facts,     40,    "probe0", "sentinel0", false, std::nullopt, IpAddr::parse("198.51.100.1"),
            k_gateway, false, 3,        0,           {},    std::nullopt};
}

// --cross-segment: the sentinel on 203.0.113.0/24 behind its own gateway.
probe::ControlInputs crossing(const probe::MatchFacts& facts) {
    auto in = paired(facts);
    in.cross_segment = true;
    in.sentinel_gateway_ip = IpAddr::parse("203.0.113.1");
    return in;
}

const model::Control& control(const std::vector<model::Control>& all, const std::string& name) {
    for (const auto& c : all)
        if (c.name == name) return c;
    FAIL("no control " << name);
    throw;
}

} // namespace

TEST_CASE("every control holds on a live segment shared with the sentinel") {
    probe::MatchFacts facts;
    facts.own_seen = 40;
    facts.gateway_echo = 12;
    facts.sentinel_gateway = 263;
    const auto all = probe::positive_controls(paired(facts));
    std::vector<std::string> names;
    for (const auto& c : all) {
        names.push_back(c.name);
        CHECK_MESSAGE(c.ok, c.name << ": " << model::english(c.detail));
    }
    CHECK(names == std::vector<std::string>{"own-frames-captured", "gateway-arp", "gateway-icmp",
                                            "sentinel-receives", "sentinel-same-segment", "no-drops"});
    CHECK(model::english(control(all, "sentinel-same-segment").detail) ==
          "the sentinel heard the gateway 198.51.100.1 answer from 02:b1:00:00:00:01, the MAC the probe "
          "resolved "
          "(frame 263): both interfaces are on one segment");
}

TEST_CASE(
    "a sentinel on another segment numbered alike fails sentinel-same-segment, though it hears a gateway") {
    probe::MatchFacts facts;
    facts.own_seen = 40;
    facts.sentinel_other_gateway = k_other_gateway;
    const auto all = probe::positive_controls(paired(facts));
    CHECK(control(all, "sentinel-receives").ok);
    const auto& same = control(all, "sentinel-same-segment");
    CHECK_FALSE(same.ok);
    CHECK(model::english(same.detail) ==
          "the sentinel's gateway 198.51.100.1 answered from 02:b2:00:00:00:01, the probe's from "
          "02:b1:00:00:00:01: the sentinel is on another segment numbered alike");
}

TEST_CASE("different IPv6 routers on the two interfaces: another segment") {
    probe::MatchFacts facts;
    facts.own_seen = 40;
    facts.sentinel_gateway = 20;
    facts.probe_routers = {k_gateway};
    facts.sentinel_routers = {k_other_gateway};
    CHECK_FALSE(control(probe::positive_controls(paired(facts)), "sentinel-same-segment").ok);
}

TEST_CASE("no default route, or a gateway that never answered: gateway-arp fails and says why") {
    probe::MatchFacts facts;
    auto in = paired(facts);
    in.gateway_mac.reset();
    CHECK(model::english(control(probe::positive_controls(in), "gateway-arp").detail) ==
          "gateway 198.51.100.1 did not answer ARP (asked 3 times)");
    in.gateway_ip.reset();
    const auto all = probe::positive_controls(in);
    const auto& arp = control(all, "gateway-arp");
    CHECK_FALSE(arp.ok);
    CHECK(model::english(arp.detail) ==
          "no default route through probe0: nothing tells the router from a terminal");
}

TEST_CASE("frames we sent missing from the capture, drops, a send error: each a failed control") {
    probe::MatchFacts facts;
    facts.own_seen = 39;
    auto in = paired(facts);
    in.dropped = 2;
    in.send_error = plain("probe0: cannot send: Network is down");
    in.sentinel.clear();
    const auto all = probe::positive_controls(in);
    CHECK_FALSE(control(all, "own-frames-captured").ok);
    CHECK(model::english(control(all, "own-frames-captured").detail) ==
          "the capture holds 39 of the 40 frames we sent");
    CHECK_FALSE(control(all, "no-drops").ok);
    CHECK_FALSE(control(all, "sending").ok);
    for (const auto& c : all)
        CHECK(c.name != "sentinel-receives");
}

TEST_CASE(
    "--cross-segment: each side's own gateway answers, and no broadcast of the probe reaches the sentinel") {
    probe::MatchFacts facts;
    facts.own_seen = 40;
    facts.gateway_echo = 12;
    facts.sentinel_gateway = 31;
    facts.sentinel_gateway_mac = *MacAddr::parse("02:b1:00:00:0c:01");
    // The probe's gateway is never asked from the sentinel's side: nothing about it is expected there.
    facts.sentinel_other_gateway = k_other_gateway;
    const auto all = probe::positive_controls(crossing(facts));
    std::vector<std::string> names;
    for (const auto& c : all) {
        names.push_back(c.name);
        CHECK_MESSAGE(c.ok, c.name << ": " << model::english(c.detail));
    }
    CHECK(names == std::vector<std::string>{"own-frames-captured", "gateway-arp", "gateway-icmp",
                                            "sentinel-receives", "sentinel-other-segment", "no-drops"});
    CHECK(model::english(control(all, "sentinel-receives").detail) ==
          "the sentinel sentinel0 received its own gateway 203.0.113.1's ARP reply from 02:b1:00:00:0c:01 "
          "(frame 31): its segment is live and its capture works");
}

TEST_CASE(
    "--cross-segment: a silent or missing sentinel gateway, a shared broadcast domain: failed controls") {
    probe::MatchFacts facts;
    facts.own_seen = 40;
    facts.sentinel_heard_probe = 3;
    auto in = crossing(facts);
    auto all = probe::positive_controls(in);
    CHECK_FALSE(control(all, "sentinel-receives").ok);
    CHECK(
        model::english(control(all, "sentinel-receives").detail) ==
        "the sentinel sentinel0's gateway 203.0.113.1 did not answer its ARP: silence there proves nothing");
    CHECK_FALSE(control(all, "sentinel-other-segment").ok);
    CHECK(model::english(control(all, "sentinel-other-segment").detail) ==
          "the sentinel received a broadcast of the probe (frame 3): both interfaces share one broadcast "
          "domain, which routed probes do not test");
    in.sentinel_gateway_ip.reset();
    all = probe::positive_controls(in);
    CHECK(
        model::english(control(all, "sentinel-receives").detail) ==
        "no default route through sentinel0 on its own subnet: nothing shows the sentinel's segment is live");
    for (const auto& c : all)
        CHECK(c.name != "sentinel-same-segment");
}
