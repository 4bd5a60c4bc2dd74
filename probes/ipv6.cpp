// ipv6: ICMPv6 echo (RFC 4443) to all-nodes ff02::1 and to each IPv6 address of the peer, and a neighbour
// solicitation (RFC 4861) for it; an echo reply or neighbour advertisement from the peer answers.
#include "probe/frames.hpp"
#include "probes/common.hpp"

namespace isoprobe::probes {

namespace {
class Ipv6 final : public probe::Method {
  public:
    std::string_view name() const override { return "ipv6"; }
    std::optional<model::Sentence> segment_bound() const override { return model::say("bound.ipv6"); }
    bool needs_ipv4() const override { return false; }
    std::optional<model::Sentence> unavailable(const probe::Segment& seg, const probe::Peer&) const override {
        if (seg.iface.ipv6.empty())
            return model::say("probe.no-ipv6", {model::arg("interface", seg.iface.name)});
        return std::nullopt;
    }
    std::vector<probe::Outgoing> frames(const probe::Segment& seg, const probe::Peer& peer,
                                        const std::string& marker) const override {
        const IpAddr all_nodes = *IpAddr::parse("ff02::1");
        const IpAddr& own = seg.iface.ipv6.front(); // link-local when there is one
        std::vector<probe::Outgoing> out{
            {probe::frames::icmpv6_echo(probe::frames::multicast_mac(all_nodes), seg.iface.mac, own,
                                        all_nodes, 0x1506, 1, marker),
             true}};
        for (const auto& addr : peer.ipv6) {
            const IpAddr& from =
                addr.is_link_local_v6() || seg.iface.ipv6.size() < 2 ? own : seg.iface.ipv6.back();
            if (peer.mac)
                out.push_back(
                    {probe::frames::icmpv6_echo(*peer.mac, seg.iface.mac, from, addr, 0x1506, 2, marker),
                     false});
            out.push_back({probe::frames::neighbour_solicitation(seg.iface.mac, from, addr, marker), false});
        }
        return out;
    }
    bool is_answer(const probe::Segment&, const probe::Peer& peer, const decode::Packet& p) const override {
        if (!model::has(p.protos, model::Proto::icmpv6) || p.ip_src.family != 6) return false;
        bool own_address = std::find(peer.ipv6.begin(), peer.ipv6.end(), p.ip_src) != peer.ipv6.end();
        bool from_mac = peer.mac && p.src == *peer.mac;
        return (p.icmp_type == 129 || p.icmp_type == 136) && (own_address || from_mac);
    }
};
const Ipv6 k_ipv6_method;
} // namespace

const probe::Method& ipv6_method() {
    return k_ipv6_method;
}

} // namespace isoprobe::probes
