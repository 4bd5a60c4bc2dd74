// What the history keeps of a run (requirement statuses and findings with stable keys) and the regressions
// between two runs of the same command and scope (docs/history.md). Pure: no database here.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/history.hpp"
#include "model/report.hpp"

namespace isoprobe::history {

using model::Recorded;
using model::Regression;
using model::scope_of;

// One fact of a run, keyed so that the same fact in another run has the same (kind, key):
//   reached       "METHOD PEER"           a probe method reached a peer (PEER: its MAC, else its IP)
//   conversation  "A <-> B" or "A -> B"   a terminal-to-terminal conversation (unicast, or broadcast A sent
//   to B) bss           "BSSID SSID"            a BSS seen (SSID quoted, or "(hidden)"); detail is its class
//   inventory     "KIND BSSID SSID"       an access-point survey finding
//   eap-method    "SUPPLICANT METHOD"     an EAP authentication that completed with EAP-Success
//   eap-accepted  "METHOD"                a method the wired port accepted (`isoprobe eap --enumerate`)
struct Finding {
    std::string kind, key, detail;
    friend bool operator==(const Finding&, const Finding&) = default;
};

struct RunFacts {
    std::map<std::string, std::string> requirements; // id -> status name ("pass", "fail", ...)
    std::vector<Finding> findings;                   // sorted by (kind, key), each (kind, key) once
};

RunFacts facts_of(const model::Report& r);

// What got worse from `before` to `now`, sorted.
std::vector<Regression> regressions(const RunFacts& before, const RunFacts& now);

} // namespace isoprobe::history
