// Which contact method runs against which peer (probe/plan.cpp): on one segment every method whose needs
// are met; across segments (--cross-segment) only the routed ones, through the probe's gateway, and each
// other one `not-run` with its reason.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>

#include "probe/plan.hpp"
#include "probes/registry.hpp"

using namespace isoprobe;
using namespace isoprobe::probe;

namespace {

const MacAddr k_probe_mac = *MacAddr::parse("02:b1:00:00:00:0a");
const MacAddr k_sentinel_mac = *MacAddr::parse("02:b1:00:00:00:0b");
const MacAddr k_gw_mac = *MacAddr::parse("02:b1:00:00:00:01");

Segment crossing() {
    Segment seg;
    seg.iface.name = "probe0";
    seg.iface.mac = k_probe_mac;
    seg.iface.ipv4 = *IpAddr::parse("198.51.100.10");
    seg.iface.prefix = 24;
    seg.iface.ipv6 = {*IpAddr::parse("fe80::b1:ff:fe00:a")};
    Interface sentinel;
    sentinel.name = "sentinel0";
    sentinel.mac = k_sentinel_mac;
    sentinel.ipv4 = *IpAddr::parse("203.0.113.11");
    sentinel.prefix = 24;
    sentinel.ipv6 = {*IpAddr::parse("fe80::b1:ff:fe00:b")};
    seg.sentinel = sentinel;
    seg.gateway_ip = *IpAddr::parse("198.51.100.1");
    seg.gateway_mac = k_gw_mac;
    seg.cross_segment = true;
    seg.sentinel_gateway_ip = *IpAddr::parse("203.0.113.1");
    seg.peers = {Peer{k_sentinel_mac, sentinel.ipv4, sentinel.ipv6, true, "sentinel"}};
    return seg;
}

std::map<std::string, std::optional<std::string>> plan_for(const Segment& seg, const Peer& peer) {
    std::map<std::string, std::optional<std::string>> out;
    for (const auto* m : probes::all_methods())
        if (auto why = why_not_run(seg, *m, peer))
            out[std::string(m->name())] = model::english(*why);
        else
            out[std::string(m->name())] = std::nullopt;
    return out;
}

} // namespace

TEST_CASE("--cross-segment: icmp, smb and gateway-bounce run toward the sentinel; the rest say why not") {
    const auto seg = crossing();
    std::set<std::string> run;
    for (const auto& [name, why] : plan_for(seg, seg.peers[0])) {
        CAPTURE(name);
        if (!why) {
            run.insert(name);
            continue;
        }
        CHECK(why->starts_with("cross-segment mode: "));
        CHECK(why->ends_with("; only routed methods can reach the sentinel's segment"));
    }
    CHECK(run == std::set<std::string>{"gateway-bounce", "icmp", "smb"});
    const auto plan = plan_for(seg, seg.peers[0]);
    CHECK(*plan.at("arp") ==
          "cross-segment mode: ARP (RFC 826) stays on its broadcast domain: a router never "
          "forwards it; only routed methods can reach the sentinel's segment");
    CHECK(plan.at("mdns")->find("224.0.0.251") != std::string::npos);
    CHECK(plan.at("port-steal")->find("the sentinel is not") != std::string::npos);
}

TEST_CASE("--cross-segment: the routed methods go to the probe's gateway, addressed to the sentinel") {
    const auto seg = crossing();
    const auto& sentinel = seg.peers[0];
    CHECK(next_hop(seg, sentinel) == k_gw_mac);
    for (const char* name : {"icmp", "smb", "gateway-bounce"}) {
        CAPTURE(name);
        for (const auto& out : probes::find_method(name)->frames(seg, sentinel, "MARKER")) {
            REQUIRE(out.frame.size() > 34);
            CHECK(MacAddr::from(Bytes(out.frame.data(), 6)) == k_gw_mac);
            CHECK(IpAddr::v4(Bytes(out.frame.data() + 30, 4)) == sentinel.ipv4);
            CHECK_FALSE(out.group);
        }
    }
    // Without the probe's gateway nothing routes there: not run, with the reason.
    auto no_gateway = seg;
    no_gateway.gateway_mac.reset();
    CHECK(model::english(*why_not_run(no_gateway, *probes::find_method("icmp"), sentinel)) ==
          "no gateway answered ARP on the probe's segment: nothing routes toward the sentinel");
}

TEST_CASE("on one segment the sentinel gets every method, straight to its MAC") {
    auto seg = crossing();
    seg.cross_segment = false;
    seg.sentinel_gateway_ip.reset();
    seg.sentinel->ipv4 = *IpAddr::parse("198.51.100.11");
    seg.peers[0].ipv4 = seg.sentinel->ipv4;
    for (const auto& [name, why] : plan_for(seg, seg.peers[0]))
        CHECK_MESSAGE(!why, name << ": " << why.value_or(""));
    CHECK(next_hop(seg, seg.peers[0]) == k_sentinel_mac);
    // A --peer that never answered ARP: no MAC, so nothing addressed to it runs.
    const Peer unknown{std::nullopt, *IpAddr::parse("198.51.100.30"), {}, false, "--peer"};
    CHECK(model::english(*why_not_run(seg, *probes::find_method("icmp"), unknown)) ==
          "the peer's MAC address is unknown (it never answered ARP)");
    const Peer no_ipv4{k_sentinel_mac, IpAddr{}, {}, false, "ipv6-multicast"};
    CHECK(model::english(*why_not_run(seg, *probes::find_method("smb"), no_ipv4)) ==
          "no IPv4 address known for the peer");
}
