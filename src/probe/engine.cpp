#include "probe/engine.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <thread>

#include "analyze/analysis.hpp"
#include "analyze/replay.hpp"
#include "capture/pcapng_writer.hpp"
#include "probe/controls.hpp"
#include "probe/discovery.hpp"
#include "probe/frames.hpp"
#include "probe/live_capture.hpp"
#include "probe/marker.hpp"
#include "probe/matcher.hpp"
#include "probe/plan.hpp"
#include "probe/sender.hpp"
#include "probes/registry.hpp"
#include "verdict/decide.hpp"

namespace isoprobe::probe {

namespace {

// What the system said (a send error, a capture that stopped): its own words, in no language of ours.
model::Sentence system_message(const std::string& text) {
    return model::say("sys.message", {model::arg("message", text)});
}

using model::ProbeOutcome;
using Clock = std::chrono::steady_clock;
// Each method still unanswered is sent again, up to this many times in all: one lost frame must not turn a
// reachable peer into "not reached", nor a lost gateway reply into a terminal.
constexpr int k_rounds = 3;
constexpr int k_gateway_attempts = 3;
// An answer is awaited for this many gateway round trips: a peer's stack, a busy host or a switch queue may
// be slower than the gateway, rarely by this much on one segment.
constexpr double k_rtt_factor = 20;
// Never less, whatever the round trip: the capture thread must have seen the answer, on a loaded machine too.
constexpr double k_wait_floor_s = 0.2;
// When the gateway never answered ARP there is no round trip to scale by.
constexpr double k_wait_unmeasured_s = 0.5;

void sleep_for(double seconds, const std::atomic<bool>& stop) {
    auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (!stop && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

// Captured frames decoded once, for discovery and matching alike.
struct DecodedFrames {
    std::vector<capture::Frame> frames;
    std::vector<decode::Packet> packets; // packets[i].frame points into frames
    std::vector<SeenFrame> seen;
    std::vector<decode::Packet> probe_side() const {
        std::vector<decode::Packet> out;
        for (std::size_t i = 0; i < packets.size(); ++i)
            if (seen[i].interface == 0) out.push_back(packets[i]);
        return out;
    }
};

template <class Decode> DecodedFrames decode_frames(const std::vector<StoredFrame>& stored, Decode decode) {
    DecodedFrames d;
    d.frames.reserve(stored.size());
    d.packets.reserve(stored.size());
    d.seen.reserve(stored.size());
    for (std::size_t n = 0; n < stored.size(); ++n)
        d.frames.push_back(as_frame(stored[n], n + 1));
    for (const auto& fr : d.frames)
        d.packets.push_back(decode(fr));
    for (std::size_t n = 0; n < stored.size(); ++n)
        d.seen.push_back(
            {stored[n].interface, n + 1, stored[n].ts_ns, Bytes(stored[n].bytes), &d.packets[n]});
    return d;
}

DecodedFrames classify_all(const std::vector<StoredFrame>& stored) {
    return decode_frames(stored, [](const capture::Frame& fr) { return decode::classify(fr); });
}

class Run {
  public:
    Run(const ProbeOptions& o, const std::atomic<bool>& stop)
        : m_o(o), m_stop(stop), m_marker(Marker::random()) {}

    Expected<ProbeRun, std::string> execute() {
        if (auto err = prepare()) return unexpected(*err);
        m_cap->start();
        sleep_for(0.05, m_stop); // pcap is active once activated; this only lets the threads reach their loop
        progress("discovery", "discovering peers");
        discover();
        progress("probing", "probing " + std::to_string(m_seg.peers.size()) + " peers (" + wait_text() + ")");
        probe_all();
        progress("waiting", "waiting for answers");
        wait_for_answers();
        follow_ups();
        restore();
        sleep_for(0.1, m_stop); // the last restore frames reach the capture
        m_cap->stop();
        progress("analysis", "analysing");
        return analyse();
    }

  private:
    // Waits for answers, but not past an interruption or a lost link.
    void wait_until(Clock::time_point until) {
        while (!halted() && Clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    static Clock::duration seconds(double s) {
        return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
    }

    // How long an answer may take on this segment: the gateway's round trip scaled, within the floor and
    // --timeout.
    double answer_wait() const {
        const double w = m_rtt_s ? std::max(k_wait_floor_s, k_rtt_factor * *m_rtt_s) : k_wait_unmeasured_s;
        return std::min(w, m_o.timeout_s);
    }
    std::string wait_text() const {
        char text[96];
        if (m_rtt_s)
            std::snprintf(text, sizeof text, "gateway round trip %.2f ms, answers awaited %.2f s",
                          *m_rtt_s * 1e3, answer_wait());
        else
            std::snprintf(text, sizeof text, "no gateway round trip, answers awaited %.2f s", answer_wait());
        return text;
    }

    // The gateway's ARP round trip, between the capture's own timestamps of our request and its reply: the
    // fastest pair, as queueing only ever adds.
    std::optional<double> gateway_rtt(const DecodedFrames& d) const {
        if (!m_seg.gateway_ip) return std::nullopt;
        std::optional<std::int64_t> asked, best;
        for (std::size_t i = 0; i < d.packets.size(); ++i) {
            const auto& p = d.packets[i];
            if (d.seen[i].interface != 0 || !p.arp || !p.has_l2) continue;
            if (p.arp->op == 1 && p.src == m_seg.iface.mac && p.arp->target_ip == *m_seg.gateway_ip)
                asked = d.seen[i].ts_ns;
            else if (p.arp->op == 2 && asked && p.arp->sender_ip == *m_seg.gateway_ip &&
                     p.arp->target_ip == m_seg.iface.ipv4 && d.seen[i].ts_ns >= *asked &&
                     (!best || d.seen[i].ts_ns - *asked < *best))
                best = d.seen[i].ts_ns - *asked;
        }
        if (!best) return std::nullopt;
        return static_cast<double>(*best) / 1e9;
    }

    // Starts a phase of the timeline (closing the previous one) and tells the progress line.
    void progress(const char* phase, const std::string& label) {
        const auto now = wall_ns();
        if (!m_phases.empty()) m_phases.back().end_ns = now;
        m_phases.push_back({phase, now, now});
        if (m_o.progress) m_o.progress(label);
    }
    static std::int64_t wall_ns() {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
    bool halted() {
        if (m_stop || m_cap->failed()) m_interrupted = true;
        auto now = std::chrono::steady_clock::now();
        if (!m_interrupted && now - m_last_link_check > std::chrono::milliseconds(100)) {
            m_last_link_check = now;
            for (const auto& name : m_cap->interfaces())
                if (!interface_running(name)) {
                    m_interrupted = true;
                    m_link_problem = model::say("run.link-down", {model::arg("interface", name)});
                }
        }
        return m_interrupted;
    }

    std::optional<std::string> prepare() {
        if (auto err = select_methods()) return err;
        auto itf = describe_interface(m_o.interface);
        if (!itf) return itf.error();
        m_seg.iface = *itf;
        // Across segments nothing is swept: the subnet's size does not matter.
        if (m_seg.iface.prefix < 22 && !m_o.allow_large && !m_o.cross_segment)
            return m_o.interface + ": subnet " + network_of(m_seg.iface.ipv4, m_seg.iface.prefix).str() +
                   "/" + std::to_string(m_seg.iface.prefix) +
                   " is larger than /22: add --allow-large to sweep it";
        if (m_seg.iface.prefix > 30)
            return m_o.interface + ": subnet /" + std::to_string(m_seg.iface.prefix) +
                   " has no peers to probe";
        std::vector<std::string> names{m_o.interface};
        if (!m_o.sentinel.empty()) {
            if (m_o.sentinel == m_o.interface)
                return "--sentinel must be a second interface, not " + m_o.interface;
            auto s = describe_interface(m_o.sentinel);
            if (!s) return s.error();
            // Either subnet holding the other's address is one subnet, whichever prefix is longer.
            const int prefix = std::min(m_seg.iface.prefix, s->prefix);
            const bool same = network_of(s->ipv4, prefix) == network_of(m_seg.iface.ipv4, prefix);
            if (!same && !m_o.cross_segment)
                return m_o.sentinel + ": not on " + m_o.interface + "'s subnet " + subnet_text() +
                       " (add --cross-segment to test the separation of two segments)";
            if (same && m_o.cross_segment)
                return "--cross-segment: " + m_o.sentinel + " is on " + m_o.interface + "'s subnet " +
                       subnet_text() + ": drop --cross-segment to test that segment";
            m_seg.sentinel = *s;
            names.push_back(m_o.sentinel);
            m_seg.cross_segment = m_o.cross_segment;
            // The sentinel's side is live when its own gateway answers; a gateway off its subnet is not
            // asked: only the sentinel's own address is ever targeted off the probe's subnet.
            if (auto gw = default_gateway(m_o.sentinel);
                m_seg.cross_segment && gw && network_of(*gw, s->prefix) == network_of(s->ipv4, s->prefix))
                m_seg.sentinel_gateway_ip = gw;
        } else if (m_o.cross_segment) {
            return std::string("--cross-segment needs --sentinel (the interface on the other segment)");
        }
        if (m_o.cross_segment && !m_o.extra_peers.empty())
            return "--peer: not with --cross-segment, which probes only the sentinel (run without it to "
                   "probe " +
                   subnet_text() + ")";
        for (const auto& ip : m_o.extra_peers) {
            if (ip.family != 4 ||
                network_of(ip, m_seg.iface.prefix) != network_of(m_seg.iface.ipv4, m_seg.iface.prefix))
                return "--peer " + ip.str() + ": not in the directly connected subnet " + subnet_text();
            // Frames to these would reach every host at once or come back to us: neither proves anything
            // about a peer.
            const auto host_bits = m_seg.iface.prefix >= 32 ? 0u : 0xffffffffu >> m_seg.iface.prefix;
            if (ip == network_of(ip, m_seg.iface.prefix) || (ip.v4_host_order() & host_bits) == host_bits)
                return "--peer " + ip.str() + ": the network or broadcast address of " + subnet_text() +
                       ", not a peer";
            if (ip == m_seg.iface.ipv4 || (m_seg.sentinel && ip == m_seg.sentinel->ipv4))
                return "--peer " + ip.str() + ": an address of this host, not a peer";
        }
        m_seg.gateway_ip = default_gateway(m_o.interface);
        auto cap = LiveCapture::open(names);
        if (!cap) return cap.error();
        m_cap = std::move(cap.value());
        auto tx = Sender::open(m_o.interface, m_seg.iface.index, m_o.rate_pps);
        if (!tx) return tx.error();
        m_tx.emplace(std::move(tx.value()));
        if (m_seg.sentinel) {
            auto stx = Sender::open(m_o.sentinel, m_seg.sentinel->index, m_o.rate_pps);
            if (!stx) return stx.error();
            m_stx.emplace(std::move(stx.value()));
        }
        return std::nullopt;
    }

    std::optional<std::string> select_methods() {
        if (m_o.methods.empty()) {
            for (const auto* m : probes::all_methods())
                if (!m->intrusive() || m_o.intrusive) m_methods.push_back(m);
            return std::nullopt;
        }
        for (const auto& name : m_o.methods) {
            const auto* m = probes::find_method(name);
            if (!m) return "--methods: unknown method '" + name + "' (known: " + join(method_names()) + ")";
            if (m->intrusive() && !m_o.intrusive)
                return "--methods: " + name + " is intrusive: add --intrusive to allow it";
            m_methods.push_back(m);
        }
        return std::nullopt;
    }

    static std::string join(const std::vector<std::string>& v) {
        std::string s;
        for (const auto& x : v)
            s += (s.empty() ? "" : ", ") + x;
        return s;
    }
    std::string subnet_text() const {
        return network_of(m_seg.iface.ipv4, m_seg.iface.prefix).str() + "/" +
               std::to_string(m_seg.iface.prefix);
    }

    bool send(Sender& tx, const std::vector<std::uint8_t>& frame) {
        if (halted()) return false;
        auto ok = tx.send(frame);
        if (!ok) {
            m_send_errors.push_back(ok.error());
            return false;
        }
        if (&tx == &*m_tx) {
            m_sent.frames.insert(frame);
            ++m_sent.count;
        }
        m_last_send = Clock::now();
        return true;
    }

    static MacAddr broadcast() {
        MacAddr b;
        b.b.fill(0xff);
        return b;
    }

    void discover() {
        const std::string marker = m_marker.text(k_discovery_id);
        // The gateway first: its reply times the round trip that every wait scales with, while the sweep
        // runs.
        if (m_seg.gateway_ip)
            send(*m_tx, frames::arp_request(broadcast(), m_seg.iface.mac, m_seg.iface.ipv4, *m_seg.gateway_ip,
                                            marker));
        // Across segments only the sentinel is probed: the probe's own segment needs no sweep.
        auto mdns_asked = Clock::now();
        if (!m_seg.cross_segment) mdns_asked = sweep(marker);
        m_rtt_s = gateway_rtt(classify_all(m_cap->snapshot()));
        wait_until(
            std::max(m_last_send + seconds(answer_wait()),
                     mdns_asked + seconds(answer_wait() + probes::find_method("mdns")->answer_delay_s())));
        learn();
        // The gateway must never be taken for a terminal: ask it again, then look in the kernel's neighbour
        // table.
        for (int attempt = 1;
             attempt < k_gateway_attempts && m_seg.gateway_ip && !m_seg.gateway_mac && !halted(); ++attempt) {
            send(*m_tx, frames::arp_request(broadcast(), m_seg.iface.mac, m_seg.iface.ipv4, *m_seg.gateway_ip,
                                            marker));
            wait_until(m_last_send + seconds(answer_wait()));
            learn();
            if (!m_rtt_s) m_rtt_s = gateway_rtt(classify_all(m_cap->snapshot()));
        }
        if (m_seg.gateway_ip && !m_seg.gateway_mac) {
            m_seg.gateway_mac = neighbour_mac(m_o.interface, *m_seg.gateway_ip);
            if (m_seg.gateway_mac) {
                m_gateway_from_kernel = true;
                learn();
            }
        }
        // Stations heard passively on the probe's segment are not what a cross-segment run tests.
        if (m_seg.cross_segment) m_seg.peers.clear();
        if (m_seg.sentinel)
            m_seg.peers.insert(m_seg.peers.begin(), Peer{m_seg.sentinel->mac, m_seg.sentinel->ipv4,
                                                         m_seg.sentinel->ipv6, true, "sentinel"});
    }

    // Asks the whole subnet: mDNS, ARP for every address, IPv6 all-nodes; returns when mDNS was asked.
    Clock::time_point sweep(const std::string& marker) {
        // The mDNS query before the sweep: responders hold their answers back (RFC 6762 6), and those answers
        // then arrive while the sweep is still being paced out.
        const IpAddr mdns = *IpAddr::parse("224.0.0.251");
        send(*m_tx,
             frames::udp(frames::multicast_mac(mdns), m_seg.iface.mac, m_seg.iface.ipv4, mdns, 5353, 5353,
                         frames::dns_query(0, {{"_services._dns-sd._udp.local", 12}, {marker + ".local", 1}},
                                           false)));
        const auto mdns_asked = Clock::now();
        std::uint32_t net = network_of(m_seg.iface.ipv4, m_seg.iface.prefix).v4_host_order();
        std::uint32_t hosts = (1u << (32 - m_seg.iface.prefix)) - 2;
        for (std::uint32_t i = 1; i <= hosts && !halted(); ++i) {
            IpAddr target = IpAddr::v4(net + i);
            if (target == m_seg.iface.ipv4 || (m_seg.sentinel && target == m_seg.sentinel->ipv4) ||
                target == m_seg.gateway_ip)
                continue;
            send(*m_tx, frames::arp_request(broadcast(), m_seg.iface.mac, m_seg.iface.ipv4, target, marker));
        }
        // After the sweep: every IPv6 host answers at once (and resolves our address first), a burst that
        // would crowd out ARP replies to the sweep.
        if (!m_seg.iface.ipv6.empty()) {
            const IpAddr all_nodes = *IpAddr::parse("ff02::1");
            send(*m_tx, frames::icmpv6_echo(frames::multicast_mac(all_nodes), m_seg.iface.mac,
                                            m_seg.iface.ipv6.front(), all_nodes, 0x1500, 1, marker));
        }
        return mdns_asked;
    }

    void learn() {
        m_found = learn_segment(classify_all(m_cap->snapshot()).probe_side(), m_seg, m_o.extra_peers);
        m_seg.gateway_mac = m_found.gateway_mac;
        m_seg.peers = m_found.peers;
    }

    // The controls are repeated like the probes until they are answered.
    void send_controls(const MatchFacts* facts) {
        if (m_seg.gateway_mac && m_seg.gateway_ip && !(facts && facts->gateway_echo))
            send(*m_tx, frames::icmp_echo(*m_seg.gateway_mac, m_seg.iface.mac, m_seg.iface.ipv4,
                                          *m_seg.gateway_ip, 0x15c0, 1, m_marker.text(k_control_id)));
        // The sentinel asks the probe's gateway (same segment: the same MAC must answer) or, across segments,
        // its own.
        const auto& sentinel_gateway = m_seg.cross_segment ? m_seg.sentinel_gateway_ip : m_seg.gateway_ip;
        if (m_stx && sentinel_gateway && !(facts && facts->sentinel_gateway))
            send(*m_stx, frames::arp_request(broadcast(), m_seg.sentinel->mac, m_seg.sentinel->ipv4,
                                             *sentinel_gateway, m_marker.text(k_sentinel_control_id)));
    }

    // One record per method and peer: not run (with the reason) or sent and awaiting an answer.
    void plan() {
        for (const auto* method : m_methods)
            for (std::size_t i = 0; i < m_seg.peers.size(); ++i) {
                const Peer& peer = m_seg.peers[i];
                ProbeRecord r{i, method, m_next_id++, ProbeOutcome::no_reply, {}, {}};
                if (auto why_not = why_not_run(m_seg, *method, peer)) {
                    r.outcome = ProbeOutcome::not_run;
                    r.notes.push_back(*why_not);
                }
                m_sent.records.push_back(std::move(r));
            }
    }

    // Rounds over every peer, each method of each peer in turn: while one round is paced out, the answers to
    // its first frames come in, so only its last frames still need a wait before the next round asks again.
    void probe_all() {
        plan();
        send_controls(nullptr);
        for (const auto& r : m_sent.records)
            m_pending.push_back(r.outcome == ProbeOutcome::no_reply);
        m_sent_at.resize(m_sent.records.size());
        for (int round = 0; round < k_rounds && !halted(); ++round) {
            if (round > 0) {
                wait_until(m_last_send + seconds(answer_wait()));
                if (halted()) break;
                const auto m = refresh(false);
                send_controls(&m.facts);
                if (std::find(m_pending.begin(), m_pending.end(), true) == m_pending.end()) break;
            }
            send_round(round == 0);
        }
        // Records answered before their turn (by discovery or another method's answer) needed no frame.
        for (std::size_t i = 0; i < m_sent.records.size(); ++i) {
            ProbeRecord& r = m_sent.records[i];
            if (r.outcome == ProbeOutcome::no_reply && m_pending[i] && !m_sent_ids.count(r.id)) {
                r.outcome = ProbeOutcome::not_run;
                r.notes.push_back(model::say("probe.interrupted-before"));
            }
        }
    }

    // Matches the capture so far and drops from m_pending what no longer needs a frame: in the first round
    // what is answered already, later what is not worth repeating.
    MatchResult refresh(bool first_round) {
        auto m = match_probes(m_seg, m_marker, m_sent, classify_all(m_cap->snapshot()).seen, false);
        m_last_match = Clock::now();
        for (std::size_t i = 0; i < m_pending.size(); ++i) {
            const ProbeRecord& r = m.records[i];
            m_pending[i] =
                m_pending[i] && (first_round ? r.method->intrusive() || r.outcome != ProbeOutcome::reached
                                             : worth_repeating(r));
        }
        return m;
    }

    // Repeats fight loss only: an answer, a refusal by the peer itself, a method no peer can answer (except
    // the sentinel, by receiving it) and a port steal (sent once, it is what changes the segment) get none.
    bool worth_repeating(const ProbeRecord& r) const {
        const bool sentinel = m_seg.peers[r.peer].sentinel;
        return r.outcome == ProbeOutcome::no_reply && !r.method->intrusive() && !r.refused &&
               (sentinel || !r.method->silent());
    }

    // After the last round: a wait for what is still unanswered, as long as its protocol may hold the answer
    // back; traffic for a stolen address comes whenever its senders next send, so a steal is watched for the
    // whole --timeout.
    void wait_for_answers() {
        auto until = m_last_send + seconds(answer_wait());
        for (std::size_t i = 0; i < m_pending.size(); ++i) {
            const ProbeRecord& r = m_sent.records[i];
            if (r.method->intrusive() && m_sent_ids.count(r.id))
                until = std::max(until, m_last_send + seconds(m_o.timeout_s));
            // The sentinel's proof is its own capture: nothing is held back there.
            else if (m_pending[i] && !m_seg.peers[r.peer].sentinel)
                until = std::max(
                    until, m_sent_at[i] +
                               seconds(std::min(answer_wait() + r.method->answer_delay_s(), m_o.timeout_s)));
        }
        wait_until(until);
    }

    // Methods whose responders may hold their answer back go first in every round: their delay then passes
    // while the rest of the round is paced out.
    std::vector<std::size_t> sending_order() const {
        std::vector<std::size_t> order(m_sent.records.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return m_sent.records[a].method->answer_delay_s() > m_sent.records[b].method->answer_delay_s();
        });
        return order;
    }

    void send_round(bool first_round) {
        std::set<const Method*> group_sent;
        const Method* turn = nullptr;
        for (std::size_t i : sending_order()) {
            if (!m_pending[i] || halted()) continue;
            ProbeRecord& r = m_sent.records[i];
            // Each method's turn starts with a fresh look at the capture, once answers can have come in since
            // the last one: replies to discovery and to earlier methods often answer it already (a peer's ARP
            // reply to the sweep, an echo reply that gateway-bounce's echo would get too), and the rate
            // budget goes to what is still open.
            if (r.method != turn) {
                turn = r.method;
                if (Clock::now() >= m_last_match + seconds(answer_wait())) refresh(first_round);
                if (!m_pending[i]) continue;
            }
            if (r.method->intrusive() && !m_sent.first_sent_ns.count(r.id))
                m_sent.first_sent_ns[r.id] = wall_ns();
            // A frame that could not go out leaves the record without proof either way.
            auto failed = [&] {
                if (!m_interrupted) {
                    r.outcome = ProbeOutcome::error;
                    r.notes.push_back(system_message(m_send_errors.back()));
                }
            };
            bool sent_all = true;
            for (const auto& out : r.method->frames(m_seg, m_seg.peers[r.peer], m_marker.text(r.id))) {
                if (out.group && !group_sent.insert(r.method).second) continue;
                if (!send(*m_tx, out.frame)) {
                    failed();
                    sent_all = false;
                    break;
                }
                if (out.group) m_sent.group_method[r.id] = r.method;
                m_sent_ids.insert(r.id);
                m_sent_at[i] = m_last_send;
            }
            if (sent_all && m_stx && m_seg.peers[r.peer].sentinel)
                for (const auto& out : r.method->sentinel_frames(m_seg, m_marker.text(r.id)))
                    if (!send(*m_stx, out.frame)) {
                        failed();
                        break;
                    }
        }
    }

    void follow_ups() {
        auto m = match_probes(m_seg, m_marker, m_sent, classify_all(m_cap->snapshot()).seen, false);
        for (std::size_t i = 0; i < m.records.size(); ++i) {
            ProbeRecord& r = m_sent.records[i];
            if (m.records[i].outcome != ProbeOutcome::reached || halted()) continue;
            if (auto extra = r.method->follow_up(m_seg, m_seg.peers[r.peer])) r.notes.push_back(*extra);
        }
    }

    void restore() {
        for (const auto& r : m_sent.records) {
            if (!r.method->intrusive() || r.outcome == ProbeOutcome::not_run) continue;
            for (const auto& out : r.method->restore(m_seg, m_seg.peers[r.peer], m_marker.text(r.id))) {
                auto ok = m_tx->send(out.frame); // even when interrupted: undo what we changed
                if (ok) m_sent.frames.insert(out.frame);
            }
        }
    }

    Expected<ProbeRun, std::string> analyse();

    const ProbeOptions& m_o;
    const std::atomic<bool>& m_stop;
    Marker m_marker;
    Segment m_seg;
    Discovered m_found;
    bool m_gateway_from_kernel = false;
    std::vector<const Method*> m_methods;
    std::unique_ptr<LiveCapture> m_cap;
    std::optional<Sender> m_tx, m_stx;
    SentProbes m_sent;
    std::vector<bool> m_pending; // per record: sent in the latest round, no answer known before it
    std::vector<Clock::time_point> m_sent_at; // per record: when its latest frame went out
    std::set<std::uint32_t> m_sent_ids;       // records at least one frame of which went out
    std::optional<double> m_rtt_s;            // the gateway's ARP round trip
    Clock::time_point m_last_send{};
    Clock::time_point m_last_match{};
    std::uint32_t m_next_id = 1;
    std::vector<model::Phase> m_phases;
    bool m_interrupted = false;
    std::vector<std::string> m_send_errors;
    std::optional<model::Sentence> m_link_problem;
    std::chrono::steady_clock::time_point m_last_link_check{};
};

model::Endpoint endpoint(const Peer& p) {
    return model::Endpoint{p.mac, p.ipv4};
}

} // namespace

Expected<ProbeRun, std::string> Run::analyse() {
    auto stored = m_cap->take();
    ProbeRun out;
    model::Report& rep = out.report;
    rep.command = "probe";
    rep.interrupted = m_interrupted;

    std::vector<std::string> names{m_o.interface};
    if (m_seg.sentinel) names.push_back(m_o.sentinel);
    capture::PcapngWriter pcapng(names);
    analyze::RoleHints hints;
    hints.self = m_seg.iface.mac;
    hints.self_how = "the probe's own interface " + m_o.interface;
    if (m_seg.gateway_mac) hints.gateways.push_back(*m_seg.gateway_mac);
    hints.gateway_ip = m_seg.gateway_ip;
    hints.subnet = std::make_pair(network_of(m_seg.iface.ipv4, m_seg.iface.prefix), m_seg.iface.prefix);
    // The passive watch is the probe interface's view, analysed exactly as `inspect` would analyse it; the
    // matcher reads the packets that analysis decoded.
    analyze::Analysis analysis(hints);
    // Frames we forged with another station's MAC (--intrusive) are ours, not that station's: the passive
    // watch never sees them.
    auto forged = [&](const capture::Frame& fr) {
        return fr.bytes.size() >= 12 &&
               !std::equal(m_seg.iface.mac.b.begin(), m_seg.iface.mac.b.end(), fr.bytes.begin() + 6) &&
               m_sent.frames.count(std::vector<std::uint8_t>(fr.bytes.begin(), fr.bytes.end())) > 0;
    };
    model::AnalysisInputs::Live replay; // what `isoprobe verify` needs to run this analysis again
    auto decoded = decode_frames(stored, [&](const capture::Frame& fr) {
        if (fr.interface == 0 && forged(fr)) replay.forged_frames.push_back(fr.number);
        return fr.interface == 0 && !forged(fr) ? analysis.feed(fr) : decode::classify(fr);
    });
    for (const auto& f : stored)
        pcapng.add(f.interface, f.ts_ns, f.orig_len, Bytes(f.bytes));
    out.pcapng = pcapng.bytes();
    const auto watched = analysis.finish(rep);
    rep.capture.files.push_back(
        {m_o.interface + (m_seg.sentinel ? "+" + m_o.sentinel : std::string()) + " (live)", 1,
         stored.size()});
    const MatchResult matched = match_probes(m_seg, m_marker, m_sent, decoded.seen, true);

    model::SegmentInfo seg;
    seg.interface = m_o.interface;
    seg.sentinel = m_o.sentinel;
    seg.address = m_seg.iface.ipv4;
    seg.subnet = subnet_text();
    if (m_seg.gateway_ip) seg.gateway = model::Endpoint{m_seg.gateway_mac, *m_seg.gateway_ip};
    for (const auto& p : m_seg.peers)
        seg.peers.push_back({endpoint(p), p.ipv6, p.sentinel, p.found_by});
    std::string probe_segment, sentinel_segment;
    if (m_seg.cross_segment) {
        const auto& s = *m_seg.sentinel;
        model::SentinelSegment other{
            s.ipv4, network_of(s.ipv4, s.prefix).str() + "/" + std::to_string(s.prefix), std::nullopt};
        if (m_seg.sentinel_gateway_ip)
            other.gateway = model::Endpoint{matched.facts.sentinel_gateway_mac, *m_seg.sentinel_gateway_ip};
        probe_segment = seg.subnet + " (" + m_o.interface + ")";
        sentinel_segment = other.subnet + " (" + m_o.sentinel + ")";
        seg.sentinel_segment = std::move(other);
    }
    rep.segment = std::move(seg);
    if (m_found.proxy_arp)
        rep.observations.push_back(
            proxy_arp_observation(m_found, m_seg.gateway_mac && *m_found.proxy_arp == *m_seg.gateway_mac));
    for (const auto& mac : m_found.routers)
        rep.observations.push_back(model::say("obs.router", {model::arg("mac", mac.str())}));
    for (const auto& o : matched.facts.observations)
        rep.observations.push_back(o);

    for (const auto& r : matched.records)
        rep.probes.push_back({endpoint(m_seg.peers[r.peer]), m_seg.peers[r.peer].sentinel,
                              std::string(r.method->name()), r.outcome, r.frames, r.notes});

    std::uint64_t dropped = 0;
    std::vector<model::Sentence> capture_errors;
    if (m_link_problem) capture_errors.push_back(*m_link_problem);
    for (const auto& s : m_cap->stats()) {
        dropped += s.dropped + s.if_dropped + s.over_limit;
        if (!s.error.empty()) capture_errors.push_back(system_message(s.error));
    }
    rep.capture.dropped = dropped;
    rep.controls = positive_controls(
        {matched.facts, m_sent.count, m_o.interface, m_seg.sentinel ? m_o.sentinel : "", m_seg.cross_segment,
         m_seg.sentinel_gateway_ip, m_seg.gateway_ip, m_seg.gateway_mac, m_gateway_from_kernel,
         k_gateway_attempts, dropped, capture_errors,
         m_send_errors.empty() ? std::nullopt : std::optional(system_message(m_send_errors.front()))});

    const verdict::LiveRunEvidence live{
        m_o.sentinel,
        m_seg.gateway_mac.has_value(),
        capture_errors.empty()
            ? std::nullopt
            : std::optional(model::say(
                  "run.problems", {model::arg("problems", capture_errors, model::Param::Join::semicolon)})),
        k_rounds,
        matched.facts.sentinel_gateway,
        probe_segment,
        sentinel_segment};
    verdict::decide({watched, std::nullopt, live, std::nullopt}, rep);
    if (!m_phases.empty()) m_phases.back().end_ns = wall_ns();
    auto& run = rep.run.emplace();
    run.phases = std::move(m_phases);
    replay.marker_prefix = m_marker.prefix();
    static_cast<model::LiveRunFacts&>(replay) = live;
    run.analysis = analyze::analysis_inputs(hints);
    run.analysis->live = std::move(replay);
    return out;
}

Expected<ProbeRun, std::string> run_probe(const ProbeOptions& options, const std::atomic<bool>& stop) {
    Run run(options, stop);
    return run.execute();
}

std::vector<std::string> method_names() {
    std::vector<std::string> names;
    for (const auto* m : probes::all_methods())
        names.emplace_back(m->name());
    return names;
}

} // namespace isoprobe::probe
