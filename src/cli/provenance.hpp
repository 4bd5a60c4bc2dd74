// The report's provenance (docs/report.md, "Provenance"): what built the tool, the exact command line, the
// configuration file's digest, and whether the clock was NTP-synchronised.
#pragma once
#include <string>
#include <vector>

#include "model/report.hpp"

struct timex;

namespace isoprobe::cli {

// Noted once by run(), after parsing: argv as given, and the configuration file that was read (its path and
// SHA-256, "none" when no file was read).
void note_invocation(const std::vector<std::string>& argv, const std::string& config_path);
// Build, invocation and the clock now (clock_start); the caller adds the operator, the note, the capture's
// digest and clock_end.
model::Provenance provenance_now();
// The kernel's NTP state now (adjtimex(2), read only: no privilege needed).
model::ClockState clock_state();
// What adjtimex's answer means: its return value (a TIME_* state, -1 on failure) and the timex it filled.
model::ClockState clock_state_from(int state, const timex& tx);

} // namespace isoprobe::cli
