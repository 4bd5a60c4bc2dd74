// ssdp: an SSDP M-SEARCH (UPnP Device Architecture 2.0, 1.3.2) to 239.255.255.250:1900 and unicast to the
// peer; an "HTTP/1.1 200" from the peer answers.
#include "probe/frames.hpp"
#include "probes/common.hpp"

namespace isoprobe::probes {

namespace {
constexpr std::uint16_t k_ssdp = 1900, k_query_port = 51900;

std::vector<std::uint8_t> msearch(const std::string& host, const std::string& marker) {
    std::string m = "M-SEARCH * HTTP/1.1\r\nHOST: " + host +
                    ":1900\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\nST: ssdp:all\r\n"
                    "USER-AGENT: isoprobe/1 UPnP/2.0\r\nX-ISOPROBE: " +
                    marker + "\r\n\r\n";
    return {m.begin(), m.end()};
}

class Ssdp final : public probe::Method {
  public:
    std::string_view name() const override { return "ssdp"; }
    std::optional<model::Sentence> segment_bound() const override { return model::say("bound.ssdp"); }
    std::optional<model::Sentence> unavailable(const probe::Segment&,
                                               const probe::Peer& peer) const override {
        return needs_mac(peer);
    }
    std::vector<probe::Outgoing> frames(const probe::Segment& seg, const probe::Peer& peer,
                                        const std::string& marker) const override {
        const IpAddr group = *IpAddr::parse("239.255.255.250");
        return {{probe::frames::udp(probe::frames::multicast_mac(group), seg.iface.mac, seg.iface.ipv4, group,
                                    k_query_port, k_ssdp, msearch(group.str(), marker)),
                 true},
                {probe::frames::udp(*peer.mac, seg.iface.mac, seg.iface.ipv4, peer.ipv4, k_query_port, k_ssdp,
                                    msearch(peer.ipv4.str(), marker)),
                 false}};
    }
    // Devices answer at a random time within MX seconds (UPnP Device Architecture 2.0, 1.3.3); ours says 1.
    double answer_delay_s() const override { return 1.0; }
    bool is_answer(const probe::Segment&, const probe::Peer&, const decode::Packet& p) const override {
        return udp_answer(p, k_ssdp);
    }
};
const Ssdp k_ssdp_method;
} // namespace

const probe::Method& ssdp_method() {
    return k_ssdp_method;
}

} // namespace isoprobe::probes
