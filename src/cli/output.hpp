// Report outputs shared by every command: --json PATH|-, --text, --text-file PATH, the default (text on a TTY, JSON
// otherwise), and audit's directory of reports. Every output renders the one Report model.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "history/history.hpp"
#include "report/model.hpp"
#include "util/atomic_file.hpp"

namespace isoprobe::cli {

class Outputs {
  public:
    void add_options(CLI::App& cmd);
    // audit --out DIR: the reports go into DIR under fixed names (report.json, report.txt, ...), and standard output
    // gets the text summary and the list of files unless `quiet`.
    void write_into(const std::string& dir, bool quiet);
    // Opens every output file and the history database now and notes the start of the run, so that an unwritable
    // path or a full disk fails before any work or traffic; throws UserError.
    void open();
    // Completes the report's run section (times, host, `also_written` plus the outputs), renders it to every output,
    // then records it in the history (interrupted runs too), and returns the exit code for its verdict.
    int emit(report::Report r, const std::vector<std::string>& also_written = {});
    // Gives up the opened outputs (their temporaries are removed) when the run stops before it has a report.
    void discard() { m_files.clear(); }

  private:
    using Renderer = std::function<std::string(const report::Report&)>;
    struct Target {
        std::string path;
        Renderer render;
    };
    std::vector<Target> targets() const;
    void open_history();

    std::string m_json_path, m_text_path, m_dir;
    std::string m_html_path, m_lang; // --html PATH, --lang ja|en (empty: from the locale)
    bool m_text = false, m_quiet = false;
    std::string m_db_path, m_prom_path;         // --db PATH, --prom PATH
    bool m_record_by_default = true, m_no_db = false, m_jsonl = false;
    std::optional<history::History> m_history;
    std::int64_t m_started_ns = 0;
    std::vector<std::pair<Target, AtomicFile>> m_files;
};

Exit exit_for(report::Status verdict);

} // namespace isoprobe::cli
