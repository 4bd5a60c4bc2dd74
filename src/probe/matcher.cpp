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
model::Sentence describe(const decode::Packet& p) {
    using model::arg;
    using model::say;
    if (p.arp) return say(p.arp->op == 2 ? "frame.arp-reply" : "frame.arp-request");
    if (is_icmpv4(p) || is_icmpv6(p))
        return say(is_icmpv6(p) ? "frame.icmpv6" : "frame.icmp", {arg("type", p.icmp_type)});
    if (model::has(p.protos, model::Proto::tcp))
        return say((p.tcp_flags & 0x12) == 0x12 ? "frame.tcp-syn-ack"
                   : (p.tcp_flags & 0x02)       ? "frame.tcp-syn"
                                                : "frame.tcp",
                   {arg("port", p.dport)});
    if (model::has(p.protos, model::Proto::udp)) return say("frame.udp", {arg("port", p.dport)});
    return say("frame.other");
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
                        model::say("match.uplink-claimed",
                                   {model::arg("peer", peer_name(peer)), model::arg("frame", describe(p))}));
            else
                reached(r, f.number,
                        model::say("match.steal-accepted",
                                   {model::arg("peer", peer_name(peer)), model::arg("frame", describe(p))}));
        }
        for (std::size_t i : candidates(p)) {
            ProbeRecord& r = m_out.records[i];
            if (r.outcome == ProbeOutcome::not_run || r.outcome == ProbeOutcome::error) continue;
            const Peer& peer = m_seg.peers[r.peer];
            if (from_peer(m_seg, peer, *r.method, p) && r.method->is_answer(m_seg, peer, p))
                reached(r, f.number, std::nullopt);
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

    static model::Sentence peer_name(const Peer& peer) {
        if (peer.sentinel) return model::say("who.sentinel");
        if (!peer.ipv4.empty()) return model::say("who.address", {model::arg("address", peer.ipv4.str())});
        if (peer.mac) return model::say("who.address", {model::arg("address", peer.mac->str())});
        return model::say("who.peer");
    }

    ProbeRecord* record(std::uint32_t id) {
        auto it = m_by_id.find(id);
        return it == m_by_id.end() ? nullptr : &m_out.records[it->second];
    }

    // Our marker coming back (echo replies, answers quoting a name we asked for) from the probed peer itself.
    void marked_answer(const SeenFrame& f, const decode::Packet& p, std::uint32_t id) {
        if (ProbeRecord* r = record(id);
            r && !r->method->intrusive() && from_peer(m_seg, m_seg.peers[r->peer], *r->method, p))
            reached(*r, f.number, model::say("match.marker"));
        if (auto g = m_sent.group_method.find(id); g != m_sent.group_method.end())
            for (auto& r : m_out.records)
                if (r.method == g->second && from_peer(m_seg, m_seg.peers[r.peer], *r.method, p))
                    reached(r, f.number, model::say("match.group"));
    }

    // A redirect proves that the gateway would route the packet, not that anything arrived: an observation
    // only.
    void redirect(const SeenFrame& f, const decode::Packet& p, std::optional<std::uint32_t> id) {
        const std::string to = p.icmp_inner_dst.empty() ? std::string() : p.icmp_inner_dst.str();
        const model::Sentence text =
            model::say("obs.would-route",
                       {model::arg("who", is_gateway(p) ? model::say("who.gateway")
                                                        : model::say("who.address",
                                                                     {model::arg("address", p.src.str())})),
                        model::arg("to", to.empty() ? model::say("who.another-host")
                                                    : model::say("who.address", {model::arg("address", to)})),
                        model::arg("frame", f.number)});
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
            note(*r, model::say(r->method->claims() == Method::Claims::gateway ? "match.kept-gateway-port"
                                                                               : "match.kept-port",
                                {model::arg("frame", f.number)}));
            return;
        }
        for (auto& r : m_out.records)
            if (r.method == method && m_seg.peers[r.peer].sentinel && r.outcome != ProbeOutcome::not_run &&
                r.outcome != ProbeOutcome::error)
                reached(r, f.number,
                        model::say("match.sentinel-received", {model::arg("frame", describe(p))}));
    }

    static void note(ProbeRecord& r, const model::Sentence& text) {
        if (std::find(r.notes.begin(), r.notes.end(), text) == r.notes.end()) r.notes.push_back(text);
    }
    static void reached(ProbeRecord& r, std::uint64_t frame, const std::optional<model::Sentence>& text) {
        r.outcome = ProbeOutcome::reached;
        if (r.frames.size() < k_max_evidence &&
            std::find(r.frames.begin(), r.frames.end(), frame) == r.frames.end())
            r.frames.push_back(frame);
        if (text) note(r, *text);
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
