// What the history keeps of a run (requirement statuses and findings with stable keys) and the regressions
// between two runs of the same command and scope (docs/history.md). Pure: no database here.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/report.hpp"

namespace isoprobe::history {

// One fact of a run, keyed so that the same fact in another run has the same (kind, key):
//   reached       "METHOD PEER"           a probe method reached a peer (PEER: its MAC, else its IP)
//   conversation  "A <-> B" or "A -> B"   a terminal-to-terminal conversation (unicast, or broadcast A sent to B)
//   bss           "BSSID SSID"            a BSS seen (SSID quoted, or "(hidden)"); detail is its class
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

// kind: requirement-fail (pass -> fail), requirement-inconclusive (pass -> inconclusive), new-reached,
// new-conversation, new-bss; key: the requirement id or the finding's key.
struct Regression {
    std::string kind, key, detail;
    friend bool operator==(const Regression&, const Regression&) = default;
};
// The order they are shown in: requirement regressions first (what an operator acts on), then by kind and key.
bool operator<(const Regression& a, const Regression& b);

// A run as the history recorded it.
struct Recorded {
    std::int64_t run = 0;
    std::optional<std::int64_t> baseline; // the run it was compared with, if any
    std::vector<Regression> regressions;
};

RunFacts facts_of(const model::Report& r);

// What got worse from `before` to `now`, sorted.
std::vector<Regression> regressions(const RunFacts& before, const RunFacts& now);

// What runs are compared by, with the command: the interface of a live probe or audit, otherwise the capture
// files as given (separated by spaces), so a scheduled inspect of the same paths compares with its previous run.
std::string scope_of(const model::Report& r);

} // namespace isoprobe::history
