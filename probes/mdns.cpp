// mdns: DNS-SD service enumeration (RFC 6762, RFC 6763 9) to 224.0.0.251 and, as a legacy unicast query from
// an ephemeral port (RFC 6762 6.7), to the peer itself; any mDNS response from the peer answers.
#include "probe/frames.hpp"
#include "probes/common.hpp"

namespace isoprobe::probes {

namespace {
constexpr std::uint16_t k_mdns = 5353, k_query_port = 53535;

std::vector<std::uint8_t> query(const std::string& marker) {
    // The second question names nobody: it only carries the marker, and responders ignore it.
    return probe::frames::dns_query(0, {{"_services._dns-sd._udp.local", 12}, {marker + ".local", 1}}, false);
}

class Mdns final : public probe::Method {
  public:
    std::string_view name() const override { return "mdns"; }
    std::optional<model::Sentence> segment_bound() const override { return model::say("bound.mdns"); }
    std::optional<model::Sentence> unavailable(const probe::Segment&,
                                               const probe::Peer& peer) const override {
        return needs_mac(peer);
    }
    std::vector<probe::Outgoing> frames(const probe::Segment& seg, const probe::Peer& peer,
                                        const std::string& marker) const override {
        const IpAddr group = *IpAddr::parse("224.0.0.251");
        return {{probe::frames::udp(probe::frames::multicast_mac(group), seg.iface.mac, seg.iface.ipv4, group,
                                    k_mdns, k_mdns, query(marker)),
                 true},
                {probe::frames::udp(*peer.mac, seg.iface.mac, seg.iface.ipv4, peer.ipv4, k_query_port, k_mdns,
                                    query(marker)),
                 false}};
    }
    // Shared records such as the service enumeration are answered after 20-120 ms (RFC 6762 6).
    double answer_delay_s() const override { return 0.12; }
    bool is_answer(const probe::Segment&, const probe::Peer&, const decode::Packet& p) const override {
        return udp_answer(p, k_mdns) && p.is_response;
    }
};
const Mdns k_mdns_method;
} // namespace

const probe::Method& mdns_method() {
    return k_mdns_method;
}

} // namespace isoprobe::probes
