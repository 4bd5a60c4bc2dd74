// gateway-bounce: an ICMP echo whose IP destination is the peer but whose Ethernet destination is the gateway. A
// gateway that routes it back onto the segment defeats port isolation; its ICMP redirect (RFC 792) admits it.
#include "probes/common.hpp"
#include "probe/frames.hpp"

namespace isoprobe::probes {

namespace {
class GatewayBounce final : public probe::Method {
  public:
    std::string_view name() const override { return "gateway-bounce"; }
    std::optional<std::string> unavailable(const probe::Segment& seg, const probe::Peer&) const override {
        if (!seg.gateway_mac) return std::string("no gateway answered ARP on the segment");
        return std::nullopt;
    }
    std::vector<probe::Outgoing> frames(const probe::Segment& seg, const probe::Peer& peer, const std::string& marker) const override {
        return {{probe::frames::icmp_echo(*seg.gateway_mac, seg.iface.mac, seg.iface.ipv4, peer.ipv4, 0x1502, 1, marker), false}};
    }
    bool is_answer(const probe::Segment& seg, const probe::Peer& peer, const decode::Packet& p) const override {
        bool redirect = p.icmp_type == 5 && seg.gateway_mac && p.src == *seg.gateway_mac && p.icmp_inner_dst == peer.ipv4;
        bool echo_back = p.icmp_type == 0 && p.ip_src == peer.ipv4 && seg.gateway_mac && p.src == *seg.gateway_mac;
        return decode::has(p.protos, decode::Proto::icmp) && (redirect || echo_back);
    }
};
const GatewayBounce k_gateway_bounce;
} // namespace

const probe::Method& gateway_bounce_method() { return k_gateway_bounce; }

} // namespace isoprobe::probes
