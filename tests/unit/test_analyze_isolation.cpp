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

TEST_CASE("live run whose gateway's ARP replies were all lost: the gateway's own echo reply is no gateway bouncing") {
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

TEST_CASE("a DHCP server that is also the gateway answers from its own address: no gateway bouncing") {
    // tcpdump-dhcp-rfc3004.pcap: 00:10:18:00:00:00 offers and acknowledges 192.168.1.4 from 192.168.1.1, the
    // router its own answers name. Its address behind its MAC is no terminal whose packets it relayed.
    analyze::Analysis analysis(analyze::RoleHints{});
    auto source = capture::open_capture_file(std::string(ISOPROBE_SOURCE_DIR) + "/captures/tcpdump-dhcp-rfc3004.pcap");
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
