#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "analyze/inspect.hpp"
#include "analyze/replay.hpp"
#include "capture/pcapng_writer.hpp"

using namespace isoprobe;

namespace {
const std::string k_captures = std::string(ISOPROBE_SOURCE_DIR) + "/captures/";

std::vector<std::string> statuses(const model::Report& r) {
    std::vector<std::string> out{std::string(model::status_name(r.verdict))};
    for (const auto& q : r.requirements)
        out.push_back(q.id + "=" + std::string(model::status_name(q.status)));
    return out;
}

// An Ethernet frame from `src` to `dst` carrying `payload` (type 0x88b5, local experimental).
std::vector<std::uint8_t> frame(const MacAddr& dst, const MacAddr& src, const std::string& payload) {
    std::vector<std::uint8_t> f(dst.b.begin(), dst.b.end());
    f.insert(f.end(), src.b.begin(), src.b.end());
    f.push_back(0x88);
    f.push_back(0xb5);
    f.insert(f.end(), payload.begin(), payload.end());
    f.resize(std::max<std::size_t>(f.size(), 60), 0);
    return f;
}
} // namespace

TEST_CASE("analysis_inputs and role_hints give back the same hints") {
    analyze::RoleHints h;
    h.self = MacAddr::parse("02:13:00:00:00:01");
    h.self_how = "the probe's own interface eth0";
    h.infra = {*MacAddr::parse("02:13:00:00:00:03")};
    h.gateways = {*MacAddr::parse("02:13:00:00:00:fe")};
    h.gateway_ip = IpAddr::parse("198.51.100.1");
    h.subnet = std::make_pair(*IpAddr::parse("198.51.100.0"), 24);
    const auto a = analyze::analysis_inputs(h);
    CHECK(a.subnet == "198.51.100.0/24");
    auto back = analyze::role_hints(a);
    REQUIRE(back);
    CHECK(back->self == h.self);
    CHECK(back->self_how == h.self_how);
    CHECK(back->infra == h.infra);
    CHECK(back->gateways == h.gateways);
    CHECK(back->gateway_ip == h.gateway_ip);
    CHECK(back->subnet == h.subnet);
    auto bad = a;
    bad.subnet = "198.51.100.0/33";
    CHECK(analyze::role_hints(bad).error() == "recorded subnet '198.51.100.0/33' is not an IPv4 subnet");
}

TEST_CASE("replaying an inspect report judges the capture exactly as inspect does") {
    struct Case {
        std::string capture;
        std::optional<MacAddr> self;
    };
    for (const Case& c :
         {Case{"h1-open.pcap", MacAddr::parse("02:13:00:00:00:01")}, Case{"h1-isolated.pcap", {}},
          Case{"eap-tls-wired.pcap", {}}, Case{"eap-peap-wired.pcap", {}}}) {
        CAPTURE(c.capture);
        analyze::RoleHints hints;
        hints.self = c.self;
        auto inspected = analyze::inspect_files({k_captures + c.capture}, hints);
        REQUIRE(inspected);
        analyze::Recorded rec;
        rec.command = "inspect";
        rec.inputs = analyze::analysis_inputs(hints);
        auto replayed = analyze::replay(k_captures + c.capture, rec);
        REQUIRE(replayed);
        CHECK(replayed->problems.empty());
        CHECK(statuses(replayed->report) == statuses(*inspected));
        CHECK(replayed->report.conversations.size() == inspected->conversations.size());
    }
}

TEST_CASE("replaying a live run checks every frame its probe results cite") {
    const MacAddr self = *MacAddr::parse("02:13:00:00:00:01"), peer = *MacAddr::parse("02:13:00:00:00:02"),
                  sentinel = *MacAddr::parse("02:13:00:00:00:09");
    const std::string marker = "isoprobe-0123456789abcdef-";
    capture::PcapngWriter w({"eth0", "eth1"});
    auto add = [&](std::uint32_t itf, const std::vector<std::uint8_t>& f) {
        w.add(itf, 1'700'000'000'000'000'000, static_cast<std::uint32_t>(f.size()), Bytes(f));
    };
    add(0, frame(peer, self, marker + "00000001"));     // 1: our probe
    add(1, frame(sentinel, self, marker + "00000002")); // 2: the sentinel received a marked frame
    add(1, frame(sentinel, peer, "unmarked"));          // 3: the sentinel received something else
    add(0, frame(self, peer, "answer"));                // 4: the peer answered
    const std::string path = "test_analyze_replay.pcapng";
    std::ofstream(path, std::ios::binary) << w.bytes();

    analyze::Recorded rec;
    rec.command = "audit";
    rec.inputs.self = self;
    rec.inputs.live.emplace().marker_prefix = marker;
    auto result = [&](std::string method, bool to_sentinel, std::vector<std::uint64_t> frames) {
        model::ProbeResult p;
        p.peer.mac = to_sentinel ? sentinel : peer;
        p.method = std::move(method);
        p.sentinel = to_sentinel;
        p.result = model::ProbeOutcome::reached;
        p.frames = std::move(frames);
        return p;
    };
    rec.probes = {result("icmp", true, {2}), result("arp", true, {3}), result("l2-unicast", false, {4}),
                  result("udp", false, {1}), result("tcp", false, {9})};
    auto replayed = analyze::replay(path, rec);
    std::remove(path.c_str());
    REQUIRE(replayed);
    const std::vector<std::string> want{
        "udp toward 02:13:00:00:00:02: cited frame 1 was sent by the probe itself",
        "arp toward the sentinel: cited frame 3 (sentinel) does not carry the run's marker",
        "tcp toward 02:13:00:00:00:02: cited frame 9 is not in the capture (4 frames)",
    };
    CHECK(replayed->problems == want);
    CHECK(replayed->report.requirements.size() == 4);
}
