#include "verdict/decide.hpp"

#include <algorithm>

#include "verdict/full_tables.hpp"
#include "verdict/security.hpp"

namespace isoprobe::verdict {

using model::arg;
using model::Requirement;
using model::say;
using model::Status;

namespace {

Requirement isolation(const Evidence& e, const model::Report& rep) {
    Requirement req = decide_capture_isolation(e.capture, rep.conversations, rep.attempts);
    mark_full_tables(rep.capture.full_tables, req);
    if (!e.live) return req;
    const auto& live = *e.live;
    return decide_live_isolation({std::move(req), rep.probes, rep.controls, rep.capture.full_tables,
                                  live.sentinel, live.gateway_resolved, rep.interrupted, live.interruption,
                                  live.rounds, live.sentinel_heard_gateway, live.probe_segment,
                                  live.sentinel_segment});
}

// wlan-encryption and 8021x-eap-tls judge the site's own networks: BSSes of SSIDs the inventory ignores (a
// neighbour's open network) are left out.
std::vector<Requirement> security(const Evidence& e, const model::Report& rep) {
    std::vector<model::BssEntry> in_scope;
    for (const auto& b : rep.wlan)
        if (!e.survey ||
            std::find(e.survey->ignored.begin(), e.survey->ignored.end(), b.bssid) == e.survey->ignored.end())
            in_scope.push_back(b);
    const std::size_t left_out = rep.wlan.size() - in_scope.size();
    std::vector<Requirement> out{decide_wlan_encryption(in_scope), decide_8021x_eap_tls(rep.eap, in_scope)};
    for (auto& req : out) {
        if (left_out > 0 && req.status == Status::not_tested && in_scope.empty())
            req.reasons = {say("scope.only-ignored", {arg("count", left_out)})};
        else if (left_out > 0)
            req.reasons.push_back(say("scope.ignored", {arg("count", left_out)}));
        mark_full_tables(rep.capture.full_tables, req);
    }
    return out;
}

Requirement enumeration(const EnumerationEvidence& e, const model::Report& rep) {
    Requirement req = decide_eap_methods(rep.enumeration, e.complete);
    if (e.first_failure) req.reasons.push_back(*e.first_failure);
    if (rep.interrupted) {
        if (req.status != Status::fail) req.status = Status::inconclusive;
        req.reasons.push_back(say("run.interrupted"));
    }
    return req;
}

} // namespace

void decide(const Evidence& e, model::Report& rep) {
    auto sec = security(e, rep);
    Requirement inventory{"ap-inventory", Status::not_tested, {say("survey.no-inventory")}};
    if (e.survey) {
        inventory = decide_ap_inventory(*e.survey);
        mark_full_tables(rep.capture.full_tables, inventory);
    }
    rep.requirements = {isolation(e, rep), std::move(sec[0]), std::move(sec[1]), std::move(inventory)};
    if (e.enumeration) {
        // `eap` talks to the port's authenticator only: what it captured besides is no test of the rest.
        for (auto& req : rep.requirements)
            req = req.id == "8021x-eap-tls"
                      ? enumeration(*e.enumeration, rep)
                      : Requirement{req.id, Status::not_tested, {say("enum.not-tested")}};
    }
    std::vector<Status> statuses;
    for (const auto& r : rep.requirements)
        statuses.push_back(r.status);
    rep.verdict = model::combine(statuses);
}

} // namespace isoprobe::verdict
