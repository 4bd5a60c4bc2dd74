// Report outputs shared by every command: --json PATH|-, --text, --text-file PATH, the default (text on a
// TTY, JSON otherwise), and audit's directory of reports. Every output renders the one Report model.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "history/history.hpp"
#include "model/report.hpp"
#include "report/lang.hpp"
#include "util/atomic_file.hpp"

namespace isoprobe::cli {

// The fixed names in audit's --out directory that `isoprobe verify` reads.
inline constexpr const char* k_capture_name = "capture.pcapng";
inline constexpr const char* k_report_name = "report.json";
inline constexpr const char* k_sums_name = "SHA256SUMS";

class Outputs {
  public:
    void add_options(CLI::App& cmd);
    // audit --out DIR: the reports go into DIR under fixed names (report.json, report.txt, ...), and standard
    // output gets the text summary and the list of files unless `quiet`.
    void write_into(const std::string& dir, bool quiet);
    // The run's capture (probe -w, audit's capture.pcapng): opened with the reports and committed with them.
    void capture_to(const std::string& path) { m_capture_path = path; }
    // Files the command reads: no output may be one of them (compared by device and inode).
    void reads(const std::vector<std::string>& inputs) { m_inputs = inputs; }
    // Every file the outputs will write (the history database aside).
    std::vector<std::string> paths() const;
    // Opens every output file and the history database now and notes the start of the run, so that an
    // unwritable path, a full disk or an output that is an input or another output fails before any work or
    // traffic; throws UserError.
    void open();
    // Completes the report's run section (times, host, files, provenance), renders every output (in audit's
    // directory, SHA256SUMS last, over the others), then commits them all and the history record together: a
    // rendering, write, rename or history failure leaves none of them behind (throws UserError). Returns the
    // exit code for the verdict.
    int emit(model::Report r, const std::string& capture = {});
    // Gives up the opened outputs (their temporaries are removed) when the run stops before it has a report.
    void discard() { m_files.clear(); }

  private:
    using Renderer = std::function<std::string(const model::Report&)>;
    struct Target {
        std::string option, path;
        Renderer render; // empty for the capture and SHA256SUMS
        std::size_t reserve = 1 << 20;
        bool sums = false; // audit's SHA256SUMS: over every other file of the directory, written last
    };
    std::vector<Target> targets() const;
    report::Lang lang() const; // --lang, else the locale
    std::string history_path() const;
    void refuse_collisions(const std::string& db_path) const;
    void open_history(const std::string& path);
    Expected<bool, std::string> publish_all();

    std::string m_json_path, m_text_path, m_dir, m_capture_path;
    std::string m_html_path, m_lang; // --html PATH, --lang ja|en (empty: from the locale)
    bool m_text = false, m_quiet = false;
    std::string m_db_path, m_prom_path; // --db PATH, --prom PATH
    bool m_record_by_default = true, m_no_db = false, m_jsonl = false;
    std::vector<std::string> m_inputs;
    std::optional<history::History> m_history;
    std::int64_t m_started_ns = 0;
    std::string m_operator, m_note; // --operator NAME, --note TEXT
    model::Provenance m_provenance; // noted when the outputs are opened, the start of the run
    std::vector<std::pair<Target, AtomicFile>> m_files;
};

Exit exit_for(model::Status verdict);

} // namespace isoprobe::cli
