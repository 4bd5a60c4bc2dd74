// gateway-bounce: packets whose IP destination is the peer but whose Ethernet destination is the gateway,
// over ICMP (a marked echo), TCP (a SYN to 445 and to a high port) and UDP: a gateway that routes any of them
// back onto the segment defeats port isolation. Gateways often drop ICMP between clients and still route TCP
// and UDP, so all three are tried. Only the peer's own answer (echo reply, SYN-ACK, UDP reply) or the
// sentinel's capture proves delivery: an ICMP redirect only says the gateway would route, and a TCP RST or
// ICMP unreachable can be the gateway's own.
#include "probe/frames.hpp"
#include "probes/common.hpp"

namespace isoprobe::probes {

namespace {
constexpr std::uint16_t k_smb = 445, k_high_port = 50445, k_source_port = 44446;

class GatewayBounce final : public probe::Method {
  public:
    std::string_view name() const override { return "gateway-bounce"; }
    std::optional<model::Sentence> segment_bound() const override { return std::nullopt; }
    bool via_gateway() const override { return true; }
    std::optional<model::Sentence> unavailable(const probe::Segment& seg, const probe::Peer&) const override {
        if (!seg.gateway_mac) return model::say("probe.no-gateway");
        return std::nullopt;
    }
    std::vector<probe::Outgoing> frames(const probe::Segment& seg, const probe::Peer& peer,
                                        const std::string& marker) const override {
        const MacAddr& gw = *seg.gateway_mac;
        const MacAddr& own = seg.iface.mac;
        const IpAddr& from = seg.iface.ipv4;
        return {{probe::frames::icmp_echo(gw, own, from, peer.ipv4, 0x1502, 1, marker), false},
                {probe::frames::tcp_syn(gw, own, from, peer.ipv4, k_source_port, k_smb, 0x15020000u, marker),
                 false},
                {probe::frames::tcp_syn(gw, own, from, peer.ipv4, k_source_port, k_high_port, 0x15020001u,
                                        marker),
                 false},
                {probe::frames::udp(gw, own, from, peer.ipv4, k_source_port, k_high_port,
                                    with_marker({}, marker)),
                 false}};
    }
    bool is_answer(const probe::Segment&, const probe::Peer& peer, const decode::Packet& p) const override {
        if (p.ip_src != peer.ipv4) return false;
        if (model::has(p.protos, model::Proto::icmp)) return p.icmp_type == 0;
        if (model::has(p.protos, model::Proto::tcp))
            return p.dport == k_source_port && (p.sport == k_smb || p.sport == k_high_port) &&
                   (p.tcp_flags & 0x12) == 0x12;
        return model::has(p.protos, model::Proto::udp) && p.dport == k_source_port && p.sport == k_high_port;
    }
};
const GatewayBounce k_gateway_bounce;
} // namespace

const probe::Method& gateway_bounce_method() {
    return k_gateway_bounce;
}

} // namespace isoprobe::probes
