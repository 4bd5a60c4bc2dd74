// EAP conversations over EAPOL (IEEE 802.1X-2010 8, RFC 3748 2-5) or inside RADIUS (RFC 2865, RFC 3579).
#include "analyze/eap_sessions.hpp"

#include <algorithm>

#include "parse/eap.hpp"
#include "parse/eapol.hpp"

namespace isoprobe::analyze {

using model::EapOutcome;
using model::EapSession;
using model::FullTable;

namespace {

std::optional<MacAddr> unicast(const MacAddr& m) {
    // Wired authenticators and supplicants often address the PAE group (01-80-C2-00-00-03): no peer named.
    if (m.is_group() || m.is_zero()) return std::nullopt;
    return m;
}

bool same(const std::optional<MacAddr>& a, const std::optional<MacAddr>& b) {
    return a && b && *a == *b;
}
bool conflicts(const std::optional<MacAddr>& a, const std::optional<MacAddr>& b) {
    return a && b && *a != *b;
}

void add_unique(std::vector<std::uint32_t>& v, std::uint32_t x) {
    if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

std::string text(Bytes b) {
    return {b.begin(), b.end()};
}

std::optional<MacAddr> station_mac(const std::optional<Bytes>& attribute) {
    if (!attribute) return std::nullopt;
    auto m = parse::station_id_mac(text(*attribute));
    return m ? unicast(*m) : std::nullopt;
}

// RFC 6696 Initiate/Finish belong to re-authentication, outside this analysis.
bool in_attempt(std::uint8_t eap_code) {
    return eap_code >= parse::k_eap_request && eap_code <= parse::k_eap_failure;
}

// Two attempts on one port: the same supplicant and authenticator, over the same path.
bool same_port(const EapSession& a, const EapSession& b) {
    if (a.supplicant != b.supplicant || a.authenticator != b.authenticator ||
        a.radius.has_value() != b.radius.has_value())
        return false;
    return !a.radius || (a.radius->nas == b.radius->nas && a.radius->server == b.radius->server &&
                         a.radius->calling_station_id == b.radius->calling_station_id);
}

} // namespace

// The most recent attempt this frame can belong to: no side contradicts it, and either one side matches or
// the frame and the attempt each know a different side (a group-addressed Request meeting an attempt begun by
// a group-addressed EAPOL-Start).
EapSessions::Attempt* EapSessions::find(const std::optional<MacAddr>& supplicant,
                                        const std::optional<MacAddr>& authenticator) {
    for (auto it = m_attempts.rbegin(); it != m_attempts.rend(); ++it) {
        auto& s = it->s;
        if (s.radius)
            continue; // EAPOL and RADIUS name the sides differently: a port seen both ways is two attempts
        if (conflicts(s.supplicant, supplicant) || conflicts(s.authenticator, authenticator) ||
            same(s.supplicant, authenticator) || same(s.authenticator, supplicant))
            continue;
        bool matches = same(s.supplicant, supplicant) || same(s.authenticator, authenticator);
        bool complements = (supplicant && !s.supplicant && s.authenticator && !authenticator) ||
                           (authenticator && !s.authenticator && s.supplicant && !supplicant);
        if (!matches && !complements) continue;
        if (it->closed) return nullptr;
        if (!s.supplicant) s.supplicant = supplicant;
        if (!s.authenticator) s.authenticator = authenticator;
        return &*it;
    }
    return nullptr;
}

EapSessions::Attempt* EapSessions::start_attempt(const std::optional<MacAddr>& supplicant,
                                                 const std::optional<MacAddr>& authenticator,
                                                 const Attempt* previous) {
    Attempt a{m_limits.max_tls_bytes};
    // A new attempt on the same port keeps the side this frame does not name.
    a.s.supplicant = supplicant ? supplicant : previous ? previous->s.supplicant : std::nullopt;
    a.s.authenticator = authenticator ? authenticator : previous ? previous->s.authenticator : std::nullopt;
    if (m_limits.max_sessions == 0) {
        ++m_stats.sessions_dropped;
        return nullptr;
    }
    if (m_attempts.size() >= m_limits.max_sessions) evict_one(); // `previous` may be gone from here on
    m_attempts.push_back(std::move(a));
    return &m_attempts.back();
}

void EapSessions::evict_one() {
    auto idle_first = [](const Attempt& x, const Attempt& y) { return x.s.last_frame < y.s.last_frame; };
    auto victim = m_attempts.end();
    for (auto it = m_attempts.begin(); it != m_attempts.end(); ++it)
        if (!it->keep && (victim == m_attempts.end() || idle_first(*it, *victim))) victim = it;
    // Every attempt decides a verdict: losing one still leaves the others to decide it.
    if (victim == m_attempts.end())
        victim = std::min_element(m_attempts.begin(), m_attempts.end(), idle_first);
    // Frames still to come from the evicted attempt would otherwise join an earlier attempt on the same port.
    for (auto it = m_attempts.begin(); it != victim; ++it)
        if (same_port(it->s, victim->s)) it->closed = true;
    m_attempts.erase(victim);
    ++m_stats.sessions_dropped;
}

std::optional<FullTable> EapSessions::full_table() const {
    if (m_stats.sessions_dropped == 0) return std::nullopt;
    return FullTable{"eap-sessions", m_limits.max_sessions, m_stats.sessions_dropped, false};
}

void EapSessions::touch(Attempt& a, const decode::Packet& p) {
    std::uint64_t number = p.frame ? p.frame->number : 0;
    std::int64_t ts = p.frame ? p.frame->ts_ns : 0;
    if (a.s.frames++ == 0) {
        a.s.first_frame = number;
        a.s.first_ns = ts;
    }
    a.s.last_frame = number;
    a.s.last_ns = ts;
}

void EapSessions::feed(const decode::Packet& p) {
    if (!p.radius.empty()) return on_radius(p);
    if (!p.eapol.empty()) on_eapol(p);
}

void EapSessions::on_eapol(const decode::Packet& p) {
    ++m_stats.eapol_frames;
    if (p.bad_fcs) { // its addresses cannot be trusted to name the attempt
        ++m_stats.malformed;
        return;
    }
    auto pdu = parse::parse_eapol(p.eapol);
    if (!pdu) {
        ++m_stats.malformed;
        return;
    }
    switch (pdu->type) {
    case parse::k_eapol_eap:
        return on_eap(p, pdu->body);
    case parse::k_eapol_start:
    case parse::k_eapol_logoff: {
        auto sup = unicast(p.src);
        auto auth = unicast(p.dst);
        Attempt* a = find(sup, auth);
        // A Start opens a new attempt unless the current one has not heard from the supplicant yet (an
        // authenticator's unsolicited Request-Identity often precedes the Start: tcpdump-eapon1.pcap).
        if (pdu->type == parse::k_eapol_start &&
            (!a || a->responded || a->s.outcome != EapOutcome::incomplete))
            a = start_attempt(sup, auth, a);
        if (!a) {
            if (pdu->type == parse::k_eapol_logoff) ++m_stats.unattributed;
            return;
        }
        touch(*a, p);
        if (pdu->type == parse::k_eapol_start)
            a->s.started_by_supplicant = true;
        else
            a->s.logoff = true;
        return;
    }
    default: {
        // EAPOL-Key and the rest carry no role we can read cheaply; they join the pair's attempt, either way.
        Attempt* a = find(unicast(p.src), unicast(p.dst));
        if (!a) a = find(unicast(p.dst), unicast(p.src));
        if (!a) {
            ++m_stats.unattributed;
            return;
        }
        touch(*a, p);
        if (pdu->type == parse::k_eapol_key) ++a->s.key_frames;
        return;
    }
    }
}

void EapSessions::on_eap(const decode::Packet& p, Bytes eap) {
    auto m = parse::parse_eap(eap);
    if (!m) {
        ++m_stats.malformed;
        return;
    }
    if (!in_attempt(m->code)) {
        ++m_stats.unattributed;
        return;
    }
    bool from_peer = m->code == parse::k_eap_response;
    auto sup = unicast(from_peer ? p.src : p.dst);
    auto auth = unicast(from_peer ? p.dst : p.src);
    // Cisco LEAP's second leg: once its response is accepted the client challenges the access point with a
    // Request of its own, which the access point answers. Both belong to the client's attempt, roles
    // unchanged.
    if (m->type == parse::k_eap_leap) {
        Attempt* leg = find(auth, sup);
        if (leg && leg->last_request_type == parse::k_eap_leap &&
            (m->code == parse::k_eap_request ? leg->responded : leg->peer_challenged)) {
            touch(*leg, p);
            return on_message(*leg, *m, !from_peer);
        }
    }
    Attempt* a = find(sup, auth);
    // A Request-Identity after a finished or abandoned method exchange is a new attempt; one that repeats the
    // previous identifier is a retransmission.
    bool new_identity = m->code == parse::k_eap_request && m->type == parse::k_eap_identity && a &&
                        a->last_request_id != m->id &&
                        (a->s.outcome != EapOutcome::incomplete || a->last_request_type != 0);
    if (!a || new_identity) a = start_attempt(sup, auth, a);
    if (!a) return;
    touch(*a, p);
    on_message(*a, *m, from_peer);
}

// The attempt a RADIUS packet belongs to: a reply answers the attempt's last Access-Request (same ports and
// identifier, RFC 2865 3); a request names its station, or echoes the State of the last Access-Challenge.
EapSessions::Attempt* EapSessions::find_radius(const decode::Packet& p, const parse::RadiusPacket& r) {
    const bool request = r.code == parse::k_radius_access_request;
    const IpAddr& nas = request ? p.ip_src : p.ip_dst;
    const IpAddr& server = request ? p.ip_dst : p.ip_src;
    const auto exchange =
        request ? std::make_tuple(p.sport, p.dport, r.id) : std::make_tuple(p.dport, p.sport, r.id);
    for (auto it = m_attempts.rbegin(); it != m_attempts.rend(); ++it) {
        const auto& path = it->s.radius;
        if (!path || path->nas != nas || path->server != server) continue;
        bool match = false;
        if (!request)
            match = it->radius_request == exchange;
        else if (r.calling_station_id)
            match = path->calling_station_id == text(*r.calling_station_id);
        else if (r.state)
            match = std::equal(it->radius_state.begin(), it->radius_state.end(), r.state->begin(),
                               r.state->end());
        else
            match = path->calling_station_id.empty();
        if (!match) continue;
        return it->closed ? nullptr : &*it;
    }
    return nullptr;
}

// Access-Request carries the supplicant's EAP packets, Access-Challenge the server's, Access-Accept and
// Access-Reject its decision (RFC 3579 2.1-2.2). The NAS stands in for the authenticator: its own EAP
// Request-Identity never reaches the server, so a Response-Identity without State begins an attempt.
void EapSessions::on_radius(const decode::Packet& p) {
    ++m_stats.radius_packets;
    auto r = parse::parse_radius(p.radius);
    if (!r) {
        ++m_stats.malformed;
        return;
    }
    const bool request = r->code == parse::k_radius_access_request;
    const bool decision =
        r->code == parse::k_radius_access_accept || r->code == parse::k_radius_access_reject;
    if (!request && !decision && r->code != parse::k_radius_access_challenge)
        return; // accounting and the rest
    Attempt* a = find_radius(p, *r);
    std::optional<parse::EapMessage> m;
    if (r->has_eap) {
        auto parsed = parse::parse_eap(r->eap);
        if (!parsed) {
            ++m_stats.malformed;
            if (a) ++a->s.malformed;
            return;
        }
        if (!in_attempt(parsed->code)) {
            ++m_stats.unattributed;
            return;
        }
        m = std::move(*parsed);
    }
    const auto exchange = std::make_tuple(p.sport, p.dport, r->id);
    if (request) {
        if (!m) return; // PAP, CHAP, MAC authentication: no EAP
        bool new_identity = a && m->code == parse::k_eap_response && m->type == parse::k_eap_identity &&
                            !r->state && a->radius_request != exchange &&
                            (a->s.outcome != EapOutcome::incomplete || a->last_request_type != 0);
        if (!a || new_identity) {
            a = start_attempt(station_mac(r->calling_station_id), station_mac(r->called_station_id), nullptr);
            if (!a) return;
            model::RadiusPath path{p.ip_src, p.ip_dst, r->nas_ip_address, "", ""};
            if (r->calling_station_id) path.calling_station_id = text(*r->calling_station_id);
            if (r->called_station_id) path.called_station_id = text(*r->called_station_id);
            a->s.radius = std::move(path);
        }
        a->radius_request = exchange;
    } else if (!a) {
        ++m_stats.unattributed;
        return;
    } else if (r->state) {
        a->radius_state.assign(r->state->begin(), r->state->end());
    }
    touch(*a, p);
    if (m) on_message(*a, *m, request);
    if (!decision) return;
    // The server's decision is the outcome, whatever EAP packet it carries (LEAP's Accept carries a
    // Response).
    a->s.outcome = r->code == parse::k_radius_access_accept ? EapOutcome::success : EapOutcome::failure;
    finalize(*a);
    a->keep = m_keep && m_keep(a->s);
}

void EapSessions::on_message(Attempt& a, const parse::EapMessage& m, bool from_peer) {
    if (from_peer != (m.code == parse::k_eap_response)) {
        // Only LEAP runs the other way round (the client authenticating the access point): it says nothing
        // about the methods the server offers or accepts.
        if (m.type != parse::k_eap_leap) {
            ++a.s.malformed;
            return;
        }
        ++a.s.peer_challenges;
        if (m.code == parse::k_eap_request) a.peer_challenged = true;
        return;
    }
    switch (m.code) {
    case parse::k_eap_request:
        return on_request(a, m);
    case parse::k_eap_response:
        return on_response(a, m);
    default:
        a.s.outcome = m.code == parse::k_eap_success ? EapOutcome::success : EapOutcome::failure;
        finalize(a);
        a.keep = m_keep && m_keep(a.s);
        return;
    }
}

void EapSessions::on_request(Attempt& a, const parse::EapMessage& m) {
    if (a.last_request_id == m.id) ++a.s.retransmissions;
    a.last_request_id = m.id;
    if (m.type == parse::k_eap_identity || m.type == parse::k_eap_notification) return;
    add_unique(a.s.offered, m.type);
    a.last_request_type = m.type;
    if (!parse::eap_is_tls_family(m.type)) return;
    auto frag = parse::parse_eap_tls(m.type, m.type_data);
    if (!frag) {
        ++a.s.malformed;
        return;
    }
    // A Start begins a new TLS exchange; a capture that begins mid-exchange still reassembles what it has.
    if (frag->start || a.tls_type != m.type) {
        a.server.reset();
        a.client.reset();
        a.tls_type = m.type;
        a.finalized = false;
    }
    a.server.feed(m.id, *frag, a.s.last_frame);
}

void EapSessions::on_response(Attempt& a, const parse::EapMessage& m) {
    if (a.last_response_id == m.id) ++a.s.retransmissions;
    a.last_response_id = m.id;
    a.responded = true;
    if (m.type == parse::k_eap_identity) {
        a.s.identity = m.identity;
        a.s.identity_frame = a.s.last_frame;
        return;
    }
    if (m.type == parse::k_eap_nak ||
        (m.expanded && m.expanded->vendor_id == 0 && m.expanded->vendor_type == parse::k_eap_nak)) {
        ++a.s.naks;
        for (auto t : m.nak_desired)
            add_unique(a.s.nak_desired, t);
        return;
    }
    if (m.type == a.last_request_type) a.s.method = m.type;
    if (m.type != a.tls_type) return;
    auto frag = parse::parse_eap_tls(m.type, m.type_data);
    if (!frag) {
        ++a.s.malformed;
        return;
    }
    a.client.feed(m.id, *frag, a.s.last_frame);
}

// TLS is summarised only for the method actually exchanged: a TLS Start answered by a NAK shows no TLS.
bool EapSessions::has_tls(const Attempt& a) {
    return a.tls_type != 0 && a.s.method == a.tls_type;
}

void EapSessions::finalize(Attempt& a) {
    if (a.finalized || !has_tls(a)) return;
    a.server.finish();
    a.client.finish();
    a.s.tls = summarize_tls(a.tls_type, a.server, a.client, a.s.first_ns);
    a.server.release();
    a.client.release();
    a.finalized = true;
}

std::vector<EapSession> EapSessions::sessions() const {
    std::vector<EapSession> out;
    out.reserve(m_attempts.size());
    for (const auto& a : m_attempts) {
        out.push_back(a.s);
        if (a.finalized || !has_tls(a)) continue;
        EapTlsReassembler server = a.server, client = a.client;
        server.finish();
        client.finish();
        out.back().tls = summarize_tls(a.tls_type, server, client, a.s.first_ns);
    }
    return out;
}

} // namespace isoprobe::analyze
