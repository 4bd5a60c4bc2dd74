// unicast-in-broadcast's frames, byte by byte: group destination MACs carrying IP packets for one peer's own
// unicast address, each with the marker.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "probes/registry.hpp"

using namespace isoprobe;
using namespace isoprobe::probe;

namespace {
const MacAddr k_probe_mac = *MacAddr::parse("02:1b:00:00:00:0a");
const MacAddr k_peer_mac = *MacAddr::parse("02:1b:00:00:00:02");
const std::string k_marker = "isoprobe-0123456789abcdef-00000007";

Segment segment(bool ipv6) {
    Segment seg;
    seg.iface.name = "probe0";
    seg.iface.mac = k_probe_mac;
    seg.iface.ipv4 = *IpAddr::parse("198.51.100.10");
    seg.iface.prefix = 24;
    if (ipv6) seg.iface.ipv6 = {*IpAddr::parse("fe80::10"), *IpAddr::parse("2001:db8:1::10")};
    return seg;
}
// The sentinel gets every kind of frame: only its capture shows which kinds the segment floods.
Peer peer(bool ipv6, bool sentinel = true) {
    Peer p{k_peer_mac, *IpAddr::parse("198.51.100.20"), {}, sentinel, sentinel ? "sentinel" : "arp-sweep"};
    if (ipv6) p.ipv6 = {*IpAddr::parse("2001:db8:1::20")};
    return p;
}

std::vector<std::uint8_t> bytes(std::initializer_list<int> v) {
    return std::vector<std::uint8_t>(v.begin(), v.end());
}
std::vector<std::uint8_t> slice(const std::vector<std::uint8_t>& f, std::size_t at, std::size_t n) {
    return std::vector<std::uint8_t>(f.begin() + static_cast<std::ptrdiff_t>(at),
                                     f.begin() + static_cast<std::ptrdiff_t>(at + n));
}
std::vector<std::uint8_t> v6(const char* text) {
    const auto b = IpAddr::parse(text)->b;
    return std::vector<std::uint8_t>(b.begin(), b.end());
}
bool carries(const std::vector<std::uint8_t>& f, const std::string& s) {
    return std::search(f.begin(), f.end(), s.begin(), s.end()) != f.end();
}
} // namespace

TEST_CASE("unicast-in-broadcast: broadcast and IPv4 all-hosts frames for the peer's own IPv4 address") {
    const Method& m = *probes::find_method("unicast-in-broadcast");
    CHECK_FALSE(m.intrusive());
    CHECK_FALSE(m.silent());
    const auto out = m.frames(segment(false), peer(false), k_marker);
    REQUIRE(out.size() == 4);
    const auto broadcast = bytes({0xff, 0xff, 0xff, 0xff, 0xff, 0xff});
    const auto all_hosts = bytes({0x01, 0x00, 0x5e, 0x00, 0x00, 0x01});
    const std::vector<std::vector<std::uint8_t>> dst{broadcast, broadcast, all_hosts, all_hosts};
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto& f = out[i].frame;
        INFO("frame " << i);
        // Each frame names one peer, so the engine must not send it once for all peers.
        CHECK_FALSE(out[i].group);
        CHECK(slice(f, 0, 6) == dst[i]);
        CHECK(slice(f, 6, 6) == bytes({0x02, 0x1b, 0, 0, 0, 0x0a}));
        CHECK(slice(f, 12, 2) == bytes({0x08, 0x00}));
        CHECK(slice(f, 26, 4) == bytes({198, 51, 100, 10}));
        CHECK(slice(f, 30, 4) == bytes({198, 51, 100, 20})); // unicast IP destination: the peer
        CHECK(carries(f, k_marker));
    }
    // ICMP echo request (protocol 1, type 8) then UDP (protocol 17) 44447 -> 50447, under each MAC.
    for (std::size_t i : {0u, 2u}) {
        CHECK(out[i].frame[23] == 1);
        CHECK(out[i].frame[34] == 8);
        CHECK(out[i + 1].frame[23] == 17);
        CHECK(slice(out[i + 1].frame, 34, 4) == bytes({0xad, 0x9f, 0xc5, 0x0f}));
    }
}

TEST_CASE("unicast-in-broadcast: over IPv6 to the all-nodes MAC for the peer's address, from the matching "
          "scope") {
    const Method& m = *probes::find_method("unicast-in-broadcast");
    const auto out = m.frames(segment(true), peer(true), k_marker);
    REQUIRE(out.size() == 6);
    for (std::size_t i : {4u, 5u}) {
        const auto& f = out[i].frame;
        INFO("frame " << i);
        CHECK(slice(f, 0, 6) == bytes({0x33, 0x33, 0, 0, 0, 0x01}));
        CHECK(slice(f, 12, 2) == bytes({0x86, 0xdd}));
        CHECK(slice(f, 22, 16) == v6("2001:db8:1::10")); // global peer: global source
        CHECK(slice(f, 38, 16) == v6("2001:db8:1::20"));
        CHECK(carries(f, k_marker));
    }
    CHECK(out[4].frame[20] == 58);  // ICMPv6
    CHECK(out[4].frame[54] == 128); // echo request
    CHECK(out[5].frame[20] == 17);  // UDP
    // Without an IPv6 address of our own there is nothing to send over IPv6.
    CHECK(m.frames(segment(false), peer(true), k_marker).size() == 4);
}

TEST_CASE("unicast-in-broadcast: toward a peer other than the sentinel only the broadcast echo, which it can "
          "answer") {
    const auto out =
        probes::find_method("unicast-in-broadcast")->frames(segment(true), peer(true, false), k_marker);
    REQUIRE(out.size() == 1);
    const auto& f = out[0].frame;
    CHECK_FALSE(out[0].group);
    CHECK(slice(f, 0, 6) == bytes({0xff, 0xff, 0xff, 0xff, 0xff, 0xff}));
    CHECK(f[23] == 1);
    CHECK(f[34] == 8);
    CHECK(slice(f, 30, 4) == bytes({198, 51, 100, 20}));
    CHECK(carries(f, k_marker));
}

TEST_CASE("unicast-in-broadcast: the sentinel and the first 16 other peers only; the rest are told why not") {
    const Method& m = *probes::find_method("unicast-in-broadcast");
    Segment seg = segment(false);
    for (int i = 0; i < 20; ++i) {
        Peer p{MacAddr{{0x02, 0x1b, 0, 0, 1, static_cast<std::uint8_t>(i)}},
               IpAddr::v4(0xc6336400u + 20u + static_cast<std::uint32_t>(i)), // 198.51.100.20 onwards
               {},
               i == 3, // the sentinel, which never counts against the 16
               i == 3 ? "sentinel" : "arp-sweep"};
        seg.peers.push_back(p);
    }
    std::vector<int> run;
    for (int i = 0; i < 20; ++i)
        if (!m.unavailable(seg, seg.peers[static_cast<std::size_t>(i)])) run.push_back(i);
    CHECK(run.size() == 17);
    CHECK(run.front() == 0);
    CHECK(run.back() == 16); // 0..16 without the sentinel at 3 makes 16 peers, plus the sentinel
    const auto why = m.unavailable(seg, seg.peers[17]);
    REQUIRE(why);
    CHECK(model::english(*why).find("first 16 peers") != std::string::npos);
}
