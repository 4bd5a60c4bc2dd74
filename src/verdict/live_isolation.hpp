// terminal-isolation of a live run (`probe`, `audit`), decided from its evidence alone: what the probes
// reached, the positive controls and the passive watch. Pure, so every rule of docs/report.md ("How a live
// verdict is proven") is a row of a table-driven test.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "report/model.hpp"

namespace isoprobe::verdict {

struct LiveIsolationEvidence {
    report::Requirement passive; // the passive watch's terminal-isolation, as the analysis decided it
    std::vector<report::ProbeResult> probes;
    std::vector<report::Control> controls;
    std::vector<analyze::FullTable> full_tables;
    std::string sentinel; // its interface name; empty without paired mode
    bool gateway_resolved = false;
    bool interrupted = false;
    std::string interruption; // what stopped the run (a link down, a capture error), if known
    int rounds = 1;           // how often an unanswered method was sent
    std::optional<std::uint64_t> sentinel_heard_gateway; // frame: the sentinel heard the probe's gateway
};

report::Requirement decide_live_isolation(const LiveIsolationEvidence& e);

} // namespace isoprobe::verdict
