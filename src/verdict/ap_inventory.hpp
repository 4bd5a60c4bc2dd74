// ap-inventory (図表42 注11): the access-point survey's verdict.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "model/report.hpp"

namespace isoprobe::verdict {

// What holding the BSS table against the inventory found (analyze::survey_inventory).
struct SurveyEvidence {
    std::size_t seen = 0; // BSSes captured
    std::size_t authorised = 0,
                unknown = 0;      // of them: of an authorised SSID, of an SSID the inventory does not know
    std::vector<MacAddr> ignored; // BSSIDs of SSIDs the inventory ignores (neighbours'): out of every verdict
    std::size_t missing = 0;      // authorised BSSIDs or prefixes never seen
    std::vector<model::Sentence> failing; // one per failing finding
};

// Fail: any failing finding (unknown-bssid, weaker-security, open-network). Inconclusive: SSIDs neither
// authorised nor ignored were seen. Pass: every BSS seen is authorised or ignored. Not-tested: no BSS seen.
model::Requirement decide_ap_inventory(const SurveyEvidence& e);

} // namespace isoprobe::verdict
