// The subcommand table: each subcommand lives in its own file and registers here.
#pragma once
#include <functional>

#include <CLI/CLI.hpp>

namespace isoprobe::cli {

// Declares the subcommand's options on `app`; returns the action to run when it was chosen (returns the exit
// code).
using Command = std::function<int()>;
Command add_inspect(CLI::App& app);
Command add_probe(CLI::App& app);
Command add_audit(CLI::App& app);
Command add_eap(CLI::App& app);
Command add_history(CLI::App& app);
Command add_verify(CLI::App& app);

} // namespace isoprobe::cli
