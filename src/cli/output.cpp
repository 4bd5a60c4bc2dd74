#include "cli/output.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdio>

#include "cli/errors.hpp"
#include "cli/log.hpp"
#include "cli/provenance.hpp"
#include "report/html.hpp"
#include "report/json.hpp"
#include "report/jsonl.hpp"
#include "report/prometheus.hpp"
#include "report/text.hpp"
#include "util/escape.hpp"
#include "util/json_text.hpp"
#include "util/sha256.hpp"

namespace isoprobe::cli {

namespace {
std::int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string host_name() {
    char buf[HOST_NAME_MAX + 1] = {};
    if (gethostname(buf, sizeof buf - 1) != 0) return "";
    return buf;
}

std::string render_json(const model::Report& r) {
    return dump_json(report::to_json(r), 2) + "\n";
}
} // namespace

void Outputs::add_options(CLI::App& cmd) {
    cmd.add_option("--json", m_json_path, "Write the JSON report to PATH ('-' for standard output)")
        ->type_name("PATH|-");
    cmd.add_option("--text-file", m_text_path, "Write the text report to PATH")->type_name("PATH");
    cmd.add_flag("--text", m_text, "Print the text report on standard output (the default on a terminal)");
    cmd.add_option("--html", m_html_path, "Write the HTML report (one self-contained page) to PATH")
        ->type_name("PATH");
    cmd.add_option(
           "--lang", m_lang,
           "Language of the HTML report, and of the sentences of the text report and JSON lines (default "
           "from LC_ALL, LC_MESSAGES, LANG)")
        ->check(CLI::IsMember({"ja", "en"}))
        ->type_name("LANG");
    // Live runs are the history of a segment; replayed captures in a lab would pollute it, so inspect records
    // only into an explicit --db.
    m_record_by_default = cmd.get_name() != "inspect";
    auto* db =
        cmd.add_option("--db", m_db_path,
                       m_record_by_default
                           ? "History database to record the run in (default: /var/lib/isoprobe/history.db "
                             "as root, else the XDG state directory)"
                           : "Record the run in this history database (inspect records nothing by default)")
            ->type_name("PATH");
    if (m_record_by_default)
        cmd.add_flag("--no-db", m_no_db, "Do not record the run in the history database")->excludes(db);
    cmd.add_option("--prom", m_prom_path,
                   "Write Prometheus metrics to PATH (node exporter textfile collector)")
        ->type_name("PATH");
    cmd.add_flag("--jsonl", m_jsonl, "Print one JSON line per finding on standard output, for log shippers")
        ->excludes("--text");
    cmd.add_option("--operator", m_operator, "Who runs this, recorded in the report and the history")
        ->type_name("NAME");
    cmd.add_option("--note", m_note,
                   "The authorisation or ticket for this run, recorded in the report and the history")
        ->type_name("TEXT");
}

void Outputs::write_into(const std::string& dir, bool quiet) {
    m_dir = dir;
    m_quiet = quiet;
}

std::vector<Outputs::Target> Outputs::targets() const {
    const auto lang = this->lang();
    auto render_html = [lang](const model::Report& r) { return report::to_html(r, lang); };
    auto render_text = [lang](const model::Report& r) { return report::to_text(r, false, lang); };
    std::vector<Target> t;
    if (!m_capture_path.empty()) t.push_back({m_dir.empty() ? "-w" : "--out", m_capture_path, {}, 8u << 20});
    if (!m_dir.empty()) {
        t.push_back({"--out", m_dir + "/" + k_report_name, render_json});
        t.push_back({"--out", m_dir + "/report.txt", render_text});
        t.push_back({"--out", m_dir + "/report.html", render_html});
    }
    // Last: it is published after every file it lists.
    if (!m_dir.empty()) t.push_back({"--out", m_dir + "/" + k_sums_name, {}, 4096, true});
    if (!m_json_path.empty() && m_json_path != "-") t.push_back({"--json", m_json_path, render_json});
    if (!m_text_path.empty()) t.push_back({"--text-file", m_text_path, render_text});
    if (!m_html_path.empty()) t.push_back({"--html", m_html_path, render_html});
    if (!m_prom_path.empty()) t.push_back({"--prom", m_prom_path, report::to_prometheus});
    // SHA256SUMS after everything else, so that publish_all() renames it last.
    std::stable_partition(t.begin(), t.end(), [](const Target& x) { return !x.sums; });
    return t;
}

report::Lang Outputs::lang() const {
    return m_lang.empty() ? report::default_lang() : report::parse_lang(m_lang).value_or(report::Lang::en);
}

std::vector<std::string> Outputs::paths() const {
    std::vector<std::string> p;
    for (const auto& t : targets())
        p.push_back(t.path);
    return p;
}

std::string Outputs::history_path() const {
    if (!m_db_path.empty()) return m_db_path;
    if (m_no_db || !m_record_by_default) return "";
    auto d = history::default_path(true);
    if (!d) throw UserError(d.error());
    return d.value();
}

namespace {
// What a path will name once written: the existing file (after every symbolic link), or the name in its
// directory. Paths that are no regular file (/dev/null, a pipe) are written in place and may be shared: no
// identity.
struct FileId {
    dev_t dev = 0;
    ino_t ino = 0;
    std::string name; // empty for an existing file
    bool operator==(const FileId&) const = default;
};

std::optional<FileId> file_id(const std::string& path) {
    struct stat st {};
    if (stat(path.c_str(), &st) == 0) {
        if (!S_ISREG(st.st_mode)) return std::nullopt;
        return FileId{st.st_dev, st.st_ino, ""};
    }
    const auto slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
    if (stat(dir.c_str(), &st) != 0) return std::nullopt; // cannot be written: opening it says why
    return FileId{st.st_dev, st.st_ino, path.substr(slash == std::string::npos ? 0 : slash + 1)};
}
} // namespace

void Outputs::refuse_collisions(const std::string& db_path) const {
    struct Named {
        std::string option, path;
        std::optional<FileId> id;
    };
    std::vector<Named> written, read;
    for (const auto& t : targets())
        written.push_back({t.option, t.path, file_id(t.path)});
    if (!db_path.empty()) written.push_back({"--db", db_path, file_id(db_path)});
    for (const auto& in : m_inputs)
        read.push_back({"", in, file_id(in)});
    for (std::size_t i = 0; i < written.size(); ++i) {
        const auto& w = written[i];
        if (!w.id) continue;
        for (const auto& in : read)
            if (in.id == w.id)
                throw UserError(w.option + " " + w.path + ": is the input " + in.path +
                                ": refusing to overwrite it");
        for (std::size_t j = 0; j < i; ++j)
            if (written[j].id == w.id)
                throw UserError(w.option + " " + w.path + ": same file as " + written[j].option + " " +
                                written[j].path + ": give each output its own path");
    }
}

void Outputs::open_history(const std::string& path) {
    if (path.empty()) return;
    auto h = history::History::open(path, history::History::Mode::record);
    if (!h) throw UserError(h.error());
    m_history.emplace(std::move(h.value()));
    spdlog::info("history: opened {}", terminal_safe(path));
}

void Outputs::open() {
    if (m_jsonl && m_json_path == "-")
        throw UserError("--jsonl and --json - both write to standard output: choose one");
    m_started_ns = now_ns();
    m_provenance = provenance_now();
    m_provenance.operator_name = m_operator;
    m_provenance.note = m_note;
    const std::string db_path = history_path();
    refuse_collisions(db_path);
    open_history(db_path);
    for (auto& target : targets()) {
        auto f = AtomicFile::open(target.path, target.reserve);
        if (!f) throw UserError(f.error());
        spdlog::debug("{} {}: opened{}", target.option, terminal_safe(target.path),
                      f->in_place() ? " (written in place)" : " (through a temporary)");
        m_files.emplace_back(std::move(target), std::move(f.value()));
    }
}

// Files first, then the outputs written in place (a pipe cannot be taken back), and all taken back on a
// failure.
Expected<bool, std::string> Outputs::publish_all() {
    for (bool in_place : {false, true})
        for (auto& [target, file] : m_files)
            if (file.in_place() == in_place)
                if (auto done = file.publish(); !done) {
                    for (auto& entry : m_files)
                        entry.second.revert();
                    return done;
                }
    return true;
}

int Outputs::emit(model::Report r, const std::string& capture) {
    auto& run = r.run ? *r.run : r.run.emplace();
    run.started_ns = m_started_ns;
    run.finished_ns = now_ns();
    run.host = host_name();
    run.files.clear();
    for (const auto& [target, file] : m_files)
        run.files.push_back(target.path);
    run.provenance = m_provenance;
    if (!capture.empty()) run.provenance.capture_sha256 = sha256_hex(capture);
    run.provenance.clock_end = clock_state();

    // Everything that can fail before anything is visible: rendering, writing and syncing the temporaries.
    std::string sums; // sha256sum's format: the digest, two spaces, the name in the directory
    for (auto& [target, file] : m_files) {
        const std::string content = target.sums ? sums : target.render ? target.render(r) : capture;
        if (!target.sums && target.option == "--out")
            sums += (target.render ? sha256_hex(content) : run.provenance.capture_sha256) + "  " +
                    target.path.substr(target.path.rfind('/') + 1) + "\n";
        auto done = file.write(content);
        if (!done) throw UserError(done.error());
        spdlog::debug("{} {}: {} bytes rendered", target.option, terminal_safe(target.path), content.size());
    }
    // With a history, the files are renamed inside its transaction, just before COMMIT: a failed rename rolls
    // the record back, and a failed COMMIT takes the renamed files back.
    std::optional<history::Recorded> recorded;
    if (m_history) {
        auto rec = m_history->record(r, dump_json(report::to_json(r)), [this] { return publish_all(); });
        if (!rec) {
            for (auto& entry : m_files)
                entry.second.revert();
            throw UserError(rec.error());
        }
        recorded = std::move(rec.value());
        spdlog::info("history: recorded run {}{}, {} regressions", recorded->run,
                     recorded->baseline ? ", compared with run " + std::to_string(*recorded->baseline) : "",
                     recorded->regressions.size());
    } else if (auto done = publish_all(); !done) {
        throw UserError(done.error());
    }
    for (auto& [target, file] : m_files) {
        file.finish();
        spdlog::info("wrote {} {}", target.option, terminal_safe(target.path));
    }
    if (m_jsonl) {
        std::string lines = report::to_jsonl(r, recorded, lang());
        std::fwrite(lines.data(), 1, lines.size(), stdout);
        std::fflush(stdout);
        spdlog::info("wrote the JSON lines to standard output");
        return static_cast<int>(exit_for(r.verdict));
    }
    const bool tty = isatty(STDOUT_FILENO) != 0;
    // Standard output gets JSON when asked with '-' or when nothing else was asked and it is not a terminal;
    // text when asked, or on a terminal that JSON does not already take. An audit directory prints its
    // summary.
    const bool nothing_asked = m_json_path.empty() && m_text_path.empty() && m_html_path.empty() &&
                               m_prom_path.empty() && !m_text && m_dir.empty();
    const bool json_to_stdout = m_json_path == "-" || (nothing_asked && !tty);
    if (json_to_stdout) {
        std::string json = render_json(r);
        std::fwrite(json.data(), 1, json.size(), stdout);
    }
    if (m_text || (!json_to_stdout && tty && !m_quiet) || (!m_dir.empty() && !m_quiet && !json_to_stdout)) {
        std::string text = report::to_text(r, tty, lang());
        std::fwrite(text.data(), 1, text.size(), stdout);
    }
    if (!m_dir.empty() && !m_quiet) {
        std::printf("\nWritten:");
        for (const auto& f : run.files)
            std::printf(" %s", terminal_safe(f).c_str());
        std::printf("\n");
    }
    std::fflush(stdout);
    if (json_to_stdout) spdlog::info("wrote the JSON report to standard output");
    return static_cast<int>(exit_for(r.verdict));
}

Exit exit_for(model::Status verdict) {
    switch (verdict) {
    case model::Status::pass:
        return Exit::pass;
    case model::Status::fail:
        return Exit::fail;
    default:
        return Exit::inconclusive;
    }
}

} // namespace isoprobe::cli
