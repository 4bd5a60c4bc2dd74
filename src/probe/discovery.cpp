#include "probe/discovery.hpp"

#include <algorithm>
#include <map>

#include "probe/interface.hpp"

namespace isoprobe::probe {

Discovered learn_segment(const std::vector<StoredFrame>& frames, const Segment& seg, const std::vector<IpAddr>& extra_peers) {
    Discovered d;
    const IpAddr net = network_of(seg.iface.ipv4, seg.iface.prefix);
    auto on_subnet = [&](const IpAddr& ip) { return ip.family == 4 && network_of(ip, seg.iface.prefix) == net; };
    auto ours = [&](const MacAddr& m) { return m == seg.iface.mac || (seg.sentinel && m == seg.sentinel->mac); };
    std::map<MacAddr, Peer> by_mac;
    auto peer_for = [&](const MacAddr& mac, const char* how) -> Peer& {
        auto [it, fresh] = by_mac.try_emplace(mac);
        if (fresh) {
            it->second.mac = mac;
            it->second.found_by = how;
        }
        return it->second;
    };

    for (const auto& f : frames) {
        if (f.interface != 0) continue;
        auto p = decode::classify(as_frame(f, 0));
        if (!p.has_l2 || p.src.is_group() || ours(p.src)) continue;
        if (p.arp && p.arp->op == 2 && p.arp->sender_mac == p.src && on_subnet(p.arp->sender_ip)) {
            if (seg.gateway_ip && p.arp->sender_ip == *seg.gateway_ip) {
                d.gateway_mac = p.src;
                continue;
            }
            peer_for(p.src, "arp-sweep").ipv4 = p.arp->sender_ip;
            continue;
        }
        if (d.gateway_mac && p.src == *d.gateway_mac) continue;
        if (p.ip_src.family == 4 && on_subnet(p.ip_src) && !(seg.gateway_ip && p.ip_src == *seg.gateway_ip)) {
            Peer& peer = peer_for(p.src, decode::has(p.protos, decode::Proto::mdns) ? "mdns" : "passive");
            if (peer.ipv4.empty()) peer.ipv4 = p.ip_src;
        } else if (p.ip_src.family == 6 && !p.ip_src.is_unspecified() && !p.ip_src.is_multicast()) {
            Peer& peer = peer_for(p.src, "ipv6-multicast");
            if (std::find(peer.ipv6.begin(), peer.ipv6.end(), p.ip_src) == peer.ipv6.end()) peer.ipv6.push_back(p.ip_src);
        }
    }
    if (d.gateway_mac) by_mac.erase(*d.gateway_mac);
    for (auto& [mac, peer] : by_mac) d.peers.push_back(std::move(peer));
    for (const auto& ip : extra_peers) {
        bool known = std::any_of(d.peers.begin(), d.peers.end(), [&](const Peer& p) { return p.ipv4 == ip; });
        if (!known && ip != seg.iface.ipv4 && !(seg.sentinel && ip == seg.sentinel->ipv4))
            d.peers.push_back(Peer{std::nullopt, ip, {}, false, "--peer"});
    }
    std::sort(d.peers.begin(), d.peers.end(), [](const Peer& a, const Peer& b) { return a.ipv4 < b.ipv4; });
    return d;
}

} // namespace isoprobe::probe
