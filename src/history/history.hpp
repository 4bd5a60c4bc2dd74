// The run history in SQLite (docs/history.md): every run with its requirement statuses, findings,
// regressions, duration, files and the whole JSON report. WAL and a busy timeout let several runs record into
// one file at once; every write is one BEGIN IMMEDIATE transaction; PRAGMA user_version numbers the schema
// for migrations.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "history/regressions.hpp"
#include "model/report.hpp"
#include "util/expected.hpp"

struct sqlite3;

namespace isoprobe::history {

// One run as `isoprobe history` lists it.
struct RunRow {
    std::int64_t id = 0;
    std::int64_t started_ns = 0, finished_ns = 0;
    std::string host, command, scope, verdict;
    bool interrupted = false;
    std::vector<std::string> files;
    std::optional<std::int64_t> baseline;
    std::map<std::string, std::string> requirements; // id -> status
    std::vector<Regression> regressions;
    // Columns that do not hold what isoprobe writes (a damaged or hand-edited row), e.g. "files is not a JSON
    // array of paths": the row is still listed, with what could be read.
    std::vector<std::string> problems;
    std::string operator_name, note; // --operator, --note ('' when not given)
};

class History {
  public:
    // record: the file is created (with the schema) when missing, and must be writable; read: it must exist.
    enum class Mode { record, read };
    // Opens the database, brings its schema to the current version and, to record, checks it can write now
    // (before any traffic). Errors are one line naming the path.
    static Expected<History, std::string> open(const std::string& path, Mode mode);
    History(History&& other) noexcept;
    History& operator=(History&&) = delete;
    ~History();

    // Records a finished run (its `run` section gives times, host and files) in one transaction, with its
    // regressions against the latest earlier uninterrupted run of the same command and scope (scope_of).
    // `report_json` is the report as JSON text, kept whole for `history --json`.
    // `before_commit` runs inside the transaction, last: when it fails the run is not recorded (its error is
    // returned), so that files it publishes and the record land together.
    using BeforeCommit = std::function<Expected<bool, std::string>()>;
    Expected<Recorded, std::string> record(const model::Report& r, std::string_view report_json,
                                           const BeforeCommit& before_commit = {});
    // The latest `limit` runs (all when 0), oldest first; with `only_regressions`, only runs that have some.
    Expected<std::vector<RunRow>, std::string> list(std::size_t limit, bool only_regressions);

  private:
    History(std::string path, sqlite3* db) : m_path(std::move(path)), m_db(db) {}
    void prepare(Mode mode);
    RunFacts load_facts(std::int64_t run);

    std::string m_path;
    sqlite3* m_db = nullptr;
};

// /var/lib/isoprobe/history.db as root, otherwise $XDG_STATE_HOME/isoprobe/history.db ($XDG_STATE_HOME
// defaults to
// ~/.local/state). With `create_dirs`, missing directories are created with mode 0700 (the XDG rule; the
// reports name hosts and identities, so root's is private too).
Expected<std::string, std::string> default_path(bool create_dirs);

} // namespace isoprobe::history
