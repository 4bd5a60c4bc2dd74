// The diagnostic log (-v, --log-level): what each phase of a command did, on standard error, so that under
// the systemd service it lands in the journal. Never in a report: a report must not depend on how verbose a
// run was. Commands log through spdlog's default logger once start_log has replaced it; names from files, the
// OS or the network go through terminal_safe first, as on every other line of standard error.
#pragma once
#include <chrono>
#include <string>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

namespace isoprobe::cli {

struct LogOptions {
    bool verbose = false;
    std::string level = "warn";
    CLI::Option* level_option = nullptr;
};

// Global options, so that they come before the subcommand, after it, or as top-level keys of the config file.
void add_log_options(CLI::App& app, LogOptions& o);

// --log-level wins over -v; without either, only warnings and errors.
void start_log(const LogOptions& o);

// For the timings in the log lines.
double seconds_since(std::chrono::steady_clock::time_point start);

} // namespace isoprobe::cli
