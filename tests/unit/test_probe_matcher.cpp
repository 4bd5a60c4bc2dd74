// The proof rules of a live run (docs/report.md, "How a live verdict is proven"), one situation per case:
// frames in, per-method outcomes and facts out. Each frame is what a real segment of that kind puts on the
// wire: a proxy-ARP gateway (RFC 3069), a gateway that redirects but does not forward, a routed SYN reaching
// the sentinel, a forged RST.
#include <doctest/doctest.h>

#include <tins/tins.h>

#include <deque>
#include <string>
#include <vector>

#include "probe/frames.hpp"
#include "probe/matcher.hpp"
#include "probes/registry.hpp"

using namespace isoprobe;
using namespace isoprobe::probe;
using namespace isoprobe::model;
using model::ProbeOutcome;

namespace {
const MacAddr k_probe_mac = *MacAddr::parse("02:1b:00:00:00:0a");
const MacAddr k_sentinel_mac = *MacAddr::parse("02:1b:00:00:00:0b");
const MacAddr k_h2_mac = *MacAddr::parse("02:1b:00:00:00:02");
const MacAddr k_gw_mac = *MacAddr::parse("02:1b:00:00:00:fe");
const MacAddr k_other_gw_mac = *MacAddr::parse("02:1c:00:00:00:fe");
const IpAddr k_probe_ip = *IpAddr::parse("198.51.100.10");
const IpAddr k_sentinel_ip = *IpAddr::parse("198.51.100.11");
const IpAddr k_h2_ip = *IpAddr::parse("198.51.100.2");
const IpAddr k_h3_ip = *IpAddr::parse("198.51.100.3");
const MacAddr k_h3_mac = *MacAddr::parse("02:1b:00:00:00:03");
const IpAddr k_gw_ip = *IpAddr::parse("198.51.100.1");
const MacAddr k_broadcast = *MacAddr::parse("ff:ff:ff:ff:ff:ff");

const Method& method(std::string_view name) {
    return *probes::find_method(name);
}

Segment segment() {
    Segment seg;
    seg.iface.name = "probe0";
    seg.iface.mac = k_probe_mac;
    seg.iface.ipv4 = k_probe_ip;
    seg.iface.prefix = 24;
    Interface sentinel;
    sentinel.name = "sentinel0";
    sentinel.mac = k_sentinel_mac;
    sentinel.ipv4 = k_sentinel_ip;
    sentinel.prefix = 24;
    seg.sentinel = sentinel;
    seg.gateway_ip = k_gw_ip;
    seg.gateway_mac = k_gw_mac;
    seg.peers = {Peer{k_sentinel_mac, k_sentinel_ip, {}, true, "sentinel"},
                 Peer{k_h2_mac, k_h2_ip, {}, false, "arp-sweep"},
                 Peer{std::nullopt, k_h3_ip, {}, false, "--peer"}};
    return seg;
}

// --cross-segment: the sentinel on 203.0.113.0/24 behind the router's other interface, the only peer.
const IpAddr k_far_sentinel_ip = *IpAddr::parse("203.0.113.11");
const IpAddr k_far_gw_ip = *IpAddr::parse("203.0.113.1");
const MacAddr k_far_gw_mac = *MacAddr::parse("02:1b:00:00:0c:fe");
Segment cross_segment() {
    Segment seg = segment();
    seg.cross_segment = true;
    seg.sentinel->ipv4 = k_far_sentinel_ip;
    seg.sentinel_gateway_ip = k_far_gw_ip;
    seg.peers = {Peer{k_sentinel_mac, k_far_sentinel_ip, {}, true, "sentinel"}};
    return seg;
}

// A run's probes and the frames its capture holds, decoded as the engine decodes them.
class Scenario {
  public:
    explicit Scenario(Segment seg = segment()) : m_seg(std::move(seg)), m_marker(0x1234) {}

    // A record for `name` toward peer 0 (the sentinel), 1 (h2) or 2 (h3, a --peer with no MAC); returns its
    // id.
    std::uint32_t probe(std::string_view name, std::size_t peer) {
        const std::uint32_t id = static_cast<std::uint32_t>(m_sent.records.size() + 1);
        m_sent.records.push_back({peer, &method(name), id, ProbeOutcome::no_reply, {}, {}});
        return id;
    }
    std::string marker(std::uint32_t id) const { return m_marker.text(id); }
    void sent(const std::vector<std::uint8_t>& frame) {
        m_sent.frames.insert(frame);
        ++m_sent.count;
    }
    void stolen_at(std::uint32_t id, std::int64_t ts) { m_sent.first_sent_ns[id] = ts; }
    // A frame heard on the probe interface (0) or the sentinel (1).
    void heard(std::uint32_t interface, std::vector<std::uint8_t> bytes, std::int64_t ts = 100) {
        m_bytes.push_back(std::move(bytes));
        capture::Frame fr;
        fr.number = m_bytes.size();
        fr.ts_ns = ts;
        fr.link_type = 1;
        fr.interface = interface;
        fr.orig_len = static_cast<std::uint32_t>(m_bytes.back().size());
        fr.bytes = Bytes(m_bytes.back());
        m_frames.push_back(fr);
    }
    MatchResult match() {
        m_packets.clear();
        std::vector<SeenFrame> seen;
        for (const auto& fr : m_frames)
            m_packets.push_back(decode::classify(fr));
        for (std::size_t i = 0; i < m_frames.size(); ++i)
            seen.push_back({m_frames[i].interface, m_frames[i].number, m_frames[i].ts_ns, m_frames[i].bytes,
                            &m_packets[i]});
        return match_probes(m_seg, m_marker, m_sent, seen, true);
    }

  private:
    Segment m_seg;
    Marker m_marker;
    SentProbes m_sent;
    std::deque<std::vector<std::uint8_t>> m_bytes;
    std::deque<capture::Frame> m_frames;
    std::deque<decode::Packet> m_packets;
};

std::vector<std::uint8_t> arp_reply(const MacAddr& from, const IpAddr& sender_ip, const MacAddr& to,
                                    const IpAddr& target_ip) {
    auto arp =
        Tins::ARP::make_arp_reply(Tins::IPv4Address(target_ip.str()), Tins::IPv4Address(sender_ip.str()),
                                  Tins::HWAddress<6>(to.str()), Tins::HWAddress<6>(from.str()));
    return arp.serialize();
}

// An ICMP redirect (RFC 792 type 5) from the gateway quoting the start of our probe, as Linux sends it before
// the forward hook drops the packet.
std::vector<std::uint8_t> redirect(const std::vector<std::uint8_t>& probe_frame) {
    std::vector<std::uint8_t> quoted(probe_frame.begin() + 14, probe_frame.end());
    Tins::ICMP icmp(Tins::ICMP::REDIRECT);
    icmp.gateway(Tins::IPv4Address(k_h2_ip.str()));
    auto pdu = Tins::EthernetII(Tins::HWAddress<6>(k_probe_mac.str()), Tins::HWAddress<6>(k_gw_mac.str())) /
               Tins::IP(Tins::IPv4Address(k_probe_ip.str()), Tins::IPv4Address(k_gw_ip.str())) / icmp /
               Tins::RawPDU(quoted);
    return pdu.serialize();
}

// An ICMP port unreachable (RFC 792 type 3, code 3) from `mac`/`ip`, quoting our probe as a host's stack
// does.
std::vector<std::uint8_t> port_unreachable(const MacAddr& mac, const IpAddr& ip,
                                           const std::vector<std::uint8_t>& probe_frame) {
    std::vector<std::uint8_t> quoted(probe_frame.begin() + 14, probe_frame.end());
    Tins::ICMP icmp(Tins::ICMP::DEST_UNREACHABLE);
    icmp.code(3);
    auto pdu = Tins::EthernetII(Tins::HWAddress<6>(k_probe_mac.str()), Tins::HWAddress<6>(mac.str())) /
               Tins::IP(Tins::IPv4Address(k_probe_ip.str()), Tins::IPv4Address(ip.str())) / icmp /
               Tins::RawPDU(quoted);
    return pdu.serialize();
}

const ProbeRecord& record(const MatchResult& m, std::uint32_t id) {
    return m.records.at(id - 1);
}
bool has_note(const ProbeRecord& r, const std::string& part) {
    for (const auto& n : r.notes)
        if (model::english(n).find(part) != std::string::npos) return true;
    return false;
}
} // namespace

TEST_CASE("proxy ARP: the gateway's ARP reply for the sentinel's address is not contact") {
    Scenario s;
    auto id = s.probe("arp", 0);
    s.heard(0, arp_reply(k_gw_mac, k_sentinel_ip, k_probe_mac, k_probe_ip));
    auto m = s.match();
    CHECK(record(m, id).outcome == ProbeOutcome::not_reached);
    CHECK(record(m, id).frames.empty());
}

TEST_CASE("ARP: the sentinel's own reply is contact, and so is the sentinel hearing our request") {
    Scenario s;
    auto by_reply = s.probe("arp", 0);
    s.heard(0, arp_reply(k_sentinel_mac, k_sentinel_ip, k_probe_mac, k_probe_ip));
    auto m = s.match();
    CHECK(record(m, by_reply).outcome == ProbeOutcome::reached);
    CHECK(record(m, by_reply).frames == std::vector<std::uint64_t>{1});

    Scenario t;
    auto by_sentinel = t.probe("arp", 0);
    t.heard(1,
            frames::arp_request(k_broadcast, k_probe_mac, k_probe_ip, k_sentinel_ip, t.marker(by_sentinel)));
    auto n = t.match();
    CHECK(record(n, by_sentinel).outcome == ProbeOutcome::reached);
    CHECK(has_note(record(n, by_sentinel), "the sentinel received an ARP request"));
}

TEST_CASE("a peer's echo reply arriving from the gateway's MAC is not the peer answering a direct probe") {
    Scenario s;
    auto id = s.probe("icmp", 1);
    s.heard(0, frames::icmp_echo(k_probe_mac, k_gw_mac, k_h2_ip, k_probe_ip, 0x1501, 1, s.marker(id)));
    auto m = s.match();
    CHECK(record(m, id).outcome == ProbeOutcome::no_reply);

    Scenario t;
    auto direct = t.probe("icmp", 1);
    t.heard(0, frames::icmp_echo(k_probe_mac, k_h2_mac, k_h2_ip, k_probe_ip, 0x1501, 1, t.marker(direct)));
    CHECK(record(t.match(), direct).outcome == ProbeOutcome::reached);
}

TEST_CASE("ICMP redirect: an observation with its frame number, never contact") {
    Scenario s;
    auto id = s.probe("gateway-bounce", 0);
    auto probe = frames::icmp_echo(k_gw_mac, k_probe_mac, k_probe_ip, k_sentinel_ip, 0x1502, 1, s.marker(id));
    s.sent(probe);
    s.heard(0, probe);
    s.heard(0, redirect(probe));
    auto m = s.match();
    CHECK(record(m, id).outcome == ProbeOutcome::not_reached);
    REQUIRE(m.facts.observations.size() == 1);
    CHECK(model::english(m.facts.observations[0]) ==
          "the gateway would route terminal-to-terminal traffic to 198.51.100.11 (ICMP redirect, frame 2); "
          "nothing shows it was delivered");
    CHECK(has_note(record(m, id), "ICMP redirect, frame 2"));
    CHECK(m.facts.own_seen == 1);
}

TEST_CASE("gateway bouncing over TCP: the routed SYN arriving at the sentinel is contact, the gateway's RST "
          "is not") {
    Scenario s;
    auto id = s.probe("gateway-bounce", 0);
    // What the sentinel captures after the gateway routed our SYN back onto the segment.
    s.heard(1, frames::tcp_syn(k_sentinel_mac, k_gw_mac, k_probe_ip, k_sentinel_ip, 44446, 445, 0x15020000u,
                               s.marker(id)));
    auto m = s.match();
    CHECK(record(m, id).outcome == ProbeOutcome::reached);
    CHECK(has_note(record(m, id), "the sentinel received a TCP SYN to port 445"));

    Scenario t;
    auto rst = t.probe("gateway-bounce", 1);
    // nft "reject with tcp reset" on the gateway answers with the peer's address as source.
    Tins::TCP reset(44446, 445);
    reset.flags(Tins::TCP::RST | Tins::TCP::ACK);
    t.heard(0, (Tins::EthernetII(Tins::HWAddress<6>(k_probe_mac.str()), Tins::HWAddress<6>(k_gw_mac.str())) /
                Tins::IP(Tins::IPv4Address(k_probe_ip.str()), Tins::IPv4Address(k_h2_ip.str())) / reset)
                   .serialize());
    CHECK(record(t.match(), rst).outcome == ProbeOutcome::no_reply);
}

TEST_CASE("gateway bouncing: the peer's SYN-ACK or echo reply, routed back through the gateway, is contact") {
    Scenario s;
    auto id = s.probe("gateway-bounce", 1);
    Tins::TCP synack(44446, 445);
    synack.flags(Tins::TCP::SYN | Tins::TCP::ACK);
    s.heard(0, (Tins::EthernetII(Tins::HWAddress<6>(k_probe_mac.str()), Tins::HWAddress<6>(k_gw_mac.str())) /
                Tins::IP(Tins::IPv4Address(k_probe_ip.str()), Tins::IPv4Address(k_h2_ip.str())) / synack)
                   .serialize());
    CHECK(record(s.match(), id).outcome == ProbeOutcome::reached);
}

TEST_CASE("a frame we sent ourselves, captured on our own interface, is never an answer") {
    Scenario s;
    auto id = s.probe("icmp", 1);
    auto own = frames::icmp_echo(k_h2_mac, k_probe_mac, k_probe_ip, k_h2_ip, 0x1501, 1, s.marker(id));
    s.sent(own);
    s.heard(0, own);
    auto m = s.match();
    CHECK(record(m, id).outcome == ProbeOutcome::no_reply);
    CHECK(m.facts.own_seen == 1);
}

TEST_CASE("sentinel on the same segment: the gateway it hears has the probe's gateway MAC") {
    Scenario s;
    s.heard(1, arp_reply(k_gw_mac, k_gw_ip, k_sentinel_mac, k_sentinel_ip));
    auto m = s.match();
    CHECK(m.facts.sentinel_gateway == std::optional<std::uint64_t>(1));
    CHECK_FALSE(m.facts.sentinel_other_gateway);

    // Another floor numbered alike: same gateway address, another router.
    Scenario t;
    t.heard(1, arp_reply(k_other_gw_mac, k_gw_ip, k_sentinel_mac, k_sentinel_ip));
    auto n = t.match();
    CHECK_FALSE(n.facts.sentinel_gateway);
    CHECK(n.facts.sentinel_other_gateway == std::optional<MacAddr>(k_other_gw_mac));
}

TEST_CASE("port stealing: our spoofed frame is never evidence; the gateway's reply says where the switch "
          "delivers") {
    Scenario s;
    auto id = s.probe("port-steal", 0);
    s.stolen_at(id, 100);
    auto steal = frames::icmp_echo(k_gw_mac, k_sentinel_mac, k_sentinel_ip, k_gw_ip, 0x1512, 1, s.marker(id));
    s.sent(steal);
    s.heard(0, steal, 100);
    // The switch kept the sentinel's MAC on the sentinel's port: the reply went there.
    s.heard(1, frames::icmp_echo(k_sentinel_mac, k_gw_mac, k_gw_ip, k_sentinel_ip, 0x1512, 1, s.marker(id)),
            101);
    auto m = s.match();
    CHECK(record(m, id).outcome == ProbeOutcome::not_reached);
    CHECK(has_note(record(m, id), "the switch did not accept the stolen address"));

    Scenario t;
    auto stolen = t.probe("port-steal", 0);
    t.stolen_at(stolen, 100);
    // Before the steal, a frame for the sentinel reaching us is not the steal's doing.
    t.heard(0,
            frames::icmp_echo(k_sentinel_mac, k_gw_mac, k_gw_ip, k_sentinel_ip, 0x1512, 1, t.marker(stolen)),
            99);
    CHECK(record(t.match(), stolen).outcome == ProbeOutcome::not_reached);
    t.heard(0,
            frames::icmp_echo(k_sentinel_mac, k_gw_mac, k_gw_ip, k_sentinel_ip, 0x1512, 1, t.marker(stolen)),
            101);
    auto n = t.match();
    CHECK(record(n, stolen).outcome == ProbeOutcome::reached);
    CHECK(record(n, stolen).frames == std::vector<std::uint64_t>{2});
    CHECK(has_note(record(n, stolen), "the switch accepted the stolen address"));
}

TEST_CASE("a marked frame that the sentinel sent itself is not contact") {
    Scenario s;
    auto id = s.probe("l2-unicast", 0);
    s.heard(1, frames::raw_l2(k_probe_mac, k_sentinel_mac, s.marker(id)));
    CHECK(record(s.match(), id).outcome == ProbeOutcome::not_reached);
}

TEST_CASE(
    "a --peer whose MAC was never learnt: its own answer counts, the gateway's proxy reply for it does not") {
    Scenario s;
    auto id = s.probe("arp", 2);
    s.heard(0, arp_reply(k_gw_mac, k_h3_ip, k_probe_mac, k_probe_ip));
    CHECK(record(s.match(), id).outcome == ProbeOutcome::no_reply);
    s.heard(0, arp_reply(k_h3_mac, k_h3_ip, k_probe_mac, k_probe_ip));
    auto m = s.match();
    CHECK(record(m, id).outcome == ProbeOutcome::reached);
    CHECK(record(m, id).frames == std::vector<std::uint64_t>{2});
}

TEST_CASE("a port unreachable from the peer itself is no contact, but marks the probe refused (not worth "
          "repeating); from the gateway or toward the sentinel it does not") {
    Scenario s;
    auto id = s.probe("mdns", 1);
    std::string marker = s.marker(id);
    auto probe = frames::udp(k_h2_mac, k_probe_mac, k_probe_ip, k_h2_ip, 53535, 5353,
                             std::vector<std::uint8_t>(marker.begin(), marker.end()));
    s.heard(0, port_unreachable(k_gw_mac, k_gw_ip, probe));
    CHECK_FALSE(record(s.match(), id).refused);
    s.heard(0, port_unreachable(k_h2_mac, k_h2_ip, probe));
    auto m = s.match();
    CHECK(record(m, id).outcome == ProbeOutcome::no_reply);
    CHECK(record(m, id).refused);

    Scenario t;
    auto to_sentinel = t.probe("mdns", 0);
    marker = t.marker(to_sentinel);
    t.heard(0, port_unreachable(k_sentinel_mac, k_sentinel_ip,
                                frames::udp(k_sentinel_mac, k_probe_mac, k_probe_ip, k_sentinel_ip, 53535,
                                            5353, std::vector<std::uint8_t>(marker.begin(), marker.end()))));
    auto n = t.match();
    CHECK(record(n, to_sentinel).outcome == ProbeOutcome::not_reached);
    CHECK_FALSE(record(n, to_sentinel).refused);
}

TEST_CASE("unicast-in-broadcast: the sentinel receiving the group frame, or the peer's echo reply with our "
          "marker, is contact; an echo reply without it is not this method's") {
    Scenario s;
    auto to_sentinel = s.probe("unicast-in-broadcast", 0);
    auto to_h2 = s.probe("unicast-in-broadcast", 1);
    auto for_h2 =
        frames::icmp_echo(k_broadcast, k_probe_mac, k_probe_ip, k_h2_ip, 0x1513, 1, s.marker(to_h2));
    s.sent(for_h2);
    s.heard(0, for_h2); // our own frame on our own interface
    // h2's reply to icmp's unicast echo (no marker of this method) answers icmp, not this method.
    s.heard(0, frames::icmp_echo(k_probe_mac, k_h2_mac, k_h2_ip, k_probe_ip, 0x1501, 1, "no marker"));
    auto m = s.match();
    CHECK(record(m, to_sentinel).outcome == ProbeOutcome::not_reached);
    CHECK(record(m, to_h2).outcome == ProbeOutcome::no_reply);
    // The segment flooded the broadcast frame for h2's address to the sentinel's port.
    s.heard(1, for_h2);
    s.heard(0, frames::icmp_echo(k_probe_mac, k_h2_mac, k_h2_ip, k_probe_ip, 0x1513, 1, s.marker(to_h2)));
    auto n = s.match();
    CHECK(record(n, to_sentinel).outcome == ProbeOutcome::reached);
    CHECK(record(n, to_sentinel).frames == std::vector<std::uint64_t>{3});
    CHECK(has_note(record(n, to_sentinel), "the sentinel received an ICMP message (type 8)"));
    CHECK(record(n, to_h2).outcome == ProbeOutcome::reached);
    CHECK(record(n, to_h2).frames == std::vector<std::uint64_t>{4});
    CHECK(has_note(record(n, to_h2), "answered with our marker"));
}

TEST_CASE(
    "port-steal-uplink: the sentinel's frame for the gateway reaching us after the claim is contact; our "
    "claim never is; the gateway answering the sentinel says the switch kept its port") {
    const auto claim_of = [](const std::string& marker) {
        return frames::raw_l2(k_probe_mac, k_gw_mac, marker);
    };
    const auto uplink = [](const std::string& marker) {
        return frames::icmp_echo(k_gw_mac, k_sentinel_mac, k_sentinel_ip, k_gw_ip, 0x1514, 1, marker);
    };
    Scenario s;
    auto id = s.probe("port-steal-uplink", 0);
    s.stolen_at(id, 100);
    auto claim = claim_of(s.marker(id));
    s.sent(claim);
    s.heard(0, claim, 100);
    s.heard(1, uplink(s.marker(id)), 101); // the sentinel's own frame, on its own interface
    // The switch kept the gateway's port: the gateway answered the sentinel.
    s.heard(1, frames::icmp_echo(k_sentinel_mac, k_gw_mac, k_gw_ip, k_sentinel_ip, 0x1514, 1, s.marker(id)),
            102);
    // Our restore, flooded to the sentinel, is no word from the gateway.
    s.heard(1, frames::arp_request(k_broadcast, k_probe_mac, k_probe_ip, k_gw_ip, s.marker(id)), 103);
    auto m = s.match();
    CHECK(record(m, id).outcome == ProbeOutcome::not_reached);
    CHECK(record(m, id).frames.empty());
    CHECK(has_note(record(m, id), "the switch kept the gateway's address on the gateway's port"));
    CHECK(has_note(record(m, id), "(frame 3)"));
    CHECK(record(m, id).notes.size() == 1);

    Scenario t;
    auto stolen = t.probe("port-steal-uplink", 0);
    auto from_h2 = t.probe("port-steal-uplink", 1);
    t.stolen_at(stolen, 100);
    t.stolen_at(from_h2, 100);
    // Before the claim, the sentinel's frame for the gateway reaching us is not the claim's doing.
    t.heard(0, uplink(t.marker(stolen)), 99);
    CHECK(record(t.match(), stolen).outcome == ProbeOutcome::not_reached);
    t.heard(0, uplink(t.marker(stolen)), 101);
    // h2 speaking to the gateway on its own, handed to us too.
    t.heard(0, frames::udp(k_gw_mac, k_h2_mac, k_h2_ip, k_gw_ip, 5000, 53, {1, 2, 3}), 102);
    // A frame from h2 to someone else is not traffic for the gateway.
    t.heard(0, frames::udp(k_probe_mac, k_h2_mac, k_h2_ip, k_probe_ip, 5000, 53, {1, 2, 3}), 103);
    auto n = t.match();
    CHECK(record(n, stolen).outcome == ProbeOutcome::reached);
    CHECK(record(n, stolen).frames == std::vector<std::uint64_t>{2});
    CHECK(has_note(record(n, stolen), "traffic from the sentinel to the gateway (an ICMP message (type 8)) "
                                      "reached the probe after it claimed the gateway's address"));
    CHECK(record(n, from_h2).outcome == ProbeOutcome::reached);
    CHECK(record(n, from_h2).frames == std::vector<std::uint64_t>{3});
}

TEST_CASE("--cross-segment: a routed probe arriving at the sentinel from its own gateway is contact; its "
          "gateway's ARP reply and the probe's broadcasts are facts") {
    Scenario s(cross_segment());
    auto id = s.probe("icmp", 0);
    // The probe's own side: its gateway's ARP reply never counts for the sentinel's side.
    s.heard(1, arp_reply(k_gw_mac, k_gw_ip, k_sentinel_mac, k_far_sentinel_ip));
    s.heard(1, arp_reply(k_far_gw_mac, k_far_gw_ip, k_sentinel_mac, k_far_sentinel_ip));
    s.heard(1, frames::icmp_echo(k_sentinel_mac, k_far_gw_mac, k_probe_ip, k_far_sentinel_ip, 0x1501, 1,
                                 s.marker(id)));
    auto m = s.match();
    CHECK(m.facts.sentinel_gateway == std::optional<std::uint64_t>(2));
    CHECK(m.facts.sentinel_gateway_mac == std::optional<MacAddr>(k_far_gw_mac));
    CHECK_FALSE(m.facts.sentinel_other_gateway);
    CHECK_FALSE(m.facts.sentinel_heard_probe);
    CHECK(record(m, id).outcome == ProbeOutcome::reached);
    CHECK(record(m, id).frames == std::vector<std::uint64_t>{3});
    CHECK(has_note(record(m, id), "the sentinel received an ICMP message (type 8)"));

    // One broadcast domain numbered as two subnets: the probe's ARP broadcast arrives at the sentinel.
    Scenario t(cross_segment());
    auto silent = t.probe("icmp", 0);
    t.heard(1, frames::arp_request(k_broadcast, k_probe_mac, k_probe_ip, k_gw_ip, t.marker(0xd0000000u)));
    auto n = t.match();
    CHECK(n.facts.sentinel_heard_probe == std::optional<std::uint64_t>(1));
    CHECK(record(n, silent).outcome == ProbeOutcome::not_reached);
}
