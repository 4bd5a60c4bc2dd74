// The command line: one CLI11 subcommand per file under src/cli/, dispatched here; fatal errors caught once.
#pragma once

namespace isoprobe::cli {

// Exit codes for every command (docs/report.md).
enum class Exit : int { pass = 0, fail = 1, usage = 2, inconclusive = 3 };

int run(int argc, char** argv);

} // namespace isoprobe::cli
