// The inputs of a recorded analysis and a live run's recorded results, read back from report.json for
// `isoprobe verify`; the report comes from a directory anyone may have edited, so this is fuzzed
// (tests/fuzz/fuzz_recorded_report.cpp).
#pragma once
#include <nlohmann/json.hpp>

#include "analyze/replay.hpp"

namespace isoprobe::report {

// Throws nlohmann::json::exception when the report does not have the shape docs/report.schema.json gives it.
analyze::Recorded recorded_of(const nlohmann::json& report);

} // namespace isoprobe::report
