// port-steal (intrusive, --intrusive only): an echo request to the gateway forged with the peer's MAC and IP
// address makes a learning switch or AP move the peer's address to our port, and the gateway's reply,
// addressed to the peer's MAC and carrying our marker, shows where the switch now delivers the peer's
// traffic: to us (the switch accepted the stolen address) or still to the peer (the sentinel receives it:
// port security held). Restored by an ARP request to the peer from our own address: its reply teaches the
// switch the right port again.
#include "probe/frames.hpp"
#include "probes/common.hpp"

namespace isoprobe::probes {

namespace {
class PortSteal final : public probe::Method {
  public:
    std::string_view name() const override { return "port-steal"; }
    std::optional<model::Sentence> segment_bound() const override { return model::say("bound.port-steal"); }
    bool intrusive() const override { return true; }
    std::optional<model::Sentence> unavailable(const probe::Segment& seg,
                                               const probe::Peer& peer) const override {
        if (auto no_mac = needs_mac(peer)) return no_mac;
        if (!seg.gateway_mac || !seg.gateway_ip) return model::say("probe.no-gateway-to-answer");
        return std::nullopt;
    }
    std::vector<probe::Outgoing> frames(const probe::Segment& seg, const probe::Peer& peer,
                                        const std::string& marker) const override {
        auto steal = probe::frames::icmp_echo(*seg.gateway_mac, *peer.mac, peer.ipv4, *seg.gateway_ip, 0x1512,
                                              1, marker);
        return {{steal, false}, {steal, false}, {steal, false}};
    }
    // Any frame for the peer's MAC that reaches us (after the steal: the matcher checks the time) is its
    // traffic.
    bool is_answer(const probe::Segment& seg, const probe::Peer& peer,
                   const decode::Packet& p) const override {
        return peer.mac && p.has_l2 && p.dst == *peer.mac && p.src != seg.iface.mac && p.src != *peer.mac;
    }
    std::vector<probe::Outgoing> restore(const probe::Segment& seg, const probe::Peer& peer,
                                         const std::string& marker) const override {
        MacAddr broadcast;
        broadcast.b.fill(0xff);
        return {
            {probe::frames::arp_request(broadcast, seg.iface.mac, seg.iface.ipv4, peer.ipv4, marker), false}};
    }
};
const PortSteal k_port_steal;
} // namespace

const probe::Method& port_steal_method() {
    return k_port_steal;
}

} // namespace isoprobe::probes
