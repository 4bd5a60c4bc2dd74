#include "verdict/ap_inventory.hpp"

namespace isoprobe::verdict {

using model::arg;
using model::say;

model::Requirement decide_ap_inventory(const SurveyEvidence& e) {
    model::Requirement req{"ap-inventory", model::Status::not_tested, {}};
    if (e.seen == 0) {
        req.reasons.push_back(say("survey.nothing"));
        return req;
    }
    req.reasons = e.failing;
    req.reasons.push_back(
        say("survey.counts", {arg("seen", e.seen), arg("authorised", e.authorised),
                              arg("ignored", e.ignored.size()), arg("unknown", e.unknown)}));
    if (e.missing > 0) req.reasons.push_back(say("survey.missing", {arg("count", e.missing)}));
    if (!e.failing.empty()) {
        req.status = model::Status::fail;
    } else if (e.unknown > 0) {
        req.status = model::Status::inconclusive;
        req.reasons.push_back(say("survey.unknown-ssids"));
    } else {
        req.status = model::Status::pass;
    }
    return req;
}

} // namespace isoprobe::verdict
