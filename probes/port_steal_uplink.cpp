// port-steal-uplink (intrusive, --intrusive only): frames with the gateway's MAC as source make a learning
// switch or AP move the gateway's address to our port for a moment, and then another terminal's traffic
// toward the gateway is handed to us (AirSnitch's uplink port stealing). The frames are addressed to our own
// MAC, so no station receives anything in the gateway's name. In paired mode the sentinel sends a marked echo
// request to the gateway right after the claim; from other peers, whatever they send to the gateway's MAC
// while we watch. Restored by an ARP request for the gateway's address from our own: its reply, from the
// gateway's own port, teaches the switch the right port again (a gratuitous ARP in the gateway's name is not
// ours to send).
#include "probe/frames.hpp"
#include "probes/common.hpp"

namespace isoprobe::probes {

namespace {
class PortStealUplink final : public probe::Method {
  public:
    std::string_view name() const override { return "port-steal-uplink"; }
    std::optional<model::Sentence> segment_bound() const override {
        return model::say("bound.port-steal-uplink");
    }
    bool intrusive() const override { return true; }
    Claims claims() const override { return Claims::gateway; }
    std::optional<model::Sentence> unavailable(const probe::Segment& seg,
                                               const probe::Peer& peer) const override {
        if (auto no_mac = needs_mac(peer)) return no_mac;
        if (!seg.gateway_mac || !seg.gateway_ip) return model::say("probe.no-gateway-to-claim");
        return std::nullopt;
    }
    std::vector<probe::Outgoing> frames(const probe::Segment& seg, const probe::Peer&,
                                        const std::string& marker) const override {
        auto claim = probe::frames::raw_l2(seg.iface.mac, *seg.gateway_mac, marker);
        return {{claim, false}, {claim, false}, {claim, false}};
    }
    std::vector<probe::Outgoing> sentinel_frames(const probe::Segment& seg,
                                                 const std::string& marker) const override {
        auto echo = probe::frames::icmp_echo(*seg.gateway_mac, seg.sentinel->mac, seg.sentinel->ipv4,
                                             *seg.gateway_ip, 0x1514, 1, marker);
        return {{echo, false}, {echo, false}, {echo, false}};
    }
    // The peer's frame for the gateway's MAC, received by us after the claim (the matcher checks the time).
    bool is_answer(const probe::Segment& seg, const probe::Peer& peer,
                   const decode::Packet& p) const override {
        return peer.mac && seg.gateway_mac && p.has_l2 && p.src == *peer.mac && p.dst == *seg.gateway_mac;
    }
    std::vector<probe::Outgoing> restore(const probe::Segment& seg, const probe::Peer&,
                                         const std::string& marker) const override {
        MacAddr broadcast;
        broadcast.b.fill(0xff);
        return {
            {probe::frames::arp_request(broadcast, seg.iface.mac, seg.iface.ipv4, *seg.gateway_ip, marker),
             false}};
    }
};
const PortStealUplink k_port_steal_uplink;
} // namespace

const probe::Method& port_steal_uplink_method() {
    return k_port_steal_uplink;
}

} // namespace isoprobe::probes
