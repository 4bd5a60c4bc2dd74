// Contact rules of the passive watch that live runs depend on (docs/report.md, "How contact is proven").
#include <doctest/doctest.h>

#include <deque>
#include <string>
#include <vector>

#include "analyze/analysis.hpp"
#include "analyze/inspect.hpp"
#include "capture/source.hpp"
#include "probe/frames.hpp"

using namespace isoprobe;

TEST_CASE("live run whose gateway's ARP replies were all lost: the gateway's own echo reply is no gateway "
          "bouncing") {
    // As in loss-isolated (20% loss): the engine knows the gateway from the routing table and the kernel's
    // neighbour table; the capture holds no ARP from it, only its answer to our marked echo.
    const MacAddr self = *MacAddr::parse("02:b1:00:00:00:0a"), gw = *MacAddr::parse("02:b1:00:00:00:01");
    const IpAddr self_ip = *IpAddr::parse("198.51.100.10"), gw_ip = *IpAddr::parse("198.51.100.1");
    analyze::RoleHints hints;
    hints.self = self;
    hints.gateways = {gw};
    hints.gateway_ip = gw_ip;
    hints.subnet = std::make_pair(*IpAddr::parse("198.51.100.0"), 24);
    analyze::Analysis analysis(hints);
    std::deque<std::vector<std::uint8_t>> bytes{
        probe::frames::icmp_echo(gw, self, self_ip, gw_ip, 0x15c0, 1, "isoprobe-0000000000000000-c0000000"),
        probe::frames::icmp_echo(self, gw, gw_ip, self_ip, 0x15c0, 1, "isoprobe-0000000000000000-c0000000")};
    bytes[1][34] = 0; // echo reply (type 0); the ICMP checksum is not checked
    std::uint64_t number = 0;
    for (const auto& b : bytes) {
        capture::Frame f;
        f.number = ++number;
        f.link_type = 1;
        f.orig_len = static_cast<std::uint32_t>(b.size());
        f.bytes = Bytes(b);
        analysis.feed(f);
    }
    model::Report rep;
    judge_capture(analysis, nullptr, rep);
    CHECK(rep.conversations.empty());
    CHECK(rep.requirements.front().status != model::Status::fail);
}

namespace {
// An Ethernet frame as a Linux cooked capture (LINKTYPE_LINUX_SLL) records it: packet type, the sender's
// address, the EtherType; the destination MAC is dropped.
std::vector<std::uint8_t> cooked(std::uint8_t packet_type, const std::vector<std::uint8_t>& eth) {
    std::vector<std::uint8_t> out{0, packet_type, 0, 1, 0, 6};
    out.insert(out.end(), eth.begin() + 6, eth.begin() + 12);
    out.insert(out.end(), {0, 0});
    out.insert(out.end(), eth.begin() + 12, eth.end());
    return out;
}

model::Report judge_cooked(const std::vector<std::vector<std::uint8_t>>& frames) {
    analyze::RoleHints hints;
    hints.subnet = std::make_pair(*IpAddr::parse("192.0.2.0"), 24);
    analyze::Analysis analysis(hints);
    std::uint64_t number = 0;
    for (const auto& b : frames) {
        capture::Frame f;
        f.number = ++number;
        f.link_type = 113;
        f.orig_len = static_cast<std::uint32_t>(b.size());
        f.bytes = Bytes(b);
        analysis.feed(f);
    }
    model::Report rep;
    judge_capture(analysis, nullptr, rep);
    return rep;
}
} // namespace

TEST_CASE("Linux cooked capture: direction instead of a destination, never an invented peer") {
    const MacAddr self = *MacAddr::parse("02:c0:00:00:00:01"), peer = *MacAddr::parse("02:c0:00:00:00:02"),
                  other = *MacAddr::parse("02:c0:00:00:00:03"),
                  unknown = *MacAddr::parse("00:00:00:00:00:00");
    const IpAddr self_ip = *IpAddr::parse("192.0.2.1"), peer_ip = *IpAddr::parse("192.0.2.2"),
                 other_ip = *IpAddr::parse("192.0.2.3");
    const auto request =
        cooked(4, probe::frames::icmp_echo(peer, self, self_ip, peer_ip, 7, 1, "x")); // outgoing
    auto reply_eth = probe::frames::icmp_echo(self, peer, peer_ip, self_ip, 7, 1, "x");
    reply_eth[34] = 0;                       // echo reply
    const auto reply = cooked(0, reply_eth); // to us
    const auto between_others =
        cooked(3, probe::frames::icmp_echo(peer, other, other_ip, peer_ip, 8, 1, "y"));

    SUBCASE("a frame to the capturing host from a terminal is contact") {
        const auto rep = judge_cooked({request, reply});
        CHECK(rep.self.mac == self);
        REQUIRE(rep.conversations.size() == 1);
        CHECK(model::english(rep.conversations[0].evidence) ==
              "the capturing host 02:c0:00:00:00:01 received unicast frames from terminal 02:c0:00:00:00:02");
        CHECK(rep.requirements.front().status == model::Status::fail);
    }
    SUBCASE("the capturing host's own packets for a terminal are an attempt; frames between others prove "
            "nothing") {
        const auto rep = judge_cooked({request, between_others});
        CHECK(rep.conversations.empty());
        REQUIRE(rep.attempts.size() == 1);
        CHECK(rep.attempts[0].a.mac == self);
        CHECK(rep.attempts[0].b.ip == peer_ip);
        for (const auto& s : rep.stations)
            CHECK(s.mac != unknown);
        // The capturing host received nothing: answers might not be on the capture.
        CHECK(rep.requirements.front().status == model::Status::inconclusive);
    }
}

TEST_CASE("a DHCP server that is also the gateway answers from its own address: no gateway bouncing") {
    // tcpdump-dhcp-rfc3004.pcap: 00:10:18:00:00:00 offers and acknowledges 192.168.1.4 from 192.168.1.1, the
    // router its own answers name. Its address behind its MAC is no terminal whose packets it relayed.
    analyze::Analysis analysis(analyze::RoleHints{});
    auto source =
        capture::open_capture_file(std::string(ISOPROBE_SOURCE_DIR) + "/captures/tcpdump-dhcp-rfc3004.pcap");
    REQUIRE(source);
    while (auto next = (*source)->next()) {
        if (*next == nullptr) break;
        analysis.feed(**next);
    }
    model::Report rep;
    judge_capture(analysis, nullptr, rep);
    CHECK(rep.conversations.empty());
    CHECK(rep.requirements.front().status == model::Status::inconclusive);
}
