// Report outputs shared by every command: --json PATH|-, --text, and the default (text on a TTY, JSON otherwise).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "report/model.hpp"
#include "util/atomic_file.hpp"

namespace isoprobe::cli {

class Outputs {
  public:
    void add_options(CLI::App& cmd);
    // Opens every output file now, so that an unwritable path fails before any work; throws UserError.
    void open();
    // Renders the report to every output and returns the exit code for its verdict.
    int emit(const report::Report& r);

  private:
    std::string m_json_path, m_text_path;
    bool m_text = false;
    std::vector<std::pair<std::string, AtomicFile>> m_files; // renderer name, file
};

Exit exit_for(report::Status verdict);

} // namespace isoprobe::cli
