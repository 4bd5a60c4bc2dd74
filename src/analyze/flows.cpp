// Bounded flow aggregation: when the table is full, new flows lose their IP detail (folded into their MAC pair)
// rather than disappearing, so terminal-to-terminal contact is still seen in very large captures.
#include "analyze/flows.hpp"

#include "parse/sll.hpp"

namespace isoprobe::analyze {

std::size_t FlowKeyHash::operator()(const FlowKey& k) const noexcept {
    std::size_t h = std::hash<MacAddr>{}(k.l2_src) * 31 + std::hash<MacAddr>{}(k.l2_dst);
    h = h * 1000003 ^ std::hash<IpAddr>{}(k.ip_src);
    h = h * 1000003 ^ std::hash<IpAddr>{}(k.ip_dst);
    return h * 31 + static_cast<std::size_t>(k.path);
}

namespace {
Path path_of(const decode::Packet& p) {
    if (p.sll_packet_type == parse::k_sll_host) return Path::to_capturer;
    if (p.sll_packet_type == parse::k_sll_outgoing && p.dst.is_zero()) return Path::from_capturer;
    if (!p.dot11) return Path::wired;
    if (p.dot11->to_ds && !p.dot11->from_ds) return Path::to_ap;
    if (p.dot11->from_ds && !p.dot11->to_ds) return Path::from_ap;
    return Path::direct;
}
} // namespace

void FlowTable::feed(const decode::Packet& p) {
    if (!p.has_l2 || p.src.is_group() || p.src.is_zero()) return;
    // Only data frames carry station traffic; management and control frames are the AP's business.
    if (p.dot11 && p.dot11->type != 2) return;
    const Path path = path_of(p);
    // A destination the capture did not record, other than the capturing host: no receiver to attribute.
    if (p.dst.is_zero() && path != Path::to_capturer && path != Path::from_capturer) return;

    // ARP keys on its protocol addresses so that every who-has target stays a flow of its own.
    FlowKey key{p.src, p.dst, p.arp ? p.arp->sender_ip : p.ip_src, p.arp ? p.arp->target_ip : p.ip_dst, path};
    auto it = m_flows.find(key);
    if (it == m_flows.end() && m_flows.size() >= k_max_flows) {
        m_dropped.add(FlowKeyHash{}(key));
        key.ip_src = {};
        key.ip_dst = {};
        it = m_flows.find(key);
        if (it == m_flows.end() && m_flows.size() >= k_max_flows + k_max_folded_flows) {
            ++m_lost;
            return;
        }
        ++m_folded;
    }
    if (it == m_flows.end()) {
        it = m_flows.emplace(key, Flow{}).first;
        it->second.first_ns = p.frame->ts_ns;
    }
    Flow& f = it->second;
    if (f.count < Flow::k_evidence_frames) f.frames[f.count] = p.frame->number;
    ++f.count;
    f.protos |= decode::most_specific(p.protos);
    f.last_ns = p.frame->ts_ns;
    if (p.frame->ts_ns < f.first_ns) f.first_ns = p.frame->ts_ns;
    f.response = f.response || p.is_response;
    f.encrypted = f.encrypted || p.encrypted;
    if (p.arp && p.arp->op == 1 && f.arp_request_target.empty()) f.arp_request_target = p.arp->target_ip;
    if (p.icmp_type == 5 && p.ip_src.family == 4 && f.redirect_inner_dst.empty()) {
        f.redirect_inner_dst = p.icmp_inner_dst;
        f.redirect_inner_proto = p.icmp_inner_proto;
        f.redirect_frame = p.frame ? p.frame->number : 0;
    }
}

} // namespace isoprobe::analyze
