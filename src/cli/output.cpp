#include "cli/output.hpp"

#include <unistd.h>

#include <chrono>
#include <climits>
#include <cstdio>

#include "cli/errors.hpp"
#include "report/html.hpp"
#include "report/json.hpp"
#include "report/jsonl.hpp"
#include "report/prometheus.hpp"
#include "report/text.hpp"
#include "util/escape.hpp"
#include "util/json_text.hpp"

namespace isoprobe::cli {

namespace {
std::int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string host_name() {
    char buf[HOST_NAME_MAX + 1] = {};
    if (gethostname(buf, sizeof buf - 1) != 0) return "";
    return buf;
}

std::string render_json(const report::Report& r) {
    return dump_json(report::to_json(r), 2) + "\n";
}
std::string render_text(const report::Report& r) { return report::to_text(r, false); }
} // namespace

void Outputs::add_options(CLI::App& cmd) {
    cmd.add_option("--json", m_json_path, "Write the JSON report to PATH ('-' for standard output)")->type_name("PATH|-");
    cmd.add_option("--text-file", m_text_path, "Write the text report to PATH")->type_name("PATH");
    cmd.add_flag("--text", m_text, "Print the text report on standard output (the default on a terminal)");
    cmd.add_option("--html", m_html_path, "Write the HTML report (one self-contained page) to PATH")->type_name("PATH");
    cmd.add_option("--lang", m_lang, "Language of the HTML report (default from LC_ALL, LC_MESSAGES, LANG)")
        ->check(CLI::IsMember({"ja", "en"}))
        ->type_name("LANG");
    // Live runs are the history of a segment; replayed captures in a lab would pollute it, so inspect records only
    // into an explicit --db.
    m_record_by_default = cmd.get_name() != "inspect";
    auto* db = cmd.add_option("--db", m_db_path, m_record_by_default
        ? "History database to record the run in (default: /var/lib/isoprobe/history.db as root, else the XDG state directory)"
        : "Record the run in this history database (inspect records nothing by default)")->type_name("PATH");
    if (m_record_by_default) cmd.add_flag("--no-db", m_no_db, "Do not record the run in the history database")->excludes(db);
    cmd.add_option("--prom", m_prom_path, "Write Prometheus metrics to PATH (node exporter textfile collector)")->type_name("PATH");
    cmd.add_flag("--jsonl", m_jsonl, "Print one JSON line per finding on standard output, for log shippers")->excludes("--text");
}

void Outputs::write_into(const std::string& dir, bool quiet) {
    m_dir = dir;
    m_quiet = quiet;
}

std::vector<Outputs::Target> Outputs::targets() const {
    const auto lang = m_lang.empty() ? report::default_lang() : report::parse_lang(m_lang).value_or(report::Lang::en);
    auto render_html = [lang](const report::Report& r) { return report::to_html(r, lang); };
    std::vector<Target> t;
    if (!m_dir.empty()) {
        t.push_back({m_dir + "/report.json", render_json});
        t.push_back({m_dir + "/report.txt", render_text});
        t.push_back({m_dir + "/report.html", render_html});
    }
    if (!m_json_path.empty() && m_json_path != "-") t.push_back({m_json_path, render_json});
    if (!m_text_path.empty()) t.push_back({m_text_path, render_text});
    if (!m_html_path.empty()) t.push_back({m_html_path, render_html});
    if (!m_prom_path.empty()) t.push_back({m_prom_path, report::to_prometheus});
    return t;
}

void Outputs::open_history() {
    std::string path = m_db_path;
    if (path.empty()) {
        if (m_no_db || !m_record_by_default) return;
        auto d = history::default_path(true);
        if (!d) throw UserError(d.error());
        path = d.value();
    }
    auto h = history::History::open(path, history::History::Mode::record);
    if (!h) throw UserError(h.error());
    m_history.emplace(std::move(h.value()));
}

void Outputs::open() {
    if (m_jsonl && m_json_path == "-") throw UserError("--jsonl and --json - both write to standard output: choose one");
    m_started_ns = now_ns();
    open_history();
    for (auto& target : targets()) {
        auto f = AtomicFile::open(target.path);
        if (!f) throw UserError(f.error());
        m_files.emplace_back(std::move(target), std::move(f.value()));
    }
}

int Outputs::emit(report::Report r, const std::vector<std::string>& also_written) {
    auto& run = r.run ? *r.run : r.run.emplace();
    run.started_ns = m_started_ns;
    run.finished_ns = now_ns();
    run.host = host_name();
    run.files = also_written;
    for (const auto& [target, file] : m_files) run.files.push_back(target.path);

    for (auto& [target, file] : m_files) {
        auto done = file.commit(target.render(r));
        if (!done) throw UserError(done.error());
    }
    std::optional<history::Recorded> recorded;
    if (m_history) {
        auto rec = m_history->record(r);
        if (!rec) throw UserError(rec.error());
        recorded = std::move(rec.value());
    }
    if (m_jsonl) {
        std::string lines = report::to_jsonl(r, recorded);
        std::fwrite(lines.data(), 1, lines.size(), stdout);
        std::fflush(stdout);
        return static_cast<int>(exit_for(r.verdict));
    }
    const bool tty = isatty(STDOUT_FILENO) != 0;
    // Standard output gets JSON when asked with '-' or when nothing else was asked and it is not a terminal;
    // text when asked, or on a terminal that JSON does not already take. An audit directory prints its summary.
    const bool nothing_asked = m_json_path.empty() && m_text_path.empty() && m_html_path.empty() && m_prom_path.empty() && !m_text && m_dir.empty();
    const bool json_to_stdout = m_json_path == "-" || (nothing_asked && !tty);
    if (json_to_stdout) {
        std::string json = render_json(r);
        std::fwrite(json.data(), 1, json.size(), stdout);
    }
    if (m_text || (!json_to_stdout && tty && !m_quiet) || (!m_dir.empty() && !m_quiet && !json_to_stdout)) {
        std::string text = report::to_text(r, tty);
        std::fwrite(text.data(), 1, text.size(), stdout);
    }
    if (!m_dir.empty() && !m_quiet) {
        std::printf("\nWritten:");
        for (const auto& f : run.files)
            std::printf(" %s", terminal_safe(f).c_str());
        std::printf("\n");
    }
    std::fflush(stdout);
    return static_cast<int>(exit_for(r.verdict));
}

Exit exit_for(report::Status verdict) {
    switch (verdict) {
    case report::Status::pass: return Exit::pass;
    case report::Status::fail: return Exit::fail;
    default: return Exit::inconclusive;
    }
}

} // namespace isoprobe::cli
