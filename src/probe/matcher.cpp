#include "probe/matcher.hpp"

#include <algorithm>

namespace isoprobe::probe {

namespace {

using model::ProbeOutcome;
constexpr std::size_t k_max_evidence = 5;

bool is_icmpv4(const decode::Packet& p) {
    return model::has(p.protos, model::Proto::icmp);
}
bool is_icmpv6(const decode::Packet& p) {
    return model::has(p.protos, model::Proto::icmpv6);
}

// ICMP errors and redirects quote our probe, marker included, but are written by whoever dropped or rerouted
// it: they say nothing about whether the peer received anything.
bool quotes_our_probe(const decode::Packet& p) {
    if (is_icmpv4(p))
        return p.icmp_type == 3 || p.icmp_type == 4 || p.icmp_type == 5 || p.icmp_type == 11 ||
               p.icmp_type == 12;
    if (is_icmpv6(p)) return (p.icmp_type >= 1 && p.icmp_type <= 4) || p.icmp_type == 137;
    return false;
}
bool is_redirect(const decode::Packet& p) {
    return (is_icmpv4(p) && p.icmp_type == 5) || (is_icmpv6(p) && p.icmp_type == 137);
}

// What a frame was, in a few words, for the evidence sentences.
std::string describe(const decode::Packet& p) {
    if (p.arp) return p.arp->op == 2 ? "an ARP reply" : "an ARP request";
    if (is_icmpv4(p) || is_icmpv6(p))
        return std::string(is_icmpv6(p) ? "an ICMPv6" : "an ICMP") + " message (type " +
               std::to_string(p.icmp_type) + ")";
    if (model::has(p.protos, model::Proto::tcp))
        return std::string("a TCP ") +
               ((p.tcp_flags & 0x12) == 0x12 ? "SYN-ACK"
                : (p.tcp_flags & 0x02)       ? "SYN"
                                             : "segment") +
               " to port " + std::to_string(p.dport);
    if (model::has(p.protos, model::Proto::udp)) return "a UDP datagram to port " + std::to_string(p.dport);
    return "a frame";
}

class Matching {
  public:
    Matching(const Segment& seg, const Marker& marker, const SentProbes& sent)
        : m_seg(seg), m_marker(marker), m_sent(sent) {
        m_out.records = sent.records;
        for (std::size_t i = 0; i < m_out.records.size(); ++i) {
            auto& r = m_out.records[i];
            r.frames.clear();
            r.refused = false;
            if (r.outcome == ProbeOutcome::reached || r.outcome == ProbeOutcome::not_reached)
                r.outcome = ProbeOutcome::no_reply;
            m_by_id[r.id] = i;
            const Peer& peer = m_seg.peers[r.peer];
            if (r.method->intrusive()) {
                m_intrusive.push_back(i);
                continue;
            }
            if (peer.mac) m_by_mac[*peer.mac].push_back(i);
            if (!peer.ipv4.empty()) m_by_address[peer.ipv4].push_back(i);
            for (const auto& a : peer.ipv6)
                m_by_address[a].push_back(i);
        }
    }

    void frame(const SeenFrame& f) {
        const decode::Packet& p = *f.packet;
        const auto id = m_marker.find(f.bytes);
        if (f.interface == 1) return sentinel_frame(f, p, id);
        if (m_sent.frames.count(std::vector<std::uint8_t>(f.bytes.begin(), f.bytes.end()))) {
            ++m_out.facts.own_seen;
            return;
        }
        // Whatever our own stack sends (its ARP replies, the SMB follow-up's connection) proves nothing about
        // others.
        if (p.has_l2 && p.src == m_seg.iface.mac) return;
        if (is_icmpv6(p) && p.icmp_type == 134 && p.has_l2) m_out.facts.probe_routers.insert(p.src);
        if (id && *id == k_control_id && is_icmpv4(p) && p.icmp_type == 0 && is_gateway(p) &&
            !m_out.facts.gateway_echo)
            m_out.facts.gateway_echo = f.number;
        if (is_redirect(p)) return redirect(f, p, id);
        if (quotes_our_probe(p)) {
            // Only the peer's own refusal: a gateway's error is a routing decision, the sentinel's proof is
            // reception.
            if (ProbeRecord* r = id ? record(*id) : nullptr;
                r && !is_gateway(p) && !m_seg.peers[r->peer].sentinel &&
                from_peer(m_seg, m_seg.peers[r->peer], *r->method, p))
                r->refused = true;
            return;
        }
        if (id) marked_answer(f, p, *id);
        for (std::size_t i : m_intrusive) {
            ProbeRecord& r = m_out.records[i];
            if (r.outcome == ProbeOutcome::not_run || r.outcome == ProbeOutcome::error) continue;
            const Peer& peer = m_seg.peers[r.peer];
            // Traffic for the peer's address, or from the peer to the gateway's, that comes to us after we
            // claimed that address: the switch moved it.
            auto first = m_sent.first_sent_ns.find(r.id);
            if (first == m_sent.first_sent_ns.end() || f.ts_ns < first->second ||
                !r.method->is_answer(m_seg, peer, p))
                continue;
            if (r.method->claims() == Method::Claims::gateway)
                reached(r, f.number,
                        "traffic from " + peer_name(peer) + " to the gateway (" + describe(p) +
                            ") reached the probe after it claimed the gateway's address: the switch handed "
                            "another terminal's uplink traffic to us");
            else
                reached(r, f.number,
                        "traffic for " + peer_name(peer) + " (" + describe(p) +
                            ") reached the probe after the steal: the switch accepted the stolen address");
        }
        for (std::size_t i : candidates(p)) {
            ProbeRecord& r = m_out.records[i];
            if (r.outcome == ProbeOutcome::not_run || r.outcome == ProbeOutcome::error) continue;
            const Peer& peer = m_seg.peers[r.peer];
            if (from_peer(m_seg, peer, *r.method, p) && r.method->is_answer(m_seg, peer, p))
                reached(r, f.number, "");
        }
    }

    MatchResult finish(bool final_pass) {
        if (final_pass)
            for (auto& r : m_out.records)
                if (r.outcome == ProbeOutcome::no_reply && m_seg.peers[r.peer].sentinel)
                    r.outcome = ProbeOutcome::not_reached;
        return std::move(m_out);
    }

  private:
    // The records from_peer can accept `p` for: their peer's MAC sent it, or it carries their peer's address
    // (routed through the gateway, or a peer whose MAC is unknown). Looking only there keeps matching linear
    // in the capture, however many peers and methods.
    std::vector<std::size_t> candidates(const decode::Packet& p) const {
        std::vector<std::size_t> out;
        if (!p.has_l2) return out;
        if (auto it = m_by_mac.find(p.src); it != m_by_mac.end()) out = it->second;
        const IpAddr& ip = p.arp ? p.arp->sender_ip : p.ip_src;
        if (auto it = ip.empty() ? m_by_address.end() : m_by_address.find(ip); it != m_by_address.end()) {
            out.insert(out.end(), it->second.begin(), it->second.end());
            std::sort(out.begin(), out.end());
            out.erase(std::unique(out.begin(), out.end()), out.end());
        }
        return out;
    }

    bool is_gateway(const decode::Packet& p) const {
        return p.has_l2 && m_seg.gateway_mac && p.src == *m_seg.gateway_mac;
    }

    static std::string peer_name(const Peer& peer) {
        if (peer.sentinel) return "the sentinel";
        return peer.ipv4.empty() ? (peer.mac ? peer.mac->str() : std::string("the peer")) : peer.ipv4.str();
    }

    ProbeRecord* record(std::uint32_t id) {
        auto it = m_by_id.find(id);
        return it == m_by_id.end() ? nullptr : &m_out.records[it->second];
    }

    // Our marker coming back (echo replies, answers quoting a name we asked for) from the probed peer itself.
    void marked_answer(const SeenFrame& f, const decode::Packet& p, std::uint32_t id) {
        if (ProbeRecord* r = record(id);
            r && !r->method->intrusive() && from_peer(m_seg, m_seg.peers[r->peer], *r->method, p))
            reached(*r, f.number, "answered with our marker");
        if (auto g = m_sent.group_method.find(id); g != m_sent.group_method.end())
            for (auto& r : m_out.records)
                if (r.method == g->second && from_peer(m_seg, m_seg.peers[r.peer], *r.method, p))
                    reached(r, f.number, "answered our group probe");
    }

    // A redirect proves that the gateway would route the packet, not that anything arrived: an observation
    // only.
    void redirect(const SeenFrame& f, const decode::Packet& p, std::optional<std::uint32_t> id) {
        const std::string who = is_gateway(p) ? "the gateway" : p.src.str();
        const std::string to =
            p.icmp_inner_dst.empty() ? std::string("another host") : p.icmp_inner_dst.str();
        const std::string text = who + " would route terminal-to-terminal traffic to " + to +
                                 " (ICMP redirect, frame " + std::to_string(f.number) +
                                 "); nothing shows it was delivered";
        if (m_redirected.insert(to).second) m_out.facts.observations.push_back(text);
        if (ProbeRecord* r = id ? record(*id) : nullptr;
            r && r->notes.size() < k_max_evidence &&
            std::find(r->notes.begin(), r->notes.end(), text) == r->notes.end())
            r->notes.push_back(text);
    }

    void sentinel_frame(const SeenFrame& f, const decode::Packet& p, std::optional<std::uint32_t> id) {
        auto& facts = m_out.facts;
        if (m_seg.cross_segment) {
            // Across segments the sentinel's side answers for itself: its own gateway, whatever its MAC (one
            // router's interfaces often share one). The probe's broadcasts must never arrive there: a shared
            // broadcast domain is one segment, whatever the numbering.
            if (p.arp && p.arp->op == 2 && m_seg.sentinel_gateway_ip &&
                p.arp->sender_ip == *m_seg.sentinel_gateway_ip && p.has_l2 && p.arp->sender_mac == p.src &&
                !facts.sentinel_gateway) {
                facts.sentinel_gateway = f.number;
                facts.sentinel_gateway_mac = p.src;
            }
            if (p.has_l2 && p.src == m_seg.iface.mac && p.dst.is_group() && !facts.sentinel_heard_probe)
                facts.sentinel_heard_probe = f.number;
        } else if (p.arp && p.arp->op == 2 && m_seg.gateway_ip && p.arp->sender_ip == *m_seg.gateway_ip) {
            // Same IP is not the same segment: sites number every floor alike, so the gateway must be the
            // same MAC.
            if (is_gateway(p) && p.arp->sender_mac == p.src) {
                if (!facts.sentinel_gateway) facts.sentinel_gateway = f.number;
            } else if (p.has_l2) {
                facts.sentinel_other_gateway = p.src;
            }
        }
        if (is_icmpv6(p) && p.icmp_type == 134 && p.has_l2) facts.sentinel_routers.insert(p.src);
        if (!id || !p.has_l2 || p.src == m_seg.sentinel->mac || quotes_our_probe(p)) return;
        const Method* method = nullptr;
        if (const ProbeRecord* r = record(*id)) method = r->method;
        if (auto g = m_sent.group_method.find(*id); g != m_sent.group_method.end()) method = g->second;
        if (!method) return;
        if (method->intrusive()) {
            // A frame we spoofed proves nothing; the gateway's answer arriving at the sentinel shows the
            // switch kept the claimed address on its own port: the sentinel's, or the gateway's (the
            // sentinel's echo request reached the gateway instead of us).
            ProbeRecord* r = record(*id);
            if (!r || !m_seg.peers[r->peer].sentinel || !is_gateway(p) ||
                r->outcome == ProbeOutcome::reached || !m_kept_port.insert(r->id).second)
                return;
            if (r->method->claims() == Method::Claims::gateway)
                note(*r,
                     "the switch kept the gateway's address on the gateway's port: the sentinel's traffic "
                     "reached the gateway, whose answer reached the sentinel (frame " +
                         std::to_string(f.number) + ")");
            else
                note(*r, "the switch did not accept the stolen address: traffic for it still reached the "
                         "sentinel (frame " +
                             std::to_string(f.number) + ")");
            return;
        }
        for (auto& r : m_out.records)
            if (r.method == method && m_seg.peers[r.peer].sentinel && r.outcome != ProbeOutcome::not_run &&
                r.outcome != ProbeOutcome::error)
                reached(r, f.number, "the sentinel received " + describe(p));
    }

    static void note(ProbeRecord& r, const std::string& text) {
        if (!text.empty() && std::find(r.notes.begin(), r.notes.end(), text) == r.notes.end())
            r.notes.push_back(text);
    }
    static void reached(ProbeRecord& r, std::uint64_t frame, const std::string& text) {
        r.outcome = ProbeOutcome::reached;
        if (r.frames.size() < k_max_evidence &&
            std::find(r.frames.begin(), r.frames.end(), frame) == r.frames.end())
            r.frames.push_back(frame);
        note(r, text);
    }

    const Segment& m_seg;
    const Marker& m_marker;
    const SentProbes& m_sent;
    MatchResult m_out;
    std::map<std::uint32_t, std::size_t> m_by_id;
    std::map<MacAddr, std::vector<std::size_t>> m_by_mac;    // non-intrusive records by their peer's MAC
    std::map<IpAddr, std::vector<std::size_t>> m_by_address; // ... and by each address of their peer
    std::vector<std::size_t> m_intrusive;
    std::set<std::string> m_redirected;
    std::set<std::uint32_t> m_kept_port; // port-steal probes already noted as refused by the switch
};

} // namespace

bool from_peer(const Segment& seg, const Peer& peer, const Method& method, const decode::Packet& p) {
    if (!p.has_l2) return false;
    auto own_address = [&] {
        const IpAddr& ip = p.arp ? p.arp->sender_ip : p.ip_src;
        return !ip.empty() &&
               (ip == peer.ipv4 || std::find(peer.ipv6.begin(), peer.ipv6.end(), ip) != peer.ipv6.end());
    };
    const bool from_gateway = seg.gateway_mac && p.src == *seg.gateway_mac;
    if (from_gateway) return method.via_gateway() && !p.arp && own_address();
    // A --peer that never answered ARP has no MAC yet: its first answer from its own address is its own.
    return peer.mac ? p.src == *peer.mac : own_address();
}

MatchResult match_probes(const Segment& seg, const Marker& marker, const SentProbes& sent,
                         const std::vector<SeenFrame>& frames, bool final_pass) {
    Matching m(seg, marker, sent);
    for (const auto& f : frames)
        m.frame(f);
    return m.finish(final_pass);
}

} // namespace isoprobe::probe
