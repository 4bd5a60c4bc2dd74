// A recorded report's analysis run again on its capture, for `isoprobe verify` (docs/report.md, "Verifying
// an audit directory"). An inspect report is inspect's analysis of the capture again. A live run's probe
// matching rests on what the run sent (its frames byte for byte, which probe id went to which peer), which
// the capture does not hold: its passive watch is re-derived, its probe results and controls are taken as
// recorded (their cited frames checked against the capture) and judged again with the passive watch.
#pragma once
#include <string>
#include <vector>

#include "analyze/stations.hpp"
#include "model/report.hpp"
#include "util/expected.hpp"

namespace isoprobe::analyze {

// The hints an analysis was given, as the report records them, and back.
model::AnalysisInputs analysis_inputs(const RoleHints& hints);
Expected<RoleHints, std::string> role_hints(const model::AnalysisInputs& inputs);

// What the report recorded that the capture cannot give back.
struct Recorded {
    std::string command; // inspect, probe, audit
    model::AnalysisInputs inputs;
    std::vector<model::ProbeResult> probes; // live runs
    std::vector<model::Control> controls;   // live runs
    bool interrupted = false;
};

struct Replayed {
    model::Report report;              // requirement statuses and verdict judged again
    std::vector<std::string> problems; // cited frames the capture does not back, one sentence each
};

// Reads `capture_path` and judges it again as the recorded run did. Errors (an unreadable capture, inputs
// that do not parse) come back as one line.
Expected<Replayed, std::string> replay(const std::string& capture_path, const Recorded& recorded);

} // namespace isoprobe::analyze
