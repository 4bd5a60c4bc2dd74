#include "probe/plan.hpp"

namespace isoprobe::probe {

std::optional<model::Sentence> why_not_run(const Segment& seg, const Method& method, const Peer& peer) {
    if (peer.ipv4.empty() && method.needs_ipv4()) return model::say("probe.no-ipv4");
    if (seg.cross_segment && peer.sentinel)
        if (auto bound = method.segment_bound())
            return model::say("probe.segment-bound", {model::arg("why", *bound)});
    return method.unavailable(seg, peer);
}

} // namespace isoprobe::probe
