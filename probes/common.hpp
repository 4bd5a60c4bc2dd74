// Small predicates the contact methods share to recognise a peer's answer.
#pragma once
#include <algorithm>

#include "probe/method.hpp"

namespace isoprobe::probes {

inline bool udp_answer(const decode::Packet& p, std::uint16_t service_port) {
    return p.has_l2 && model::has(p.protos, model::Proto::udp) && p.sport == service_port;
}

inline std::optional<model::Sentence> needs_mac(const probe::Peer& peer) {
    if (peer.mac) return std::nullopt;
    return model::say("probe.no-mac");
}

// A unicast frame for `peer` needs its next hop's MAC (probe::next_hop): the peer's own, or in cross-segment
// mode the probe's gateway's.
inline std::optional<model::Sentence> needs_next_hop(const probe::Segment& seg, const probe::Peer& peer) {
    if (!seg.cross_segment || !peer.sentinel) return needs_mac(peer);
    if (seg.gateway_mac) return std::nullopt;
    return model::say("probe.no-gateway-to-route");
}

inline std::vector<std::uint8_t> with_marker(std::vector<std::uint8_t> body, const std::string& marker) {
    body.insert(body.end(), marker.begin(), marker.end());
    return body;
}

} // namespace isoprobe::probes
