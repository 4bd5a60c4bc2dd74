// unicast-in-broadcast: AirSnitch's broadcast reflection (NDSS 2026), on the wire. Toward the sentinel, a
// marked ICMP echo and UDP datagram for its own unicast address, each in a frame to the Ethernet broadcast
// address and in one to the IPv4 all-hosts group's MAC (224.0.0.1: every IPv4 host's NIC takes it, RFC 1112),
// and over IPv6 in frames to the all-nodes group's MAC (ff02::1, RFC 2464); toward any other peer, the
// broadcast echo alone, and only to the first k_sampled_peers of them: every group frame costs every host on
// the segment some work, so nothing is sent that cannot prove more, and a segment that floods group frames
// floods them for every port alike (200 peers would have cost a second of the rate budget, and the probe's
// time budget against nmap). Hosts accept a unicast packet in a group frame by default (RFC 1122 3.3.6 only
// says SHOULD discard; Linux drop_unicast_in_l2_multicast=0), so a segment that isolates unicast but floods
// group frames between terminals still delivers it. Reached only when the sentinel receives one or the peer's
// echo reply brings our marker back: any echo reply would answer icmp's unicast echo too.
#include "probe/frames.hpp"
#include "probes/common.hpp"

namespace isoprobe::probes {

namespace {
constexpr std::uint16_t k_echo_id = 0x1513, k_source_port = 44447, k_port = 50447;
constexpr std::size_t k_sampled_peers = 16;

class UnicastInBroadcast final : public probe::Method {
  public:
    std::string_view name() const override { return "unicast-in-broadcast"; }
    std::optional<model::Sentence> segment_bound() const override {
        return model::say("bound.unicast-in-broadcast");
    }
    std::optional<model::Sentence> unavailable(const probe::Segment& seg,
                                               const probe::Peer& peer) const override {
        if (peer.sentinel) return std::nullopt;
        std::size_t before = 0;
        for (const auto& other : seg.peers) {
            if (other.ipv4 == peer.ipv4 && other.mac == peer.mac) break;
            if (!other.sentinel) ++before;
        }
        if (before < k_sampled_peers) return std::nullopt;
        return model::say("probe.sampled-peers", {model::arg("count", k_sampled_peers)});
    }
    std::vector<probe::Outgoing> frames(const probe::Segment& seg, const probe::Peer& peer,
                                        const std::string& marker) const override {
        namespace f = probe::frames;
        const MacAddr& own = seg.iface.mac;
        MacAddr broadcast;
        broadcast.b.fill(0xff);
        std::vector<probe::Outgoing> out;
        // Not `group` in Outgoing's sense: each frame carries one peer's address, so each peer gets its own.
        auto add = [&](const MacAddr& dst, const IpAddr& from, const IpAddr& to, std::uint16_t seq) {
            out.push_back({to.family == 6 ? f::icmpv6_echo(dst, own, from, to, k_echo_id, seq, marker)
                                          : f::icmp_echo(dst, own, from, to, k_echo_id, seq, marker),
                           false});
            if (peer.sentinel)
                out.push_back(
                    {f::udp(dst, own, from, to, k_source_port, k_port, with_marker({}, marker)), false});
        };
        add(broadcast, seg.iface.ipv4, peer.ipv4, 1);
        // Another peer answers only by unicast, whichever group frame reached it: the broadcast echo is all
        // it needs. Only the sentinel's capture shows which kinds of group frame the segment floods.
        if (!peer.sentinel) return out;
        add(f::multicast_mac(*IpAddr::parse("224.0.0.1")), seg.iface.ipv4, peer.ipv4, 2);
        if (!seg.iface.ipv6.empty() && !peer.ipv6.empty()) {
            // One of the sentinel's addresses: the rest would prove nothing more.
            const IpAddr& to = peer.ipv6.front();
            const IpAddr& from = to.is_link_local_v6() || seg.iface.ipv6.size() < 2 ? seg.iface.ipv6.front()
                                                                                    : seg.iface.ipv6.back();
            add(f::multicast_mac(*IpAddr::parse("ff02::1")), from, to, 3);
        }
        return out;
    }
    // Only the marker proves that the answer is to this method's frames (probe::match_probes, marked
    // answers).
    bool is_answer(const probe::Segment&, const probe::Peer&, const decode::Packet&) const override {
        return false;
    }
};
const UnicastInBroadcast k_unicast_in_broadcast;
} // namespace

const probe::Method& unicast_in_broadcast_method() {
    return k_unicast_in_broadcast;
}

} // namespace isoprobe::probes
