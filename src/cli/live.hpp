// What the live subcommands (probe, audit) share: their probe options, signal handling and the run itself.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "probe/engine.hpp"

namespace isoprobe::cli {

struct LiveOptions {
    probe::ProbeOptions probe;
    std::string pcapng_path;
    std::vector<std::string> peers;
};

void add_live_options(CLI::App& cmd, LiveOptions& o);
// Validates the options, takes the interface lock, installs SIGINT/SIGTERM handlers and runs the probe.
// Throws UserError for problems found before traffic.
probe::ProbeRun run_live(LiveOptions& o, bool show_progress);

} // namespace isoprobe::cli
