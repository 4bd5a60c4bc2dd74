#include "probe/engine.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <thread>

#include "analyze/analysis.hpp"
#include "capture/pcapng_writer.hpp"
#include "probe/discovery.hpp"
#include "probe/frames.hpp"
#include "probe/live_capture.hpp"
#include "probe/marker.hpp"
#include "probe/sender.hpp"
#include "probes/registry.hpp"

namespace isoprobe::probe {

namespace {

using report::ProbeOutcome;
constexpr std::uint32_t k_control_id = 0xc0000000u;
constexpr std::uint32_t k_sentinel_control_id = 0xc0000001u;
constexpr std::uint32_t k_discovery_id = 0xd0000000u;
constexpr std::size_t k_max_evidence = 5;

struct Record {
    std::size_t peer = 0;
    const Method* method = nullptr;
    std::uint32_t id = 0;
    ProbeOutcome outcome = ProbeOutcome::not_run;
    std::vector<std::uint64_t> frames;
    std::vector<std::string> notes;
};

void sleep_for(double seconds, const std::atomic<bool>& stop) {
    auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (!stop && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(20));
}


class Run {
  public:
    Run(const ProbeOptions& o, const std::atomic<bool>& stop) : m_o(o), m_stop(stop), m_marker(Marker::random()) {}

    Expected<ProbeRun, std::string> execute() {
        if (auto err = prepare()) return unexpected(*err);
        m_cap->start();
        sleep_for(0.05, m_stop); // pcap is active once activated; this only lets the threads reach their loop
        progress("discovery", "discovering peers");
        discover();
        send_controls();
        progress("probing", "probing " + std::to_string(m_seg.peers.size()) + " peers");
        probe_all();
        wait(m_o.timeout_s);
        follow_ups();
        restore();
        sleep_for(0.1, m_stop); // the last restore frames reach the capture
        m_cap->stop();
        progress("analysis", "analysing");
        return analyse();
    }

  private:
    // Waits for answers, but not past an interruption or a lost link.
    void wait(double seconds) {
        auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
        while (!halted() && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }

    // Starts a phase of the timeline (closing the previous one) and tells the progress line.
    void progress(const char* phase, const std::string& label) {
        const auto now = wall_ns();
        if (!m_phases.empty()) m_phases.back().end_ns = now;
        m_phases.push_back({phase, now, now});
        if (m_o.progress) m_o.progress(label);
    }
    static std::int64_t wall_ns() {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    }
    bool halted() {
        if (m_stop || m_cap->failed()) m_interrupted = true;
        auto now = std::chrono::steady_clock::now();
        if (!m_interrupted && now - m_last_link_check > std::chrono::milliseconds(100)) {
            m_last_link_check = now;
            for (const auto& name : m_cap->interfaces())
                if (!interface_running(name)) {
                    m_interrupted = true;
                    m_link_problem = name + " went down during the run";
                }
        }
        return m_interrupted;
    }

    std::optional<std::string> prepare() {
        if (auto err = select_methods()) return err;
        auto itf = describe_interface(m_o.interface);
        if (!itf) return itf.error();
        m_seg.iface = *itf;
        if (m_seg.iface.prefix < 22 && !m_o.allow_large)
            return m_o.interface + ": subnet " + network_of(m_seg.iface.ipv4, m_seg.iface.prefix).str() + "/" +
                   std::to_string(m_seg.iface.prefix) + " is larger than /22: add --allow-large to sweep it";
        if (m_seg.iface.prefix > 30) return m_o.interface + ": subnet /" + std::to_string(m_seg.iface.prefix) + " has no peers to probe";
        std::vector<std::string> names{m_o.interface};
        if (!m_o.sentinel.empty()) {
            if (m_o.sentinel == m_o.interface) return "--sentinel must be a second interface, not " + m_o.interface;
            auto s = describe_interface(m_o.sentinel);
            if (!s) return s.error();
            if (network_of(s->ipv4, m_seg.iface.prefix) != network_of(m_seg.iface.ipv4, m_seg.iface.prefix))
                return m_o.sentinel + ": not on " + m_o.interface + "'s subnet " + subnet_text();
            m_seg.sentinel = *s;
            names.push_back(m_o.sentinel);
        }
        for (const auto& ip : m_o.extra_peers) {
            if (ip.family != 4 || network_of(ip, m_seg.iface.prefix) != network_of(m_seg.iface.ipv4, m_seg.iface.prefix))
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
            if (m->intrusive() && !m_o.intrusive) return "--methods: " + name + " is intrusive: add --intrusive to allow it";
            m_methods.push_back(m);
        }
        return std::nullopt;
    }

    static std::string join(const std::vector<std::string>& v) {
        std::string s;
        for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
        return s;
    }
    std::string subnet_text() const {
        return network_of(m_seg.iface.ipv4, m_seg.iface.prefix).str() + "/" + std::to_string(m_seg.iface.prefix);
    }

    bool send(Sender& tx, const std::vector<std::uint8_t>& frame) {
        if (halted()) return false;
        auto ok = tx.send(frame);
        if (!ok) {
            m_send_errors.push_back(ok.error());
            return false;
        }
        if (&tx == &*m_tx) {
            m_sent.insert(frame);
            ++m_sent_count;
        }
        return true;
    }

    void discover() {
        MacAddr broadcast;
        broadcast.b.fill(0xff);
        const std::string marker = m_marker.text(k_discovery_id);
        std::uint32_t net = network_of(m_seg.iface.ipv4, m_seg.iface.prefix).v4_host_order();
        std::uint32_t hosts = (1u << (32 - m_seg.iface.prefix)) - 2;
        for (std::uint32_t i = 1; i <= hosts && !halted(); ++i) {
            IpAddr target = IpAddr::v4(net + i);
            if (target == m_seg.iface.ipv4 || (m_seg.sentinel && target == m_seg.sentinel->ipv4)) continue;
            send(*m_tx, frames::arp_request(broadcast, m_seg.iface.mac, m_seg.iface.ipv4, target, marker));
        }
        const IpAddr mdns = *IpAddr::parse("224.0.0.251");
        send(*m_tx, frames::udp(frames::multicast_mac(mdns), m_seg.iface.mac, m_seg.iface.ipv4, mdns, 5353, 5353,
                                frames::dns_query(0, {{"_services._dns-sd._udp.local", 12}, {marker + ".local", 1}}, false)));
        if (!m_seg.iface.ipv6.empty()) {
            const IpAddr all_nodes = *IpAddr::parse("ff02::1");
            send(*m_tx, frames::icmpv6_echo(frames::multicast_mac(all_nodes), m_seg.iface.mac, m_seg.iface.ipv6.front(), all_nodes, 0x1500, 1, marker));
        }
        wait(std::max(0.5, m_o.timeout_s / 2));
        auto seen = m_cap->snapshot();
        Discovered d = learn_segment(seen, m_seg, m_o.extra_peers);
        m_seg.gateway_mac = d.gateway_mac;
        m_seg.peers = std::move(d.peers);
        if (m_seg.sentinel)
            m_seg.peers.insert(m_seg.peers.begin(), Peer{m_seg.sentinel->mac, m_seg.sentinel->ipv4, m_seg.sentinel->ipv6, true, "sentinel"});
    }

    void send_controls() {
        if (m_seg.gateway_mac && m_seg.gateway_ip)
            send(*m_tx, frames::icmp_echo(*m_seg.gateway_mac, m_seg.iface.mac, m_seg.iface.ipv4, *m_seg.gateway_ip, 0x15c0, 1, m_marker.text(k_control_id)));
        if (m_stx && m_seg.gateway_ip) {
            MacAddr broadcast;
            broadcast.b.fill(0xff);
            send(*m_stx, frames::arp_request(broadcast, m_seg.sentinel->mac, m_seg.sentinel->ipv4, *m_seg.gateway_ip, m_marker.text(k_sentinel_control_id)));
        }
    }

    void probe_all() {
        for (const auto* method : m_methods) {
            bool group_sent = false;
            std::uint32_t group_id = 0;
            for (std::size_t i = 0; i < m_seg.peers.size(); ++i) {
                const Peer& peer = m_seg.peers[i];
                Record r{i, method, m_next_id++, ProbeOutcome::not_run, {}, {}};
                auto why_not = peer.ipv4.empty() && method->name() != "ipv6" ? std::optional<std::string>("no IPv4 address known for the peer")
                                                                             : method->unavailable(m_seg, peer);
                if (why_not) {
                    r.notes.push_back(*why_not);
                } else if (halted()) {
                    r.notes.push_back("the run was interrupted before this method ran");
                } else {
                    r.outcome = ProbeOutcome::no_reply;
                    for (const auto& out : method->frames(m_seg, peer, m_marker.text(r.id))) {
                        if (out.group && group_sent) continue;
                        if (!send(*m_tx, out.frame)) {
                            r.outcome = m_interrupted ? ProbeOutcome::not_run : ProbeOutcome::error;
                            r.notes.push_back(m_interrupted ? "interrupted" : m_send_errors.back());
                            break;
                        }
                        if (out.group) {
                            group_sent = true;
                            group_id = r.id;
                        }
                    }
                }
                m_by_id[r.id] = m_records.size();
                m_records.push_back(std::move(r));
            }
            if (group_sent) m_group_method[group_id] = method;
        }
        progress("waiting", "waiting for answers");
    }

    // Matching runs twice: once before follow-ups (to know who answered), and finally over the whole capture.
    void match(const std::vector<StoredFrame>& frames, bool final_pass) {
        for (auto& r : m_records) {
            r.frames.clear();
            if (r.outcome == ProbeOutcome::reached) r.outcome = ProbeOutcome::no_reply;
        }
        m_control_gateway_icmp = m_control_sentinel = false;
        m_own_seen = 0;
        for (std::size_t n = 0; n < frames.size(); ++n) {
            const StoredFrame& f = frames[n];
            auto fr = as_frame(f, n + 1);
            auto p = decode::classify(fr);
            auto id = m_marker.find(fr.bytes);
            if (f.interface == 1) {
                sentinel_frame(p, id, n + 1);
                continue;
            }
            if (m_sent.count(f.bytes)) {
                ++m_own_seen;
                continue;
            }
            if (id && *id == k_control_id && p.icmp_type == 0) m_control_gateway_icmp = true;
            if (id) {
                // Our marker coming back (echo replies, ICMP errors quoting the probe) from the probed peer itself.
                if (auto it = m_by_id.find(*id); it != m_by_id.end()) {
                    Record& r = m_records[it->second];
                    if (!r.method->intrusive() && peer_matches(m_seg.peers[r.peer], p)) reached(r, n + 1, "answered with our marker");
                }
                if (auto g = m_group_method.find(*id); g != m_group_method.end())
                    for (auto& r : m_records)
                        if (r.method == g->second && peer_matches(m_seg.peers[r.peer], p)) reached(r, n + 1, "answered our group probe");
            }
            for (auto& r : m_records)
                if (r.outcome != ProbeOutcome::not_run && r.outcome != ProbeOutcome::error && r.method->is_answer(m_seg, m_seg.peers[r.peer], p))
                    reached(r, n + 1, "");
        }
        if (final_pass)
            for (auto& r : m_records)
                if (r.outcome == ProbeOutcome::no_reply && m_seg.peers[r.peer].sentinel) r.outcome = ProbeOutcome::not_reached;
    }

    static bool peer_matches(const Peer& peer, const decode::Packet& p) {
        return (peer.mac && p.src == *peer.mac) || (!p.ip_src.empty() && p.ip_src == peer.ipv4) ||
               std::find(peer.ipv6.begin(), peer.ipv6.end(), p.ip_src) != peer.ipv6.end();
    }

    void sentinel_frame(const decode::Packet& p, std::optional<std::uint32_t> id, std::uint64_t number) {
        if (p.arp && p.arp->op == 2 && m_seg.gateway_ip && p.arp->sender_ip == *m_seg.gateway_ip) m_control_sentinel = true;
        if (!id || !p.has_l2 || p.src == m_seg.sentinel->mac) return;
        const Method* method = nullptr;
        if (auto it = m_by_id.find(*id); it != m_by_id.end()) method = m_records[it->second].method;
        if (auto g = m_group_method.find(*id); g != m_group_method.end()) method = g->second;
        if (!method) return;
        for (auto& r : m_records)
            if (r.method == method && m_seg.peers[r.peer].sentinel && r.outcome != ProbeOutcome::not_run)
                reached(r, number, "the sentinel received it");
    }

    static void reached(Record& r, std::uint64_t frame, const std::string& note) {
        r.outcome = ProbeOutcome::reached;
        if (r.frames.size() < k_max_evidence && std::find(r.frames.begin(), r.frames.end(), frame) == r.frames.end())
            r.frames.push_back(frame);
        if (!note.empty() && std::find(r.notes.begin(), r.notes.end(), note) == r.notes.end()) r.notes.push_back(note);
    }

    void follow_ups() {
        match(m_cap->snapshot(), false);
        for (auto& r : m_records) {
            if (r.outcome != ProbeOutcome::reached || halted()) continue;
            if (auto extra = r.method->follow_up(m_seg, m_seg.peers[r.peer])) r.notes.push_back(*extra);
        }
    }

    void restore() {
        for (const auto& r : m_records) {
            if (!r.method->intrusive() || r.outcome == ProbeOutcome::not_run) continue;
            for (const auto& out : r.method->restore(m_seg, m_seg.peers[r.peer], m_marker.text(r.id))) {
                auto ok = m_tx->send(out.frame); // even when interrupted: undo what we changed
                if (ok) m_sent.insert(out.frame);
            }
        }
    }

    Expected<ProbeRun, std::string> analyse();

    const ProbeOptions& m_o;
    const std::atomic<bool>& m_stop;
    Marker m_marker;
    Segment m_seg;
    std::vector<const Method*> m_methods;
    std::unique_ptr<LiveCapture> m_cap;
    std::optional<Sender> m_tx, m_stx;
    std::set<std::vector<std::uint8_t>> m_sent;
    std::uint64_t m_sent_count = 0, m_own_seen = 0;
    std::vector<Record> m_records;
    std::map<std::uint32_t, std::size_t> m_by_id;
    std::map<std::uint32_t, const Method*> m_group_method;
    std::uint32_t m_next_id = 1;
    std::vector<report::Phase> m_phases;
    bool m_interrupted = false, m_control_gateway_icmp = false, m_control_sentinel = false;
    std::vector<std::string> m_send_errors;
    std::string m_link_problem;
    std::chrono::steady_clock::time_point m_last_link_check{};

};

} // namespace

namespace {

report::Endpoint endpoint(const Peer& p) { return report::Endpoint{p.mac, p.ipv4}; }

} // namespace

Expected<ProbeRun, std::string> Run::analyse() {
    auto frames = m_cap->take();
    match(frames, true);
    ProbeRun out;
    report::Report& rep = out.report;
    rep.command = "probe";
    rep.interrupted = m_interrupted;

    std::vector<std::string> names{m_o.interface};
    if (m_seg.sentinel) names.push_back(m_o.sentinel);
    capture::PcapngWriter pcapng(names);
    analyze::RoleHints hints;
    hints.self = m_seg.iface.mac;
    hints.self_how = "the probe's own interface " + m_o.interface;
    hints.gateway = m_seg.gateway_mac;
    hints.gateway_ip = m_seg.gateway_ip;
    hints.subnet = std::make_pair(network_of(m_seg.iface.ipv4, m_seg.iface.prefix), m_seg.iface.prefix);
    // The passive watch is the probe interface's view, analysed exactly as `inspect` would analyse it.
    analyze::Analysis analysis(hints);
    for (std::size_t n = 0; n < frames.size(); ++n) {
        pcapng.add(frames[n].interface, frames[n].ts_ns, frames[n].orig_len, Bytes(frames[n].bytes));
        if (frames[n].interface == 0) analysis.feed(as_frame(frames[n], n + 1));
    }
    out.pcapng = pcapng.bytes();
    analysis.finish(rep);
    rep.capture.files.push_back({m_o.interface + (m_seg.sentinel ? "+" + m_o.sentinel : std::string()) + " (live)", 1, frames.size()});

    report::SegmentInfo seg;
    seg.interface = m_o.interface;
    seg.sentinel = m_o.sentinel;
    seg.address = m_seg.iface.ipv4;
    seg.subnet = subnet_text();
    if (m_seg.gateway_ip) seg.gateway = report::Endpoint{m_seg.gateway_mac, *m_seg.gateway_ip};
    for (const auto& p : m_seg.peers) seg.peers.push_back({endpoint(p), p.ipv6, p.sentinel, p.found_by});
    rep.segment = std::move(seg);

    for (const auto& r : m_records)
        rep.probes.push_back({endpoint(m_seg.peers[r.peer]), m_seg.peers[r.peer].sentinel, std::string(r.method->name()), r.outcome, r.frames, r.notes});

    auto stats = m_cap->stats();
    std::uint64_t dropped = 0;
    std::string capture_errors = m_link_problem;
    for (const auto& s : stats) {
        dropped += s.dropped + s.if_dropped + s.over_limit;
        if (!s.error.empty()) capture_errors += (capture_errors.empty() ? "" : "; ") + s.error;
    }
    rep.capture.dropped = dropped;
    auto& c = rep.controls;
    c.push_back({"own-frames-captured", m_own_seen >= m_sent_count && m_sent_count > 0,
                 "the capture holds " + std::to_string(m_own_seen) + " of the " + std::to_string(m_sent_count) + " frames we sent"});
    c.push_back({"gateway-arp", m_seg.gateway_mac.has_value(),
                 !m_seg.gateway_ip ? "no default route through " + m_o.interface
                 : m_seg.gateway_mac ? "gateway " + m_seg.gateway_ip->str() + " is at " + m_seg.gateway_mac->str()
                                     : "gateway " + m_seg.gateway_ip->str() + " did not answer ARP"});
    c.push_back({"gateway-icmp", m_control_gateway_icmp,
                 m_control_gateway_icmp ? "the gateway answered our echo request" : "no echo reply from the gateway"});
    if (m_seg.sentinel)
        c.push_back({"sentinel-receives", m_control_sentinel,
                     m_control_sentinel ? "the sentinel " + m_o.sentinel + " received the gateway's ARP reply: its capture works and its port is live"
                                        : "the sentinel " + m_o.sentinel + " received no ARP reply from the gateway: silence there proves nothing"});
    c.push_back({"no-drops", dropped == 0 && capture_errors.empty(),
                 capture_errors.empty() ? std::to_string(dropped) + " frames dropped by the capture" : capture_errors});
    if (!m_send_errors.empty()) c.push_back({"sending", false, m_send_errors.front()});

    // terminal-isolation from the probe: combine the passive watch (already decided by the analysis) with the methods.
    report::Requirement& req = rep.requirements.front();
    std::vector<std::string> reasons;
    std::size_t reached = 0, sentinel_runs = 0, sentinel_silent = 0;
    for (const auto& r : rep.probes) {
        reached += r.result == ProbeOutcome::reached;
        if (r.sentinel && r.result != ProbeOutcome::not_run) {
            ++sentinel_runs;
            sentinel_silent += r.result == ProbeOutcome::not_reached;
        }
    }
    std::vector<std::string> failed_controls;
    for (const auto& ctl : c)
        if (!ctl.ok) failed_controls.push_back(ctl.name + ": " + ctl.detail);
    if (reached > 0 || req.status == report::Status::fail) {
        if (reached) {
            std::string which;
            for (const auto& r : rep.probes)
                if (r.result == ProbeOutcome::reached)
                    which += (which.empty() ? "" : ", ") + r.method + "->" + (r.peer.ip.empty() ? r.peer.mac->str() : r.peer.ip.str());
            reasons.push_back(std::to_string(reached) + " probe(s) reached another terminal: " + which);
        }
        if (req.status == report::Status::fail)
            for (const auto& why : req.reasons) reasons.push_back("passive watch: " + why);
        req.status = report::Status::fail;
    } else if (m_interrupted) {
        req.status = report::Status::inconclusive;
        reasons.push_back("the run was interrupted" + (capture_errors.empty() ? std::string() : ": " + capture_errors));
    } else if (!m_seg.sentinel) {
        req.status = report::Status::inconclusive;
        reasons.push_back("no probe reached a peer, but without --sentinel silence is not proof of isolation (a peer may simply not answer)");
    } else if (!failed_controls.empty()) {
        req.status = report::Status::inconclusive;
        for (const auto& f : failed_controls) reasons.push_back("control failed: " + f);
    } else if (sentinel_runs == 0 || sentinel_silent != sentinel_runs) {
        req.status = report::Status::inconclusive;
        reasons.push_back("not every method could be run against the sentinel");
    } else {
        req.status = report::Status::pass;
        reasons.push_back("all " + std::to_string(sentinel_runs) + " methods sent toward the sentinel " + m_o.sentinel +
                          " were not received there, no peer answered, and every control passed");
        for (const auto& why : req.reasons) reasons.push_back("passive watch: " + why);
    }
    req.reasons = std::move(reasons);
    std::vector<report::Status> statuses;
    for (const auto& r : rep.requirements) statuses.push_back(r.status);
    rep.verdict = report::combine(statuses);
    if (!m_phases.empty()) m_phases.back().end_ns = wall_ns();
    rep.run.emplace().phases = std::move(m_phases);
    return out;
}

Expected<ProbeRun, std::string> run_probe(const ProbeOptions& options, const std::atomic<bool>& stop) {
    Run run(options, stop);
    return run.execute();
}

std::vector<std::string> method_names() {
    std::vector<std::string> names;
    for (const auto* m : probes::all_methods()) names.emplace_back(m->name());
    return names;
}

} // namespace isoprobe::probe
