#include "probe/plan.hpp"

namespace isoprobe::probe {

std::optional<std::string> why_not_run(const Segment& seg, const Method& method, const Peer& peer) {
    if (peer.ipv4.empty() && method.needs_ipv4()) return std::string("no IPv4 address known for the peer");
    if (seg.cross_segment && peer.sentinel)
        if (auto bound = method.segment_bound())
            return "cross-segment mode: " + *bound + "; only routed methods can reach the sentinel's segment";
    return method.unavailable(seg, peer);
}

} // namespace isoprobe::probe
