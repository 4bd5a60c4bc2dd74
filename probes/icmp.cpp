// icmp: an ICMP echo request (RFC 792) straight to the peer's MAC and IPv4 address (in cross-segment mode,
// through the probe's gateway to the sentinel's address); the echo reply answers.
#include "probe/frames.hpp"
#include "probes/common.hpp"

namespace isoprobe::probes {

namespace {
class Icmp final : public probe::Method {
  public:
    std::string_view name() const override { return "icmp"; }
    std::optional<model::Sentence> segment_bound() const override { return std::nullopt; }
    std::optional<model::Sentence> unavailable(const probe::Segment& seg,
                                               const probe::Peer& peer) const override {
        return needs_next_hop(seg, peer);
    }
    std::vector<probe::Outgoing> frames(const probe::Segment& seg, const probe::Peer& peer,
                                        const std::string& marker) const override {
        return {{probe::frames::icmp_echo(probe::next_hop(seg, peer), seg.iface.mac, seg.iface.ipv4,
                                          peer.ipv4, 0x1501, 1, marker),
                 false}};
    }
    bool is_answer(const probe::Segment&, const probe::Peer& peer, const decode::Packet& p) const override {
        return model::has(p.protos, model::Proto::icmp) && p.icmp_type == 0 && p.ip_src == peer.ipv4;
    }
};
const Icmp k_icmp;
} // namespace

const probe::Method& icmp_method() {
    return k_icmp;
}

} // namespace isoprobe::probes
