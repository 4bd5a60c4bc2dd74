// Small predicates the contact methods share to recognise a peer's answer.
#pragma once
#include <algorithm>

#include "probe/method.hpp"

namespace isoprobe::probes {

inline bool from_peer(const probe::Peer& peer, const decode::Packet& p) {
    if (!p.ip_src.empty())
        return p.ip_src == peer.ipv4 || std::find(peer.ipv6.begin(), peer.ipv6.end(), p.ip_src) != peer.ipv6.end();
    return peer.mac && p.src == *peer.mac;
}

inline bool udp_answer(const probe::Peer& peer, const decode::Packet& p, std::uint16_t service_port) {
    return p.has_l2 && decode::has(p.protos, decode::Proto::udp) && p.sport == service_port && from_peer(peer, p);
}

inline std::optional<std::string> needs_mac(const probe::Peer& peer) {
    if (peer.mac) return std::nullopt;
    return std::string("the peer's MAC address is unknown (it never answered ARP)");
}

inline std::vector<std::uint8_t> with_marker(std::vector<std::uint8_t> body, const std::string& marker) {
    body.insert(body.end(), marker.begin(), marker.end());
    return body;
}

} // namespace isoprobe::probes
