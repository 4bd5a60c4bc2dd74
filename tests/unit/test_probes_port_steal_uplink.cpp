// port-steal-uplink's frames, byte by byte: the claim carries the gateway's MAC as source but goes to our own
// MAC (nobody receives a frame in the gateway's name), the sentinel's traffic goes to the gateway, and the
// restore asks the gateway from our own address (never a gratuitous ARP in its name).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "probes/registry.hpp"

using namespace isoprobe;
using namespace isoprobe::probe;

namespace {
const std::string k_marker = "isoprobe-0123456789abcdef-00000009";

Segment segment() {
    Segment seg;
    seg.iface.name = "probe0";
    seg.iface.mac = *MacAddr::parse("02:1b:00:00:00:0a");
    seg.iface.ipv4 = *IpAddr::parse("198.51.100.10");
    seg.iface.prefix = 24;
    Interface sentinel;
    sentinel.name = "sentinel0";
    sentinel.mac = *MacAddr::parse("02:1b:00:00:00:0b");
    sentinel.ipv4 = *IpAddr::parse("198.51.100.11");
    sentinel.prefix = 24;
    seg.sentinel = sentinel;
    seg.gateway_ip = *IpAddr::parse("198.51.100.1");
    seg.gateway_mac = *MacAddr::parse("02:1b:00:00:00:fe");
    return seg;
}
const Peer k_sentinel{
    *MacAddr::parse("02:1b:00:00:00:0b"), *IpAddr::parse("198.51.100.11"), {}, true, "sentinel"};

std::vector<std::uint8_t> bytes(std::initializer_list<int> v) {
    return std::vector<std::uint8_t>(v.begin(), v.end());
}
std::vector<std::uint8_t> slice(const std::vector<std::uint8_t>& f, std::size_t at, std::size_t n) {
    return std::vector<std::uint8_t>(f.begin() + static_cast<std::ptrdiff_t>(at),
                                     f.begin() + static_cast<std::ptrdiff_t>(at + n));
}
bool carries(const std::vector<std::uint8_t>& f, const std::string& s) {
    return std::search(f.begin(), f.end(), s.begin(), s.end()) != f.end();
}
const auto k_own = bytes({0x02, 0x1b, 0, 0, 0, 0x0a});
const auto k_gw = bytes({0x02, 0x1b, 0, 0, 0, 0xfe});
const auto k_sentinel_mac = bytes({0x02, 0x1b, 0, 0, 0, 0x0b});
} // namespace

TEST_CASE("port-steal-uplink: intrusive; claims the gateway's MAC in frames addressed to ourselves") {
    const Method& m = *probes::find_method("port-steal-uplink");
    CHECK(m.intrusive());
    CHECK(m.claims() == Method::Claims::gateway);
    CHECK(probes::find_method("port-steal")->claims() == Method::Claims::peer);
    const auto out = m.frames(segment(), k_sentinel, k_marker);
    REQUIRE(out.size() == 3);
    for (const auto& o : out) {
        CHECK(slice(o.frame, 0, 6) == k_own);
        CHECK(slice(o.frame, 6, 6) == k_gw);
        CHECK(slice(o.frame, 12, 2) == bytes({0x88, 0xb5})); // IEEE 802 local experimental: no stack reads it
        CHECK(carries(o.frame, k_marker));
    }
}

TEST_CASE("port-steal-uplink: the sentinel sends a marked echo request to the gateway's MAC and address") {
    const auto out = probes::find_method("port-steal-uplink")->sentinel_frames(segment(), k_marker);
    REQUIRE_FALSE(out.empty());
    for (const auto& o : out) {
        CHECK(slice(o.frame, 0, 6) == k_gw);
        CHECK(slice(o.frame, 6, 6) == k_sentinel_mac);
        CHECK(slice(o.frame, 26, 4) == bytes({198, 51, 100, 11}));
        CHECK(slice(o.frame, 30, 4) == bytes({198, 51, 100, 1}));
        CHECK(o.frame[23] == 1);
        CHECK(o.frame[34] == 8);
        CHECK(carries(o.frame, k_marker));
    }
    // Methods that watch nothing the sentinel sends ask nothing of it.
    CHECK(probes::find_method("port-steal")->sentinel_frames(segment(), k_marker).empty());
}

TEST_CASE("port-steal-uplink: restored by an ARP request for the gateway's address from our own MAC and "
          "address") {
    const auto out = probes::find_method("port-steal-uplink")->restore(segment(), k_sentinel, k_marker);
    REQUIRE(out.size() == 1);
    const auto& f = out[0].frame;
    CHECK(slice(f, 0, 6) == bytes({0xff, 0xff, 0xff, 0xff, 0xff, 0xff}));
    CHECK(slice(f, 6, 6) == k_own);
    CHECK(slice(f, 12, 2) == bytes({0x08, 0x06}));
    CHECK(slice(f, 20, 2) == bytes({0, 1})); // request, not a reply
    CHECK(slice(f, 22, 6) == k_own);         // sender MAC: ours, never the gateway's
    CHECK(slice(f, 28, 4) == bytes({198, 51, 100, 10}));
    CHECK(slice(f, 38, 4) == bytes({198, 51, 100, 1})); // asking for the gateway
    CHECK(carries(f, k_marker));
}

TEST_CASE(
    "port-steal-uplink: runs only with the peer's MAC (to recognise its traffic) and a resolved gateway") {
    const Method& m = *probes::find_method("port-steal-uplink");
    CHECK_FALSE(m.unavailable(segment(), k_sentinel));
    Peer no_mac = k_sentinel;
    no_mac.mac.reset();
    CHECK(m.unavailable(segment(), no_mac));
    Segment no_gateway = segment();
    no_gateway.gateway_mac.reset();
    CHECK(model::english(*m.unavailable(no_gateway, k_sentinel)) == "no gateway whose address to claim");
}
