// Contact rules (docs/report.md, "How contact is proven"): a frame proves contact only when the capture shows
// it arrived: captured at the receiver, answered, relayed by the AP (FromDS), or relayed by the gateway.
#include "analyze/isolation.hpp"

#include "analyze/infra_signs.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

namespace isoprobe::analyze {

namespace {

using model::arg;
using model::Conversation;
using model::ConversationKind;
using model::Endpoint;
using model::Role;
using model::say;

struct EndpointKey {
    std::optional<MacAddr> mac;
    IpAddr ip; // only when the MAC is unknown
    auto operator<=>(const EndpointKey&) const = default;
};

struct ConvKey {
    EndpointKey a, b;
    ConversationKind kind;
    bool via_gateway;
    auto operator<=>(const ConvKey&) const = default;
};

struct Builder {
    bool directed = false; // attempts keep who tried; contacts are unordered pairs
    std::map<ConvKey, Conversation> items;

    void add(Endpoint a, Endpoint b, ConversationKind kind, bool via_gateway, const Flow& f,
             model::Sentence evidence) {
        EndpointKey ka{a.mac, a.mac ? IpAddr{} : a.ip}, kb{b.mac, b.mac ? IpAddr{} : b.ip};
        if (!directed && kind == ConversationKind::unicast && kb < ka) {
            std::swap(a, b);
            std::swap(ka, kb);
        }
        auto [it, fresh] = items.try_emplace(ConvKey{ka, kb, kind, via_gateway});
        Conversation& c = it->second;
        if (fresh) {
            c.a = a;
            c.b = b;
            c.kind = kind;
            c.via_gateway = via_gateway;
            c.first_ns = f.first_ns;
            c.last_ns = f.last_ns;
            c.evidence = std::move(evidence);
        }
        merge_ip(c.a.ip, a.ip);
        merge_ip(c.b.ip, b.ip);
        c.protocols |= f.protos;
        c.first_ns = std::min(c.first_ns, f.first_ns);
        c.last_ns = std::max(c.last_ns, f.last_ns);
        for (std::size_t i = 0; i < std::min<std::uint64_t>(f.count, Flow::k_evidence_frames); ++i)
            c.frames.push_back(f.frames[i]);
        c.frame_count += f.count;
    }

    // IPv4 before IPv6, then the lowest: a stable choice when a station used several addresses.
    static void merge_ip(IpAddr& have, const IpAddr& seen) {
        if (seen.empty() || seen.is_multicast() || seen.is_unspecified()) return;
        if (have.empty() || seen < have) have = seen;
    }

    std::vector<Conversation> take(std::size_t max_frames) {
        std::vector<Conversation> out;
        for (auto& [key, c] : items) {
            std::sort(c.frames.begin(), c.frames.end());
            c.frames.erase(std::unique(c.frames.begin(), c.frames.end()), c.frames.end());
            if (c.frames.size() > max_frames) c.frames.resize(max_frames);
            out.push_back(std::move(c));
        }
        std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.frames < y.frames; });
        return out;
    }
};

class Assessor {
  public:
    explicit Assessor(const IsolationInputs& in) : m_in(in) {
        // The routing table names the gateway's address even when every ARP reply of it was lost.
        if (in.resolved.gateway_ip) m_gateway_ips.insert(*in.resolved.gateway_ip);
        // A DHCP server's router option names the gateway's own address: what it sends from there is no
        // relay.
        for (const auto& ip : in.stations.dhcp_routers())
            m_gateway_ips.insert(ip);
        for (const auto& s : in.resolved.stations)
            m_roles[s.mac] = s.role;
        if (in.resolved.self.mac) m_self = *in.resolved.self.mac;
        for (const auto& s : in.resolved.stations) {
            if (s.role == Role::gateway) {
                const auto& ev = in.stations.evidence().at(s.mac);
                for (const auto& ip : ev.arp_ips)
                    m_gateway_ips.insert(ip);
                continue;
            }
            for (const auto& ip : s.ips)
                m_owner.try_emplace(ip, s.mac);
        }
        for (const auto& [key, flow] : in.flows.flows()) {
            if (const auto y = receiver(key)) {
                auto [it, fresh] = m_first_frame.try_emplace({key.l2_src, *y}, flow.frames[0]);
                if (!fresh) it->second = std::min(it->second, flow.frames[0]);
            }
            if (!flow.arp_request_target.empty()) m_arp_targets.insert(flow.arp_request_target);
        }
    }

    IsolationResult run() {
        std::vector<std::pair<const FlowKey*, const Flow*>> ordered;
        for (const auto& [key, flow] : m_in.flows.flows())
            ordered.emplace_back(&key, &flow);
        // Flows are created by their first frame, so they usually come in this order already; each first
        // frame belongs to one flow only, so the order is the same either way.
        const auto by_first_frame = [](const auto& x, const auto& y) {
            return x.second->frames[0] < y.second->frames[0];
        };
        if (!std::is_sorted(ordered.begin(), ordered.end(), by_first_frame))
            std::sort(ordered.begin(), ordered.end(), by_first_frame);
        for (const auto& [key, flow] : ordered)
            classify(*key, *flow);

        IsolationResult r;
        r.conversations = m_contact.take(10);
        std::set<std::pair<EndpointKey, EndpointKey>> contacted;
        for (const auto& c : r.conversations) {
            EndpointKey a{c.a.mac, c.a.mac ? IpAddr{} : c.a.ip}, b{c.b.mac, c.b.mac ? IpAddr{} : c.b.ip};
            contacted.insert({a, b});
            contacted.insert({b, a});
        }
        for (auto& a : m_tries.take(10)) {
            EndpointKey ka{a.a.mac, a.a.mac ? IpAddr{} : a.a.ip}, kb{a.b.mac, a.b.mac ? IpAddr{} : a.b.ip};
            // An answer that proves nothing about isolation (e.g. from behind the AP) still means it was no
            // attempt in vain.
            bool answered = a.b.mac && a.a.mac && m_first_frame.count({*a.b.mac, *a.a.mac});
            if (!contacted.count({ka, kb}) && !answered) r.attempts.push_back(std::move(a));
        }
        for (const auto& [gateway, ips] : m_proxied)
            r.observations.push_back(
                say("obs.proxy-arp", {arg("gateway", gateway.str()), arg("count", ips.size()),
                                      arg("first", ips.begin()->str())}));
        r.observations.insert(r.observations.end(), m_observations.begin(), m_observations.end());
        // An answer is captured only where it goes: to the capturing host's own attempts, or over the air
        // where a monitor hears every relay.
        for (std::size_t i = 0; i < r.attempts.size(); ++i)
            if (transmitted_here(r.attempts[i].b) &&
                (m_self ? r.attempts[i].a.mac == m_self : m_in.stations.saw_dot11()))
                r.proving_attempts.push_back(i);
        r.answers_recorded = answers_recorded();
        return r;
    }

  private:
    // A target that never sent a frame may not be on the segment at all: silence toward it proves nothing.
    bool transmitted_here(const Endpoint& target) const {
        if (!target.mac || !terminal(*target.mac)) return false;
        auto it = m_in.stations.evidence().find(*target.mac);
        return it != m_in.stations.evidence().end() && it->second.sent > 0;
    }

    // What shows that answers would have been captured: the capturing host receiving unicast, or (a
    // monitor-mode 802.11 capture) some exchange heard in both directions. Empty when nothing does: a wired
    // span without a capturing host may mirror only the uplink, which what terminals send each other never
    // crosses.
    std::optional<model::Sentence> answers_recorded() const {
        const auto frames = [](std::vector<std::uint64_t> n) {
            std::sort(n.begin(), n.end());
            std::vector<std::string> out;
            for (auto f : n)
                out.push_back(std::to_string(f));
            return arg("frames", std::move(out));
        };
        if (m_self) {
            const auto received = m_in.stations.received_unicast(*m_self);
            if (received < 2) return std::nullopt;
            return say("answers.self", {arg("self", m_self->str()), arg("count", received),
                                        frames(m_in.stations.first_received(*m_self))});
        }
        if (!m_in.stations.saw_dot11()) return std::nullopt;
        const std::pair<MacAddr, MacAddr>* best = nullptr;
        std::uint64_t best_frame = 0;
        for (const auto& [pair, first] : m_first_frame) {
            const auto& [x, y] = pair;
            // Both directions heard through the access point show its relays reach the monitor, whoever the
            // ends are (a wired host behind it has no role the air can show).
            if (x.is_group() || y.is_group()) continue;
            auto back = m_first_frame.find({y, x});
            if (back == m_first_frame.end()) continue;
            const std::uint64_t later = std::max(first, back->second);
            if (!best || later < best_frame) {
                best = &pair;
                best_frame = later;
            }
        }
        if (!best) return std::nullopt;
        const auto& [x, y] = *best;
        return say("answers.both-ways", {arg("role_a", model::role_sentence(role(x))), arg("a", x.str()),
                                         arg("role_b", model::role_sentence(role(y))), arg("b", y.str()),
                                         frames({m_first_frame.at({x, y}), m_first_frame.at({y, x})})});
    }

    Role role(const MacAddr& m) const {
        auto it = m_roles.find(m);
        return it == m_roles.end() ? Role::terminal : it->second;
    }
    bool terminal(const MacAddr& m) const {
        Role r = role(m);
        return !m.is_group() && (r == Role::terminal || r == Role::self);
    }
    bool wireless(const MacAddr& m) const {
        auto it = m_in.stations.evidence().find(m);
        return it != m_in.stations.evidence().end() && it->second.over_the_air;
    }
    bool is_self(const MacAddr& m) const { return m_self && *m_self == m; }
    // A cooked capture does not record the destination of frames to or from the capturing host.
    std::optional<MacAddr> receiver(const FlowKey& k) const {
        if (k.path == Path::to_capturer) return m_self;
        if (k.path == Path::from_capturer) return std::nullopt;
        return k.l2_dst;
    }

    // The terminal behind an IP: its owner when known, else an on-link address whose owner never showed up.
    std::optional<Endpoint> terminal_at(const IpAddr& ip, const MacAddr& not_this, bool via_gateway) const {
        // Link-local IPv6 is never routed: from the gateway's MAC it is the gateway's own address.
        if (ip.empty() || ip.is_multicast() || ip.is_unspecified() || ip.is_broadcast_v4() ||
            m_gateway_ips.count(ip) || (via_gateway && ip.is_link_local_v6()))
            return std::nullopt;
        if (auto it = m_owner.find(ip); it != m_owner.end()) {
            if (it->second == not_this || !terminal(it->second)) return std::nullopt;
            return Endpoint{it->second, ip};
        }
        bool on_link = m_arp_targets.count(ip) ||
                       (m_in.resolved.subnet && in_subnet(ip, *m_in.resolved.subnet)) ||
                       ip.is_link_local_v6();
        if (!on_link) return std::nullopt;
        return Endpoint{std::nullopt, ip};
    }

    void classify(const FlowKey& k, const Flow& f) {
        if (k.path == Path::from_capturer) return sent_by_capturer(k, f);
        const auto receiver_mac = receiver(k);
        if (!receiver_mac) return;
        const MacAddr &x = k.l2_src, &y = *receiver_mac;
        if (x == y || ieee_reserved_group(y))
            return; // a bridge never forwards these: they reach no other terminal
        const Endpoint ex{x, k.ip_src};
        const Endpoint ey{y, k.ip_dst};

        if (k.path == Path::from_ap) {
            if (!terminal(x) || !wireless(x)) return;
            if (y.is_group())
                m_contact.add(ex, Endpoint{y, k.ip_dst}, ConversationKind::broadcast, false, f,
                              say("conv.ap-relay-group", {arg("x", x.str())}));
            else if (terminal(y))
                m_contact.add(ex, ey, ConversationKind::unicast, false, f,
                              say("conv.ap-relay", {arg("x", x.str()), arg("y", y.str())}));
            return;
        }
        if (k.path == Path::to_ap) {
            if (terminal(x) && !y.is_group() && terminal(y) && wireless(y))
                m_tries.add(ex, ey, ConversationKind::unicast, false, f,
                            say("try.to-ap", {arg("x", x.str()), arg("y", y.str())}));
            else if (y.is_group())
                arp_attempt(k, f);
            return;
        }
        if (y.is_group()) {
            if (m_self && !is_self(x) && terminal(x) && k.path == Path::wired)
                m_contact.add(ex, Endpoint{*m_self, {}}, ConversationKind::broadcast, false, f,
                              say("conv.self-group", {arg("self", m_self->str()), arg("x", x.str())}));
            else
                arp_attempt(k, f);
            return;
        }
        if (role(x) == Role::gateway && terminal(y)) {
            // An ARP reply naming another terminal's address is proxy ARP (RFC 1027, RFC 3069): the gateway
            // speaking for it, which is how private VLANs keep terminals apart. Only routed IP is bouncing.
            auto besides_arp = f.protos;
            besides_arp.reset(static_cast<std::size_t>(model::Proto::arp));
            if (besides_arp.none()) {
                if (terminal_at(k.ip_src, y, true)) m_proxied[x].insert(k.ip_src);
                return;
            }
            if (auto z = terminal_at(k.ip_src, y, true))
                m_contact.add(*z, ey, ConversationKind::unicast, true, f,
                              say("conv.bounce",
                                  {arg("gateway", x.str()), arg("src", k.ip_src.str()), arg("y", y.str())}));
            // Linux sends the redirect before its forward hook may drop the packet: it shows the gateway
            // would route, not that anything arrived.
            if (!f.redirect_inner_dst.empty() && terminal_at(f.redirect_inner_dst, y, true) &&
                m_redirected.insert(f.redirect_inner_dst).second)
                m_observations.push_back(say("obs.redirect", {arg("gateway", x.str()), arg("from", y.str()),
                                                              arg("to", f.redirect_inner_dst.str()),
                                                              arg("frame", f.redirect_frame)}));
            return;
        }
        if (terminal(x) && role(y) == Role::gateway) {
            if (auto z = terminal_at(k.ip_dst, x, true))
                m_tries.add(ex, *z, ConversationKind::unicast, true, f,
                            say("try.via-gateway",
                                {arg("x", x.str()), arg("dst", k.ip_dst.str()), arg("gateway", y.str())}));
            return;
        }
        if (!terminal(x) || !terminal(y)) return;
        bool reverse = m_first_frame.count({y, x}) > 0;
        if (is_self(y) || reverse || f.response) {
            model::Sentence why = is_self(y)
                                      ? say("conv.self-received", {arg("self", y.str()), arg("x", x.str())})
                                  : reverse ? say("conv.both-ways", {arg("x", x.str()), arg("y", y.str())})
                                            : say("conv.answered", {arg("x", x.str()), arg("y", y.str())});
            m_contact.add(ex, ey, ConversationKind::unicast, false, f, why);
        } else {
            m_tries.add(ex, ey, ConversationKind::unicast, false, f,
                        say("try.unicast", {arg("x", x.str()), arg("y", y.str())}));
        }
    }

    // Sent by the capturing host to a destination a cooked capture does not record: its who-has, or IP for a
    // terminal's address, is an attempt.
    void sent_by_capturer(const FlowKey& k, const Flow& f) {
        if (!f.arp_request_target.empty()) return arp_attempt(k, f);
        if (!terminal(k.l2_src)) return;
        if (auto z = terminal_at(k.ip_dst, k.l2_src, false))
            m_tries.add(Endpoint{k.l2_src, k.ip_src}, *z, ConversationKind::unicast, false, f,
                        say("try.cooked", {arg("self", k.l2_src.str()), arg("dst", k.ip_dst.str())}));
    }

    // A who-has for another terminal's address is a contact attempt; gratuitous ARP and probes are not.
    void arp_attempt(const FlowKey& k, const Flow& f) {
        if (f.arp_request_target.empty() || !terminal(k.l2_src)) return;
        if (m_self && !is_self(k.l2_src))
            return; // others' who-has reaching us is contact, handled by the caller
        if (k.ip_src.is_unspecified() || f.arp_request_target == k.ip_src) return;
        if (auto z = terminal_at(f.arp_request_target, k.l2_src, false))
            m_tries.add(
                Endpoint{k.l2_src, k.ip_src}, *z, ConversationKind::unicast, false, f,
                say("try.arp", {arg("x", k.l2_src.str()), arg("target", f.arp_request_target.str())}));
    }

    const IsolationInputs& m_in;
    std::unordered_map<MacAddr, Role> m_roles; // looked up for both ends of every flow
    std::optional<MacAddr> m_self;
    std::unordered_map<IpAddr, MacAddr> m_owner;
    std::set<IpAddr> m_gateway_ips;
    std::set<IpAddr> m_arp_targets;
    std::map<std::pair<MacAddr, MacAddr>, std::uint64_t> m_first_frame; // of each direction between two MACs
    Builder m_contact, m_tries{true, {}};
    std::map<MacAddr, std::set<IpAddr>> m_proxied; // gateway -> addresses it answered ARP for
    std::set<IpAddr> m_redirected;
    std::vector<model::Sentence> m_observations;
};

} // namespace

IsolationResult assess_isolation(const IsolationInputs& in) {
    return Assessor(in).run();
}

} // namespace isoprobe::analyze
