// l2-unicast: a frame of the IEEE 802 local experimental EtherType (0x88B5) addressed to the peer's MAC.
// Nothing answers it: only a sentinel can prove it arrived.
#include "probe/frames.hpp"
#include "probes/common.hpp"

namespace isoprobe::probes {

namespace {
class L2Unicast final : public probe::Method {
  public:
    std::string_view name() const override { return "l2-unicast"; }
    std::optional<model::Sentence> segment_bound() const override { return model::say("bound.l2-unicast"); }
    std::optional<model::Sentence> unavailable(const probe::Segment&,
                                               const probe::Peer& peer) const override {
        return needs_mac(peer);
    }
    std::vector<probe::Outgoing> frames(const probe::Segment& seg, const probe::Peer& peer,
                                        const std::string& marker) const override {
        return {{probe::frames::raw_l2(*peer.mac, seg.iface.mac, marker), false}};
    }
    bool silent() const override { return true; }
    bool is_answer(const probe::Segment&, const probe::Peer&, const decode::Packet&) const override {
        return false;
    }
};
const L2Unicast k_l2_unicast;
} // namespace

const probe::Method& l2_unicast_method() {
    return k_l2_unicast;
}

} // namespace isoprobe::probes
