// llmnr: LLMNR (RFC 4795) reverse-name queries: multicast to 224.0.0.252 and unicast to the peer (2.4 allows
// it); any LLMNR response from the peer answers.
#include <cstdio>

#include "probe/frames.hpp"
#include "probes/common.hpp"

namespace isoprobe::probes {

namespace {
constexpr std::uint16_t k_llmnr = 5355, k_query_port = 53555;

std::string reverse_name(const IpAddr& ip) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%u.%u.%u.%u.in-addr.arpa", ip.b[3], ip.b[2], ip.b[1], ip.b[0]);
    return buf;
}

class Llmnr final : public probe::Method {
  public:
    std::string_view name() const override { return "llmnr"; }
    std::optional<model::Sentence> segment_bound() const override { return model::say("bound.llmnr"); }
    std::optional<model::Sentence> unavailable(const probe::Segment&,
                                               const probe::Peer& peer) const override {
        return needs_mac(peer);
    }
    std::vector<probe::Outgoing> frames(const probe::Segment& seg, const probe::Peer& peer,
                                        const std::string& marker) const override {
        const IpAddr group = *IpAddr::parse("224.0.0.252");
        auto q = probe::frames::dns_query(0x1e55, {{reverse_name(peer.ipv4), 12}, {marker, 1}}, false);
        return {{probe::frames::udp(probe::frames::multicast_mac(group), seg.iface.mac, seg.iface.ipv4, group,
                                    k_query_port, k_llmnr, q),
                 true},
                {probe::frames::udp(*peer.mac, seg.iface.mac, seg.iface.ipv4, peer.ipv4, k_query_port,
                                    k_llmnr, q),
                 false}};
    }
    bool is_answer(const probe::Segment&, const probe::Peer&, const decode::Packet& p) const override {
        return udp_answer(p, k_llmnr);
    }
};
const Llmnr k_llmnr_method;
} // namespace

const probe::Method& llmnr_method() {
    return k_llmnr_method;
}

} // namespace isoprobe::probes
