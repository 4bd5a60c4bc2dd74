#include "verdict/ap_inventory.hpp"

namespace isoprobe::verdict {

model::Requirement decide_ap_inventory(const SurveyEvidence& e) {
    model::Requirement req{"ap-inventory", model::Status::not_tested, {}};
    if (e.seen == 0) {
        req.reasons.push_back(
            "No beacon, probe response or association request was captured: the survey needs an "
            "802.11 monitor-mode capture taken around the site.");
        return req;
    }
    req.reasons = e.failing;
    req.reasons.push_back(std::to_string(e.seen) + " BSS(es) seen: " + std::to_string(e.authorised) +
                          " of authorised SSIDs, " + std::to_string(e.ignored.size()) +
                          " of ignored SSIDs, " + std::to_string(e.unknown) + " not in the inventory.");
    if (e.missing > 0)
        req.reasons.push_back(
            std::to_string(e.missing) +
            " authorised BSSID(s) or prefix(es) not seen: check whether those access points are "
            "still in use.");
    if (!e.failing.empty()) {
        req.status = model::Status::fail;
    } else if (e.unknown > 0) {
        req.status = model::Status::inconclusive;
        req.reasons.push_back(
            "Each unknown SSID is either an unauthorised access point or a neighbour's: list it "
            "under networks or ignore_ssids.");
    } else {
        req.status = model::Status::pass;
    }
    return req;
}

} // namespace isoprobe::verdict
