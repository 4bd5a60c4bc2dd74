#include "probe/discovery.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "probe/interface.hpp"

namespace isoprobe::probe {

Discovered learn_segment(const std::vector<decode::Packet>& packets, const Segment& seg,
                         const std::vector<IpAddr>& extra_peers) {
    Discovered d;
    d.gateway_mac = seg.gateway_mac;
    const IpAddr net = network_of(seg.iface.ipv4, seg.iface.prefix);
    auto on_subnet = [&](const IpAddr& ip) {
        return ip.family == 4 && network_of(ip, seg.iface.prefix) == net;
    };
    auto ours = [&](const MacAddr& m) {
        return m == seg.iface.mac || (seg.sentinel && m == seg.sentinel->mac);
    };
    auto is_gateway_ip = [&](const IpAddr& ip) { return seg.gateway_ip && ip == *seg.gateway_ip; };
    std::map<MacAddr, Peer> by_mac;
    std::map<MacAddr, std::set<IpAddr>> arp_claims; // what each MAC said it is, in ARP replies
    std::set<MacAddr> routers;
    auto peer_for = [&](const MacAddr& mac, const char* how) -> Peer& {
        auto [it, fresh] = by_mac.try_emplace(mac);
        if (fresh) {
            it->second.mac = mac;
            it->second.found_by = how;
        }
        return it->second;
    };

    for (const auto& p : packets) {
        if (!p.has_l2 || p.src.is_group() || ours(p.src)) continue;
        if (model::has(p.protos, model::Proto::icmpv6) && p.icmp_type == 134) routers.insert(p.src);
        if (p.arp && p.arp->op == 2 && p.arp->sender_mac == p.src && on_subnet(p.arp->sender_ip)) {
            if (is_gateway_ip(p.arp->sender_ip))
                d.gateway_mac = p.src;
            else
                arp_claims[p.src].insert(p.arp->sender_ip);
            continue;
        }
        if (is_gateway_ip(p.ip_src)) {
            // The gateway's ARP reply was lost, but it spoke from its address: its MAC all the same.
            if (!d.gateway_mac) d.gateway_mac = p.src;
        } else if (p.ip_src.family == 4 && on_subnet(p.ip_src)) {
            Peer& peer = peer_for(p.src, model::has(p.protos, model::Proto::mdns) ? "mdns" : "passive");
            if (peer.ipv4.empty()) peer.ipv4 = p.ip_src;
        } else if (p.ip_src.family == 6 && !p.ip_src.is_unspecified() && !p.ip_src.is_multicast()) {
            Peer& peer = peer_for(p.src, "ipv6-multicast");
            if (std::find(peer.ipv6.begin(), peer.ipv6.end(), p.ip_src) == peer.ipv6.end())
                peer.ipv6.push_back(p.ip_src);
        }
    }
    for (const auto& [mac, ips] : arp_claims) {
        const bool proxy = (d.gateway_mac && mac == *d.gateway_mac) || ips.size() >= k_proxy_arp_addresses;
        if (proxy) {
            d.proxy_arp = mac;
            d.proxied.insert(d.proxied.end(), ips.begin(), ips.end());
            continue;
        }
        Peer& peer = peer_for(mac, "arp-sweep");
        peer.found_by = "arp-sweep";
        peer.ipv4 = *ips.begin();
    }
    if (d.gateway_mac) {
        by_mac.erase(*d.gateway_mac);
        routers.erase(*d.gateway_mac);
    }
    if (d.proxy_arp) by_mac.erase(*d.proxy_arp);
    for (const auto& mac : routers) {
        by_mac.erase(mac);
        d.routers.push_back(mac);
    }
    for (auto& [mac, peer] : by_mac)
        d.peers.push_back(std::move(peer));
    for (const auto& ip : extra_peers) {
        bool known = std::any_of(d.peers.begin(), d.peers.end(), [&](const Peer& p) { return p.ipv4 == ip; });
        if (!known && ip != seg.iface.ipv4 && !(seg.sentinel && ip == seg.sentinel->ipv4) &&
            !is_gateway_ip(ip))
            d.peers.push_back(Peer{std::nullopt, ip, {}, false, "--peer"});
    }
    std::sort(d.peers.begin(), d.peers.end(), [](const Peer& a, const Peer& b) { return a.ipv4 < b.ipv4; });
    return d;
}

model::Sentence proxy_arp_observation(const Discovered& d, bool by_gateway) {
    std::vector<std::string> list;
    for (std::size_t i = 0; i < d.proxied.size() && i < 5; ++i)
        list.push_back(d.proxied[i].str());
    if (d.proxied.size() > 5) list.push_back("...");
    return model::say(by_gateway ? "obs.proxy-arp-probe-gateway" : "obs.proxy-arp-probe",
                      {model::arg("mac", d.proxy_arp->str()), model::arg("count", d.proxied.size()),
                       model::arg("list", std::move(list))});
}

} // namespace isoprobe::probe
