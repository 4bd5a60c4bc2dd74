// `isoprobe history`: the runs recorded in the history database and their regressions (docs/history.md).
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/errors.hpp"
#include "cli/log.hpp"
#include "history/history.hpp"
#include "util/escape.hpp"
#include "util/json_text.hpp"
#include "util/time.hpp"

namespace isoprobe::cli {

namespace {
struct HistoryOptions {
    std::string db;
    std::size_t limit = 20;
    bool json = false, only_regressions = false;
};

double seconds(std::int64_t ns) {
    return static_cast<double>(ns) / 1e9;
}

std::string json_text(const std::string& path, const std::vector<history::RunRow>& rows) {
    using nlohmann::ordered_json;
    ordered_json runs = ordered_json::array();
    for (const auto& row : rows) {
        ordered_json regressions = ordered_json::array();
        for (const auto& g : row.regressions)
            regressions.push_back({{"kind", g.kind}, {"key", g.key}, {"detail", g.detail}});
        ordered_json run;
        run["id"] = row.id;
        run["started"] = rfc3339(row.started_ns);
        run["finished"] = rfc3339(row.finished_ns);
        run["duration_s"] = seconds(row.finished_ns - row.started_ns);
        put_name(run, "host", row.host);
        run["command"] = row.command;
        put_name(run, "scope", row.scope);
        run["verdict"] = row.verdict;
        run["interrupted"] = row.interrupted;
        put_names(run, "files", row.files);
        put_name(run, "operator", row.operator_name);
        put_name(run, "note", row.note);
        run["baseline"] = row.baseline ? ordered_json(*row.baseline) : ordered_json(nullptr);
        run["requirements"] = row.requirements;
        run["regressions"] = std::move(regressions);
        run["problems"] = row.problems;
        runs.push_back(std::move(run));
    }
    ordered_json out;
    put_name(out, "database", path);
    out["runs"] = std::move(runs);
    return dump_json(std::move(out), 2) + "\n";
}

// Scopes, keys and details can hold SSIDs and names from the network: terminal_safe before printing.
std::string table_text(const std::vector<history::RunRow>& rows) {
    std::vector<std::vector<std::string>> cells{
        {"id", "started (UTC)", "command", "verdict", "duration", "scope"}};
    for (const auto& row : rows) {
        char duration[32];
        std::snprintf(duration, sizeof duration, "%.1f s", seconds(row.finished_ns - row.started_ns));
        cells.push_back({(row.regressions.empty() ? "  " : "! ") + std::to_string(row.id),
                         rfc3339(row.started_ns).substr(0, 19) + "Z", terminal_safe(row.command),
                         row.verdict + (row.interrupted ? " (interrupted)" : ""), duration,
                         terminal_safe(row.scope)});
    }
    std::vector<std::size_t> width(cells.front().size(), 0);
    for (const auto& line : cells)
        for (std::size_t i = 0; i < line.size(); ++i)
            width[i] = std::max(width[i], line[i].size());
    std::string out;
    for (std::size_t n = 0; n < cells.size(); ++n) {
        for (std::size_t i = 0; i < cells[n].size(); ++i) {
            const auto& c = cells[n][i];
            // The id is right-aligned, the rest left-aligned; the last column is not padded.
            if (i == 0)
                out += std::string(width[i] - c.size(), ' ') + c;
            else
                out += "  " + c + (i + 1 < cells[n].size() ? std::string(width[i] - c.size(), ' ') : "");
        }
        out += '\n';
        if (n == 0) continue;
        const auto& row = rows[n - 1];
        if (!row.operator_name.empty() || !row.note.empty())
            out += std::string(width[0] + 2, ' ') + "by " +
                   (row.operator_name.empty() ? std::string("(operator not given)")
                                              : terminal_safe(row.operator_name)) +
                   (row.note.empty() ? "" : ": " + terminal_safe(row.note)) + "\n";
        for (const auto& g : row.regressions)
            out += std::string(width[0] + 2, ' ') + "! " + g.kind + " " + terminal_safe(g.key) + ": " +
                   terminal_safe(g.detail) + " (against run " + std::to_string(row.baseline.value_or(0)) +
                   ")\n";
        for (const auto& problem : row.problems)
            out += std::string(width[0] + 2, ' ') + "? damaged row: " + problem + "\n";
    }
    return out;
}

int run_history(const HistoryOptions& o) {
    std::string path = o.db;
    if (path.empty()) {
        auto d = history::default_path(false);
        if (!d) throw UserError(d.error());
        path = d.value();
    }
    auto h = history::History::open(path, history::History::Mode::read);
    if (!h) throw UserError(h.error());
    spdlog::info("history: opened {} for reading", terminal_safe(path));
    auto rows = h->list(o.limit, o.only_regressions);
    if (!rows) throw UserError(rows.error());
    spdlog::info("history: {} runs listed", rows->size());
    std::string out = o.json          ? json_text(path, rows.value())
                      : rows->empty() ? std::string(o.only_regressions ? "No regressions" : "No runs") +
                                            " recorded in " + path + ".\n"
                                      : table_text(rows.value());
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
    return 0;
}
} // namespace

Command add_history(CLI::App& app) {
    auto opts = std::make_shared<HistoryOptions>();
    auto* cmd = app.add_subcommand(
        "history", "List recorded runs and their regressions (pass -> fail, new peer reached, new BSSID...)");
    cmd->add_option(
           "--db", opts->db,
           "History database (default: /var/lib/isoprobe/history.db as root, else the XDG state directory)")
        ->type_name("PATH");
    cmd->add_option("--limit", opts->limit, "Show the latest N runs (0: all)")
        ->capture_default_str()
        ->type_name("N");
    cmd->add_flag("--json", opts->json, "Print JSON instead of the table");
    cmd->add_flag("--regressions", opts->only_regressions, "Only runs with regressions");
    return [opts] { return run_history(*opts); };
}

} // namespace isoprobe::cli
