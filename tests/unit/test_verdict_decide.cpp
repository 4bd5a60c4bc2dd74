// The decision stage as a whole, one row per situation of issue 10 and per lab scenario (tools/lab, asserted
// live in tests/lab): the evidence a command gathered in, every requirement's status, the verdict and the
// reason it rests on out. The rows' probe results are what the lab's scenarios give; no root, no network.
#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "tests/unit/test_model_util.hpp"
#include "verdict/decide.hpp"

using namespace isoprobe;
using model::ProbeOutcome;
using model::Status;
using test::plain;

namespace {

const MacAddr k_sentinel_mac = *MacAddr::parse("02:b1:00:00:00:0b");
const MacAddr k_h2_mac = *MacAddr::parse("02:b1:00:00:00:14");
const MacAddr k_self_mac = *MacAddr::parse("02:b1:00:00:00:0a");

model::ProbeResult at_sentinel(const std::string& method, ProbeOutcome result, std::uint64_t frame = 0) {
    return {{k_sentinel_mac, *IpAddr::parse("198.51.100.11")},
            true,
            method,
            result,
            frame ? std::vector<std::uint64_t>{frame} : std::vector<std::uint64_t>{},
            {}};
}
model::ProbeResult at_h2(const std::string& method, ProbeOutcome result, std::uint64_t frame = 0) {
    return {{k_h2_mac, *IpAddr::parse("198.51.100.20")},
            false,
            method,
            result,
            frame ? std::vector<std::uint64_t>{frame} : std::vector<std::uint64_t>{},
            {}};
}

struct Situation {
    verdict::Evidence evidence;
    model::Report report;
};

// A live run on an isolated segment with a sentinel: nothing reached, every control good, the passive watch
// saw our own attempts go unanswered.
Situation isolated_live() {
    Situation s;
    s.report.command = "probe";
    s.evidence.capture = {
        500,
        k_self_mac,
        false,
        {0},
        plain("the capturing host 02:b1:00:00:00:0a received 40 unicast frames (first: frames 3, 5, 9)"),
        std::nullopt};
    model::Conversation attempt;
    attempt.a = {k_self_mac, *IpAddr::parse("198.51.100.10")};
    attempt.b = {k_h2_mac, *IpAddr::parse("198.51.100.20")};
    attempt.frames = {7, 9, 11};
    attempt.frame_count = 3;
    s.report.attempts.push_back(attempt);
    for (const char* m : {"arp", "icmp", "l2-unicast", "gateway-bounce", "ipv6", "mdns", "smb"}) {
        s.report.probes.push_back(at_sentinel(m, ProbeOutcome::not_reached));
        s.report.probes.push_back(at_h2(m, ProbeOutcome::no_reply));
    }
    s.report.controls = {{"own-frames-captured", true, {}},   {"gateway-arp", true, {}},
                         {"gateway-icmp", true, {}},          {"sentinel-receives", true, {}},
                         {"sentinel-same-segment", true, {}}, {"no-drops", true, {}}};
    s.evidence.live = verdict::LiveRunEvidence{"sentinel0", true, std::nullopt, 3, 263, "", ""};
    return s;
}

// --cross-segment on the lab's two subnets behind one router (cross-filtered): only the routed methods ran
// toward the sentinel on 203.0.113.0/24, none arrived, both gateways answered.
Situation cross_live() {
    Situation s = isolated_live();
    s.report.probes.clear();
    for (const char* m : {"arp", "icmp", "l2-unicast", "gateway-bounce", "mdns", "smb", "ipv6"}) {
        const bool routed =
            std::string(m) == "icmp" || std::string(m) == "smb" || std::string(m) == "gateway-bounce";
        auto r = at_sentinel(m, routed ? ProbeOutcome::not_reached : ProbeOutcome::not_run);
        r.peer.ip = *IpAddr::parse("203.0.113.11");
        s.report.probes.push_back(r);
    }
    s.report.controls = {{"own-frames-captured", true, {}},    {"gateway-arp", true, {}},
                         {"gateway-icmp", true, {}},           {"sentinel-receives", true, {}},
                         {"sentinel-other-segment", true, {}}, {"no-drops", true, {}}};
    s.evidence.live = verdict::LiveRunEvidence{
        "sentinel0", true, std::nullopt, 3, 31, "198.51.100.0/24 (probe0)", "203.0.113.0/24 (sentinel0)"};
    return s;
}

void set_probe(Situation& s, bool sentinel, const std::string& method, ProbeOutcome result,
               std::uint64_t frame) {
    for (auto& p : s.report.probes)
        if (p.sentinel == sentinel && p.method == method) {
            p.result = result;
            p.frames = {frame};
        }
}

void fail_control(Situation& s, const std::string& name, const std::string& detail) {
    for (auto& c : s.report.controls)
        if (c.name == name) {
            c.ok = false;
            c.detail = plain(detail);
        }
}

model::BssEntry bss(const char* bssid, const std::string& ssid, model::BssClass cls) {
    model::BssEntry e;
    e.bssid = *MacAddr::parse(bssid);
    e.ssid.assign(ssid.begin(), ssid.end());
    e.ssid_known = true;
    e.from_ap = true;
    e.security.cls = cls;
    return e;
}

struct Row {
    const char* situation;
    std::function<Situation()> make;
    Status isolation, wlan, eap, inventory, verdict;
    const char* requirement; // whose first reason is checked
    const char* reason;      // a part of it
};

const model::Requirement& find(const model::Report& r, const std::string& id) {
    for (const auto& q : r.requirements)
        if (q.id == id) return q;
    FAIL("no requirement " << id);
    throw;
}

const Status P = Status::pass, F = Status::fail, I = Status::inconclusive, N = Status::not_tested;

const std::vector<Row> k_rows{
    // ---- live runs (probe, audit): tools/lab scenarios
    {"isolated", isolated_live, P, N, N, N, P, "terminal-isolation",
     "methods sent toward the sentinel sentinel0 were not received there (each sent up to 3 times)"},
    {"open: the sentinel received our ARP",
     [] {
         auto s = isolated_live();
         set_probe(s, true, "arp", ProbeOutcome::reached, 12);
         return s;
     },
     F, N, N, N, F, "terminal-isolation",
     "the sentinel sentinel0 received our probes: arp->198.51.100.11 (frame 12)"},
    {"flood-off: known unicast passes",
     [] {
         auto s = isolated_live();
         set_probe(s, true, "l2-unicast", ProbeOutcome::reached, 40);
         return s;
     },
     F, N, N, N, F, "terminal-isolation", "l2-unicast->198.51.100.11 (frame 40)"},
    {"ipv6-leak",
     [] {
         auto s = isolated_live();
         set_probe(s, true, "ipv6", ProbeOutcome::reached, 51);
         return s;
     },
     F, N, N, N, F, "terminal-isolation", "ipv6->198.51.100.11"},
    {"mdns-leak",
     [] {
         auto s = isolated_live();
         set_probe(s, true, "mdns", ProbeOutcome::reached, 77);
         return s;
     },
     F, N, N, N, F, "terminal-isolation", "mdns->198.51.100.11"},
    {"gateway-hairpin / proxy-arp-hairpin: bounced through the gateway",
     [] {
         auto s = isolated_live();
         set_probe(s, true, "gateway-bounce", ProbeOutcome::reached, 90);
         return s;
     },
     F, N, N, N, F, "terminal-isolation", "gateway-bounce->198.51.100.11 (frame 90)"},
    {"l3-hairpin-no-icmp: the TCP/UDP bounce arrives",
     [] {
         auto s = isolated_live();
         set_probe(s, true, "gateway-bounce", ProbeOutcome::reached, 95);
         return s;
     },
     F, N, N, N, F, "terminal-isolation", "gateway-bounce->198.51.100.11 (frame 95)"},
    {"port-steal: traffic meant for the sentinel arrives at the probe",
     [] {
         auto s = isolated_live();
         s.report.probes.push_back(at_sentinel("port-steal", ProbeOutcome::reached, 130));
         return s;
     },
     F, N, N, N, F, "terminal-isolation", "port-steal->198.51.100.11 (frame 130)"},
    {"port-security --intrusive: the steal failed",
     [] {
         auto s = isolated_live();
         s.report.probes.push_back(at_sentinel("port-steal", ProbeOutcome::not_reached));
         return s;
     },
     P, N, N, N, P, "terminal-isolation", "all 8 methods sent toward the sentinel"},
    {"proxy-arp-isolated: the gateway's ARP replies are observations, not contact",
     [] {
         auto s = isolated_live();
         s.report.observations.push_back(plain("proxy ARP: gateway ..."));
         return s;
     },
     P, N, N, N, P, "terminal-isolation", "were not received there"},
    {"redirect-no-forward: a redirect is an observation",
     [] {
         auto s = isolated_live();
         s.report.observations.push_back(plain("gateway would route ... (ICMP redirect, frame 33)"));
         return s;
     },
     P, N, N, N, P, "terminal-isolation", "were not received there"},
    {"loss-isolated: every method retried, none received", isolated_live, P, N, N, N, P, "terminal-isolation",
     "each sent up to 3 times"},
    {"loss-open: one arrival in three rounds is enough",
     [] {
         auto s = isolated_live();
         set_probe(s, true, "icmp", ProbeOutcome::reached, 301);
         return s;
     },
     F, N, N, N, F, "terminal-isolation", "icmp->198.51.100.11 (frame 301)"},
    {"wrong-segment-sentinel: same numbering, another gateway MAC",
     [] {
         auto s = isolated_live();
         fail_control(s, "sentinel-same-segment",
                      "the sentinel's gateway 198.51.100.1 answered from 02:b2:00:00:00:01");
         s.evidence.live->sentinel_heard_gateway.reset();
         return s;
     },
     I, N, N, N, I, "terminal-isolation",
     "control failed: sentinel-same-segment: the sentinel's gateway 198.51.100.1"},
    {"no-gateway: the gateway never answered ARP",
     [] {
         auto s = isolated_live();
         fail_control(s, "gateway-arp", "gateway 198.51.100.1 did not answer ARP (asked 3 times)");
         s.evidence.live->gateway_resolved = false;
         return s;
     },
     I, N, N, N, I, "terminal-isolation", "control failed: gateway-arp"},
    {"no-default-route: the router answers, and may be what answered",
     [] {
         auto s = isolated_live();
         fail_control(s, "gateway-arp", "no default route through probe0");
         s.evidence.live->gateway_resolved = false;
         set_probe(s, false, "icmp", ProbeOutcome::reached, 21);
         return s;
     },
     I, N, N, N, I, "terminal-isolation", "no gateway was resolved, so any of them may be the router"},
    {"a peer answering from its own MAC, gateway resolved",
     [] {
         auto s = isolated_live();
         set_probe(s, false, "smb", ProbeOutcome::reached, 58);
         return s;
     },
     F, N, N, N, F, "terminal-isolation",
     "peers answered from their own addresses: smb->198.51.100.20 (frame 58)"},
    {"no sentinel: silence proves nothing",
     [] {
         auto s = isolated_live();
         s.evidence.live->sentinel.clear();
         std::erase_if(s.report.probes, [](const auto& p) { return p.sentinel; });
         return s;
     },
     I, N, N, N, I, "terminal-isolation", "without --sentinel silence is not proof of isolation"},
    {"interrupted",
     [] {
         auto s = isolated_live();
         s.report.interrupted = true;
         s.evidence.live->interruption = plain("probe0 went down");
         return s;
     },
     I, N, N, N, I, "terminal-isolation", "the run was interrupted: probe0 went down"},
    {"a full flow table hides what might be contact",
     [] {
         auto s = isolated_live();
         s.report.capture.full_tables.push_back({"flows", 65536, 5, false});
         return s;
     },
     I, N, N, N, I, "terminal-isolation", "The flow table was full (65536): 5 flow(s) were not analysed"},

    // ---- live runs across two segments (--cross-segment): tools/lab cross-* scenarios
    {"cross-filtered: the router drops between the subnets, both gateways answer", cross_live, P, N, N, N, P,
     "terminal-isolation",
     "all 3 routed methods sent from 198.51.100.0/24 (probe0) through its gateway to the sentinel sentinel0 "
     "were "
     "not received there (each sent up to 3 times), and every control passed: each side's own gateway "
     "answered, the sentinel's in frame 31"},
    {"cross-filtered: the reasons say the verdict is about the two segments' separation", cross_live, P, N, N,
     N, P, "terminal-isolation",
     "cross-segment run: the verdict is about the separation of segment 198.51.100.0/24 (probe0) from "
     "segment 203.0.113.0/24 (sentinel0), probed with routed methods only; terminals within either segment "
     "were not probed, only the passive watch saw the probe's own segment"},
    {"cross-routed: the router forwards, the sentinel receives the routed echo",
     [] {
         auto s = cross_live();
         set_probe(s, true, "icmp", ProbeOutcome::reached, 40);
         return s;
     },
     F, N, N, N, F, "terminal-isolation",
     "the sentinel sentinel0 on 203.0.113.0/24 (sentinel0) received our probes routed from 198.51.100.0/24 "
     "(probe0): icmp->203.0.113.11 (frame 40)"},
    {"cross-routed: a fail says the same of its scope",
     [] {
         auto s = cross_live();
         set_probe(s, true, "gateway-bounce", ProbeOutcome::reached, 44);
         return s;
     },
     F, N, N, N, F, "terminal-isolation",
     "cross-segment run: the verdict is about the separation of segment"},
    {"cross: the sentinel's own gateway never answered, its side may be dead",
     [] {
         auto s = cross_live();
         fail_control(s, "sentinel-receives", "the sentinel sentinel0's gateway 203.0.113.1 did not answer");
         s.evidence.live->sentinel_heard_gateway.reset();
         return s;
     },
     I, N, N, N, I, "terminal-isolation", "control failed: sentinel-receives"},
    {"cross: the sentinel hears the probe's broadcasts, one broadcast domain",
     [] {
         auto s = cross_live();
         fail_control(s, "sentinel-other-segment",
                      "the sentinel received a broadcast of the probe (frame 3)");
         return s;
     },
     I, N, N, N, I, "terminal-isolation", "control failed: sentinel-other-segment"},
    {"cross: no routed method could run (no gateway on the probe's side)",
     [] {
         auto s = cross_live();
         for (auto& p : s.report.probes)
             p.result = ProbeOutcome::not_run;
         return s;
     },
     I, N, N, N, I, "terminal-isolation", "not every method could be run against the sentinel"},

    // ---- captures (inspect)
    {"capture: a terminal-to-terminal conversation",
     [] {
         Situation s;
         s.evidence.capture = {100, std::nullopt, false, {}, std::nullopt, std::nullopt};
         model::Conversation c;
         c.evidence =
             plain("unicast frames in both directions between 02:00:00:00:00:01 and 02:00:00:00:00:02");
         s.report.conversations.push_back(c);
         return s;
     },
     F, N, N, N, F, "terminal-isolation",
     "1 terminal-to-terminal conversation(s): 1 unicast (0 via the gateway)"},
    {"capture: attempts unanswered while the capturing host got answers",
     [] {
         auto s = isolated_live();
         s.evidence.live.reset();
         s.report.probes.clear();
         s.report.controls.clear();
         return s;
     },
     P, N, N, N, P, "terminal-isolation",
     "3 frame(s) of 1 attempt(s) toward 1 terminal(s) seen transmitting on this segment got no answer "
     "(frames 7, 9, 11)\nthe capture records answers: the capturing host 02:b1:00:00:00:0a received 40 "
     "unicast frames (first: frames 3, 5, 9)"},
    {"capture: the capturing host received (almost) nothing",
     [] {
         auto s = isolated_live();
         s.evidence.live.reset();
         s.evidence.capture.answers_recorded.reset();
         return s;
     },
     I, N, N, N, I, "terminal-isolation",
     "the capturing host 02:b1:00:00:00:0a received fewer than 2 unicast frames"},
    {"capture: a wired span with no capturing host (an uplink mirror never carries terminal-to-terminal "
     "answers)",
     [] {
         auto s = isolated_live();
         s.evidence.live.reset();
         s.evidence.capture.self.reset();
         return s;
     },
     I, N, N, N, I, "terminal-isolation",
     "no capturing host is known, and a mirror or span port may not carry what terminals send each other"},
    {"capture: 802.11 monitor with no two-way exchange heard",
     [] {
         auto s = isolated_live();
         s.evidence.live.reset();
         s.evidence.capture.self.reset();
         s.evidence.capture.over_the_air = true;
         s.evidence.capture.answers_recorded.reset();
         return s;
     },
     I, N, N, N, I, "terminal-isolation",
     "no station was heard exchanging frames in both directions with infrastructure"},
    {"capture: 802.11 monitor, client isolation: attempts not relayed, AP traffic heard both ways",
     [] {
         auto s = isolated_live();
         s.evidence.live.reset();
         s.evidence.capture.self.reset();
         s.evidence.capture.over_the_air = true;
         s.evidence.capture.answers_recorded =
             plain("ap 02:aa:00:00:00:01 and terminal 02:b1:00:00:00:14 were "
                   "heard exchanging frames in both directions (frames 4, 6)");
         return s;
     },
     P, N, N, N, P, "terminal-isolation", "the capture records answers: ap 02:aa:00:00:00:01 and terminal"},
    {"capture: one stray frame cannot pass",
     [] {
         auto s = isolated_live();
         s.evidence.live.reset();
         s.report.attempts[0].frame_count = 1;
         s.report.attempts[0].frames = {7};
         return s;
     },
     I, N, N, N, I, "terminal-isolation",
     "only 1 frame(s) of attempts toward terminals seen on this segment: too few to rest a pass on (at least "
     "3"},
    {"capture: attempts toward a station never seen transmitting prove nothing",
     [] {
         auto s = isolated_live();
         s.evidence.live.reset();
         s.evidence.capture.proving_attempts.clear();
         return s;
     },
     I, N, N, N, I, "terminal-isolation",
     "1 attempt(s) to reach other terminals, but none by the capturing host 02:b1:00:00:00:0a toward a "
     "station seen transmitting on this segment"},
    {"capture: nobody tried to reach anybody",
     [] {
         Situation s;
         s.evidence.capture = {100, std::nullopt, false, {}, std::nullopt, std::nullopt};
         return s;
     },
     I, N, N, N, I, "terminal-isolation", "no terminal tried to reach another terminal"},
    {"capture: an open BSS and a WPA3-Enterprise one",
     [] {
         Situation s;
         s.report.wlan = {bss("02:aa:00:00:00:01", "corp", model::BssClass::wpa3_enterprise),
                          bss("02:aa:00:00:00:02", "free", model::BssClass::open)};
         return s;
     },
     I, F, F, N, F, "wlan-encryption", "BSS 02:aa:00:00:00:01 (\"corp\") is wpa3-enterprise (PMF off)."},

    // ---- the access-point survey (inspect --inventory)
    {"survey: a neighbour's open network is ignored, an unknown BSSID of the site's SSID fails",
     [] {
         Situation s;
         s.report.wlan = {bss("02:aa:00:00:00:01", "corp", model::BssClass::wpa3_enterprise),
                          bss("02:cc:00:00:00:09", "neighbour", model::BssClass::open)};
         verdict::SurveyEvidence v;
         v.seen = 2;
         v.authorised = 1;
         v.ignored = {*MacAddr::parse("02:cc:00:00:00:09")};
         v.failing = {
             plain("BSS 02:aa:00:00:00:01 (\"corp\"): an authorised SSID from a BSSID not in its list")};
         s.evidence.survey = v;
         return s;
     },
     I, P, N, F, F, "ap-inventory", "an authorised SSID from a BSSID not in its list"},

    // ---- 802.1X enumeration (eap --enumerate): tools/lab dot1x-* scenarios
    {"dot1x-tls: EAP-TLS only",
     [] {
         Situation s;
         s.report.command = "eap";
         s.report.enumeration = {
             {13, "tls", "accepted", {}}, {25, "peap", "refused", {}}, {21, "ttls", "refused", {}}};
         s.evidence.enumeration = verdict::EnumerationEvidence{true, std::nullopt};
         return s;
     },
     N, N, P, N, P, "8021x-eap-tls",
     "the authenticator accepts EAP-TLS and refused every other method proposed"},
    {"dot1x-tls-peap: PEAP accepted too",
     [] {
         Situation s;
         s.report.enumeration = {{13, "tls", "accepted", {}}, {25, "peap", "accepted", {}}};
         s.evidence.enumeration = verdict::EnumerationEvidence{true, std::nullopt};
         return s;
     },
     N, N, F, N, F, "8021x-eap-tls", "accepts EAP methods other than certificate-only EAP-TLS: peap"},
    {"dot1x: interrupted before the other methods were tried",
     [] {
         Situation s;
         s.report.enumeration = {{13, "tls", "accepted", {}}};
         s.report.interrupted = true;
         s.evidence.enumeration = verdict::EnumerationEvidence{false, std::nullopt};
         return s;
     },
     N, N, I, N, I, "8021x-eap-tls", "the authenticator proposes EAP-TLS first"},
};

} // namespace

TEST_CASE("verdict::decide: every situation, evidence in, statuses and reasons out") {
    for (const auto& row : k_rows) {
        const std::string situation = row.situation;
        CAPTURE(situation);
        auto s = row.make();
        verdict::decide(s.evidence, s.report);
        REQUIRE(s.report.requirements.size() == 4);
        CHECK(s.report.requirements[0].id == "terminal-isolation");
        CHECK(s.report.requirements[1].id == "wlan-encryption");
        CHECK(s.report.requirements[2].id == "8021x-eap-tls");
        CHECK(s.report.requirements[3].id == "ap-inventory");
        CHECK(s.report.requirements[0].status == row.isolation);
        CHECK(s.report.requirements[1].status == row.wlan);
        CHECK(s.report.requirements[2].status == row.eap);
        CHECK(s.report.requirements[3].status == row.inventory);
        CHECK(s.report.verdict == row.verdict);
        const auto& req = find(s.report, row.requirement);
        std::string all;
        for (const auto& r : req.reasons)
            all += model::english(r) + "\n";
        CHECK_MESSAGE(all.find(row.reason) != std::string::npos, all);
    }
}

TEST_CASE("verdict::decide: a report judged twice gets the same statuses (no state carried over)") {
    auto s = isolated_live();
    set_probe(s, true, "arp", ProbeOutcome::reached, 12);
    verdict::decide(s.evidence, s.report);
    const auto first = s.report.requirements;
    verdict::decide(s.evidence, s.report);
    REQUIRE(s.report.requirements.size() == first.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        CHECK(s.report.requirements[i].status == first[i].status);
        CHECK(s.report.requirements[i].reasons == first[i].reasons);
    }
}
