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

inline std::vector<std::uint8_t> with_marker(std::vector<std::uint8_t> body, const std::string& marker) {
    body.insert(body.end(), marker.begin(), marker.end());
    return body;
}

} // namespace isoprobe::probes
