// Segment discovery from what the capture heard after the sweep: ARP replies to us, mDNS answers, IPv6 echo
// replies from all-nodes, and any other station of the subnet heard passively.
#pragma once
#include <optional>
#include <vector>

#include "probe/live_capture.hpp"
#include "probe/method.hpp"

namespace isoprobe::probe {

struct Discovered {
    std::optional<MacAddr> gateway_mac;
    std::vector<Peer> peers; // sorted by IPv4 address; the gateway and our own interfaces excluded
};

Discovered learn_segment(const std::vector<StoredFrame>& frames, const Segment& seg, const std::vector<IpAddr>& extra_peers);

} // namespace isoprobe::probe
