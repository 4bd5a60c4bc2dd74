#include "verdict/terminal_isolation.hpp"

#include <algorithm>
#include <set>

#include "verdict/full_tables.hpp"

namespace isoprobe::verdict {

using model::arg;
using model::ConversationKind;
using model::ProbeOutcome;
using model::say;
using model::Sentence;
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
        req.reasons.push_back(say("iso.conversations", {arg("total", conversations.size()),
                                                        arg("unicast", conversations.size() - bcast),
                                                        arg("via", via), arg("broadcast", bcast)}));
        req.reasons.push_back(say("iso.first", {arg("evidence", conversations.front().evidence)}));
        return req;
    }
    if (e.link_limit) {
        req.reasons.push_back(*e.link_limit);
        return req;
    }
    if (e.decoded_frames == 0) {
        req.reasons.push_back(say("iso.no-frames"));
        return req;
    }
    if (attempts.empty()) {
        req.reasons.push_back(say("iso.no-attempts"));
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
        req.reasons.push_back(say("iso.no-self"));
        return req;
    }
    if (e.proving_attempts.empty()) {
        std::vector<Sentence> by;
        if (e.self) by.push_back(say("iso.by-self", {arg("self", e.self->str())}));
        req.reasons.push_back(
            say("iso.no-proving-attempt",
                {arg("count", attempts.size()), arg("by", std::move(by), model::Param::Join::none)}));
        return req;
    }
    if (frames < k_min_attempt_frames) {
        req.reasons.push_back(say("iso.too-few", {arg("frames", frames), arg("min", k_min_attempt_frames)}));
        return req;
    }
    if (!e.answers_recorded) {
        req.reasons.push_back(e.self ? say("iso.self-few-unicast", {arg("self", e.self->str())})
                                     : say("iso.one-direction"));
        return req;
    }
    std::sort(cited.begin(), cited.end());
    if (cited.size() > 10) cited.resize(10);
    std::vector<std::string> list;
    for (auto f : cited)
        list.push_back(std::to_string(f));
    req.status = Status::pass;
    req.reasons.push_back(
        say("iso.unanswered", {arg("frames", frames), arg("attempts", e.proving_attempts.size()),
                               arg("targets", targets.size()), arg("list", std::move(list))}));
    req.reasons.push_back(say("iso.answers-recorded", {arg("how", *e.answers_recorded)}));
    return req;
}

namespace {

model::Requirement decide_live(const LiveIsolationEvidence& e) {
    model::Requirement req{e.passive.id, Status::inconclusive, {}};
    const bool cross = !e.sentinel_segment.empty();
    std::size_t sentinel_runs = 0, sentinel_silent = 0;
    std::vector<Sentence> at_sentinel, at_peers;
    auto add = [](std::vector<Sentence>& list, const model::ProbeResult& r) {
        auto peer = arg("peer", r.peer.ip.empty() ? r.peer.mac->str() : r.peer.ip.str());
        list.push_back(r.frames.empty() ? say("iso.hit", {arg("method", r.method), peer})
                                        : say("iso.hit-frame", {arg("method", r.method), peer,
                                                                arg("frame", r.frames.front())}));
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
            req.reasons.push_back(say("iso.passive", {arg("why", why)}));
    };
    // A peer's answer proves terminal-to-terminal contact only when the peer is known not to be the router:
    // with no gateway resolved, the host that answered may be the router itself. The sentinel is always a
    // terminal: ours.
    const bool peers_prove = !at_peers.empty() && e.gateway_resolved;
    const bool watch_proves = e.passive.status == Status::fail && e.gateway_resolved;
    std::vector<Sentence> failed_controls;
    for (const auto& c : e.controls)
        if (!c.ok)
            failed_controls.push_back(
                say("iso.control-failed", {arg("control", c.name), arg("detail", c.detail)}));

    if (!at_sentinel.empty() || peers_prove || watch_proves) {
        req.status = Status::fail;
        if (!at_sentinel.empty())
            req.reasons.push_back(
                cross
                    ? say("iso.sentinel-received-routed",
                          {arg("sentinel", e.sentinel), arg("segment", e.sentinel_segment),
                           arg("from", e.probe_segment), arg("hits", at_sentinel)})
                    : say("iso.sentinel-received", {arg("sentinel", e.sentinel), arg("hits", at_sentinel)}));
        if (peers_prove) req.reasons.push_back(say("iso.peers-answered", {arg("hits", at_peers)}));
        if (watch_proves) passive_reasons();
        return req;
    }
    if (e.interrupted) {
        req.reasons.push_back(e.interruption ? say("run.interrupted-by", {arg("why", *e.interruption)})
                                             : say("run.interrupted"));
    } else if (!at_peers.empty() || e.passive.status == Status::fail) {
        req.reasons.push_back(at_peers.empty() ? say("iso.hosts-answered")
                                               : say("iso.hosts-answered-list", {arg("hits", at_peers)}));
        passive_reasons();
    } else if (e.sentinel.empty()) {
        req.reasons.push_back(say("iso.no-sentinel"));
    } else if (!failed_controls.empty()) {
        req.reasons.insert(req.reasons.end(), failed_controls.begin(), failed_controls.end());
    } else if (sentinel_runs == 0 || sentinel_silent != sentinel_runs || !e.sentinel_heard_gateway) {
        req.reasons.push_back(say("iso.sentinel-incomplete"));
    } else if (cross) {
        req.status = Status::pass;
        req.reasons.push_back(say("iso.cross-pass", {arg("runs", sentinel_runs), arg("from", e.probe_segment),
                                                     arg("sentinel", e.sentinel), arg("rounds", e.rounds),
                                                     arg("frame", *e.sentinel_heard_gateway)}));
        passive_reasons();
    } else {
        req.status = Status::pass;
        req.reasons.push_back(
            say("iso.live-pass", {arg("runs", sentinel_runs), arg("sentinel", e.sentinel),
                                  arg("rounds", e.rounds), arg("frame", *e.sentinel_heard_gateway)}));
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
        req.reasons.push_back(
            say("iso.cross-scope", {arg("probe", e.probe_segment), arg("sentinel", e.sentinel_segment)}));
    return req;
}

} // namespace isoprobe::verdict
