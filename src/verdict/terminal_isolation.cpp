#include "verdict/terminal_isolation.hpp"

#include <algorithm>
#include <set>

#include "verdict/full_tables.hpp"

namespace isoprobe::verdict {

using model::ConversationKind;
using model::ProbeOutcome;
using model::Status;

model::Requirement decide_capture_isolation(const CaptureIsolationEvidence& e,
                                            const std::vector<model::Conversation>& conversations,
                                            const std::vector<model::Conversation>& attempts) {
    model::Requirement req{"terminal-isolation", Status::inconclusive, {}};
    if (!conversations.empty()) {
        std::size_t via = 0, bcast = 0;
        for (const auto& c : conversations) {
            via += c.via_gateway;
            bcast += c.kind == ConversationKind::broadcast;
        }
        req.status = Status::fail;
        req.reasons.push_back(
            std::to_string(conversations.size()) + " terminal-to-terminal conversation(s): " +
            std::to_string(conversations.size() - bcast) + " unicast (" + std::to_string(via) +
            " via the gateway), " + std::to_string(bcast) + " broadcast/multicast");
        req.reasons.push_back("first: " + conversations.front().evidence);
        return req;
    }
    if (!e.link_limit.empty()) {
        req.reasons.push_back(e.link_limit);
        return req;
    }
    if (e.decoded_frames == 0) {
        req.reasons.push_back("no decodable frames in the capture");
        return req;
    }
    if (attempts.empty()) {
        req.reasons.push_back(
            "no terminal tried to reach another terminal: nothing on the capture shows the segment "
            "could have carried terminal-to-terminal traffic");
        return req;
    }
    std::uint64_t frames = 0;
    std::set<std::string> targets;
    std::vector<std::uint64_t> cited;
    for (auto i : e.proving_attempts) {
        const auto& a = attempts.at(i);
        frames += a.frame_count;
        targets.insert(a.b.mac ? a.b.mac->str() : a.b.ip.str());
        cited.insert(cited.end(), a.frames.begin(), a.frames.end());
    }
    if (!e.self && !e.over_the_air) {
        req.reasons.push_back(
            "no capturing host is known, and a mirror or span port may not carry what terminals "
            "send each other (an uplink mirror never does): give --self when the capture was taken on "
            "a terminal");
        return req;
    }
    if (e.proving_attempts.empty()) {
        req.reasons.push_back(
            std::to_string(attempts.size()) + " attempt(s) to reach other terminals, but none " +
            (e.self ? "by the capturing host " + e.self->str() + " " : std::string()) +
            "toward a station seen transmitting on this segment: nothing shows the target was there to "
            "answer, or that its answer would have been captured");
        return req;
    }
    if (frames < k_min_attempt_frames) {
        req.reasons.push_back("only " + std::to_string(frames) +
                              " frame(s) of attempts toward terminals seen on this "
                              "segment: too few to rest a pass on (at least " +
                              std::to_string(k_min_attempt_frames) +
                              ", so that one stray or lost frame cannot decide)");
        return req;
    }
    if (e.answers_recorded.empty()) {
        req.reasons.push_back(
            e.self ? "the capturing host " + e.self->str() +
                         " received fewer than 2 unicast frames: answers might not have been captured"
                   : "no station was heard exchanging frames in both directions with infrastructure: "
                     "the capture may hold one direction only, so answers might be missing");
        return req;
    }
    std::sort(cited.begin(), cited.end());
    if (cited.size() > 10) cited.resize(10);
    std::string list;
    for (auto f : cited)
        list += (list.empty() ? "" : ", ") + std::to_string(f);
    req.status = Status::pass;
    req.reasons.push_back(
        std::to_string(frames) + " frame(s) of " + std::to_string(e.proving_attempts.size()) +
        " attempt(s) toward " + std::to_string(targets.size()) +
        " terminal(s) seen transmitting on this segment got no answer (frames " + list + ")");
    req.reasons.push_back("the capture records answers: " + e.answers_recorded);
    return req;
}

namespace {

model::Requirement decide_live(const LiveIsolationEvidence& e) {
    model::Requirement req{e.passive.id, Status::inconclusive, {}};
    const bool cross = !e.sentinel_segment.empty();
    std::size_t sentinel_runs = 0, sentinel_silent = 0;
    std::string at_sentinel, at_peers;
    auto add = [](std::string& list, const model::ProbeResult& r) {
        list += (list.empty() ? "" : ", ") + r.method + "->" +
                (r.peer.ip.empty() ? r.peer.mac->str() : r.peer.ip.str());
        if (!r.frames.empty()) list += " (frame " + std::to_string(r.frames.front()) + ")";
    };
    for (const auto& r : e.probes) {
        if (r.result == ProbeOutcome::reached) add(r.sentinel ? at_sentinel : at_peers, r);
        if (r.sentinel && r.result != ProbeOutcome::not_run) {
            ++sentinel_runs;
            sentinel_silent += r.result == ProbeOutcome::not_reached;
        }
    }
    auto passive_reasons = [&] {
        for (const auto& why : e.passive.reasons)
            req.reasons.push_back("passive watch: " + why);
    };
    // A peer's answer proves terminal-to-terminal contact only when the peer is known not to be the router:
    // with no gateway resolved, the host that answered may be the router itself. The sentinel is always a
    // terminal: ours.
    const bool peers_prove = !at_peers.empty() && e.gateway_resolved;
    const bool watch_proves = e.passive.status == Status::fail && e.gateway_resolved;
    std::vector<std::string> failed_controls;
    for (const auto& c : e.controls)
        if (!c.ok) failed_controls.push_back(c.name + ": " + c.detail);

    if (!at_sentinel.empty() || peers_prove || watch_proves) {
        req.status = Status::fail;
        if (!at_sentinel.empty())
            req.reasons.push_back(
                cross ? "the sentinel " + e.sentinel + " on " + e.sentinel_segment +
                            " received our probes routed from " + e.probe_segment + ": " + at_sentinel
                      : "the sentinel " + e.sentinel + " received our probes: " + at_sentinel);
        if (peers_prove) req.reasons.push_back("peers answered from their own addresses: " + at_peers);
        if (watch_proves) passive_reasons();
        return req;
    }
    if (e.interrupted) {
        req.reasons.push_back("the run was interrupted" +
                              (e.interruption.empty() ? std::string() : ": " + e.interruption));
    } else if (!at_peers.empty() || e.passive.status == Status::fail) {
        req.reasons.push_back(
            "hosts answered" + (at_peers.empty() ? std::string() : " (" + at_peers + ")") +
            ", but no gateway was resolved, so any of them may be the router rather than a terminal");
        passive_reasons();
    } else if (e.sentinel.empty()) {
        req.reasons.push_back(
            "no probe reached a peer, but without --sentinel silence is not proof of isolation (a peer may "
            "simply not answer)");
    } else if (!failed_controls.empty()) {
        for (const auto& f : failed_controls)
            req.reasons.push_back("control failed: " + f);
    } else if (sentinel_runs == 0 || sentinel_silent != sentinel_runs || !e.sentinel_heard_gateway) {
        req.reasons.push_back("not every method could be run against the sentinel");
    } else if (cross) {
        req.status = Status::pass;
        req.reasons.push_back("all " + std::to_string(sentinel_runs) + " routed methods sent from " +
                              e.probe_segment + " through its gateway to the sentinel " + e.sentinel +
                              " were not received there (each sent up to " + std::to_string(e.rounds) +
                              " times), and every control passed: each side's own gateway answered, the "
                              "sentinel's in frame " +
                              std::to_string(*e.sentinel_heard_gateway));
        passive_reasons();
    } else {
        req.status = Status::pass;
        req.reasons.push_back("all " + std::to_string(sentinel_runs) + " methods sent toward the sentinel " +
                              e.sentinel + " were not received there (each sent up to " +
                              std::to_string(e.rounds) +
                              " times), no peer answered, and every control passed: the sentinel heard the "
                              "same gateway (frame " +
                              std::to_string(*e.sentinel_heard_gateway) + ")");
        passive_reasons();
    }
    // What a full station or flow table hid could have been contact: no pass rests on it.
    mark_full_tables(e.full_tables, req);
    return req;
}

} // namespace

model::Requirement decide_live_isolation(const LiveIsolationEvidence& e) {
    auto req = decide_live(e);
    if (!e.sentinel_segment.empty())
        req.reasons.push_back("cross-segment run: the verdict is about the separation of segment " +
                              e.probe_segment + " from segment " + e.sentinel_segment +
                              ", probed with routed methods only; terminals within either segment were not "
                              "probed, only the passive watch saw the probe's own segment");
    return req;
}

} // namespace isoprobe::verdict
