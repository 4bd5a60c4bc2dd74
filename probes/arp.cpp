// arp: broadcast and unicast ARP who-has (RFC 826) for the peer's address; the answer is its ARP reply, from
// its own MAC (a reply naming the gateway's MAC is proxy ARP, RFC 1027/3069: the gateway speaking, not the
// peer).
#include "probe/frames.hpp"
#include "probes/common.hpp"

namespace isoprobe::probes {

namespace {
class Arp final : public probe::Method {
  public:
    std::string_view name() const override { return "arp"; }
    std::optional<model::Sentence> segment_bound() const override { return model::say("bound.arp"); }
    std::vector<probe::Outgoing> frames(const probe::Segment& seg, const probe::Peer& peer,
                                        const std::string& marker) const override {
        MacAddr broadcast;
        broadcast.b.fill(0xff);
        std::vector<probe::Outgoing> out{
            {probe::frames::arp_request(broadcast, seg.iface.mac, seg.iface.ipv4, peer.ipv4, marker), false}};
        if (peer.mac)
            out.push_back(
                {probe::frames::arp_request(*peer.mac, seg.iface.mac, seg.iface.ipv4, peer.ipv4, marker),
                 false});
        return out;
    }
    bool is_answer(const probe::Segment& seg, const probe::Peer& peer,
                   const decode::Packet& p) const override {
        return p.arp && p.arp->op == 2 && p.arp->sender_ip == peer.ipv4 &&
               p.arp->target_ip == seg.iface.ipv4 && p.arp->sender_mac == p.src;
    }
};
const Arp k_arp;
} // namespace

const probe::Method& arp_method() {
    return k_arp;
}

} // namespace isoprobe::probes
