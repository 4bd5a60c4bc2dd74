// port-steal (intrusive, --intrusive only): frames with the peer's MAC as source make a learning switch or AP move
// the peer's address to our port; frames for the peer that then reach us prove the segment hands us its traffic.
// Restored by an ARP request to the peer from our own address: its reply teaches the switch the right port again.
#include "probes/common.hpp"
#include "probe/frames.hpp"

namespace isoprobe::probes {

namespace {
class PortSteal final : public probe::Method {
  public:
    std::string_view name() const override { return "port-steal"; }
    bool intrusive() const override { return true; }
    std::optional<std::string> unavailable(const probe::Segment&, const probe::Peer& peer) const override { return needs_mac(peer); }
    std::vector<probe::Outgoing> frames(const probe::Segment& seg, const probe::Peer& peer, const std::string& marker) const override {
        // Addressed to ourselves: the switch learns the source and has nowhere to forward the frame.
        auto steal = probe::frames::raw_l2(seg.iface.mac, *peer.mac, marker);
        return {{steal, false}, {steal, false}, {steal, false}};
    }
    bool is_answer(const probe::Segment& seg, const probe::Peer& peer, const decode::Packet& p) const override {
        return peer.mac && p.has_l2 && p.dst == *peer.mac && p.src != seg.iface.mac && p.src != *peer.mac;
    }
    std::vector<probe::Outgoing> restore(const probe::Segment& seg, const probe::Peer& peer, const std::string& marker) const override {
        MacAddr broadcast;
        broadcast.b.fill(0xff);
        return {{probe::frames::arp_request(broadcast, seg.iface.mac, seg.iface.ipv4, peer.ipv4, marker), false}};
    }
};
const PortSteal k_port_steal;
} // namespace

const probe::Method& port_steal_method() { return k_port_steal; }

} // namespace isoprobe::probes
