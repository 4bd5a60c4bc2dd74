// The run history over the SQLite C API (docs/history.md).
#include "history/history.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <utility>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "util/escape.hpp"
#include "util/json_text.hpp"
#include "util/unique_fd.hpp"

namespace isoprobe::history {

namespace {

constexpr int k_application_id = 0x69736f70; // "isop": tells our file from another program's SQLite database
// A run records in milliseconds; 30 s covers many runs finishing together and a reader, and still ends with
// an error rather than waiting forever behind a stuck process.
constexpr int k_busy_timeout_ms = 30000;

// Entry i takes the schema from version i to i + 1. A new version appends an entry; released ones never
// change.
constexpr const char* k_migrations[] = {
    R"sql(
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_ns INTEGER NOT NULL,
    finished_ns INTEGER NOT NULL,
    duration_s REAL GENERATED ALWAYS AS ((finished_ns - started_ns) / 1e9) VIRTUAL,
    host TEXT NOT NULL,
    command TEXT NOT NULL,
    scope TEXT NOT NULL,
    verdict TEXT NOT NULL,
    interrupted INTEGER NOT NULL,
    files TEXT NOT NULL,
    report TEXT NOT NULL,
    baseline INTEGER REFERENCES runs(id) ON DELETE SET NULL
);
CREATE INDEX runs_by_scope ON runs(command, scope, interrupted, id);
CREATE TABLE requirements (
    run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    requirement TEXT NOT NULL,
    status TEXT NOT NULL,
    PRIMARY KEY (run, requirement)
) WITHOUT ROWID;
CREATE TABLE findings (
    run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    detail TEXT NOT NULL,
    PRIMARY KEY (run, kind, key)
) WITHOUT ROWID;
CREATE TABLE regressions (
    run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    detail TEXT NOT NULL,
    PRIMARY KEY (run, kind, key)
) WITHOUT ROWID;
)sql",
    // 1 -> 2: who ran it and why (--operator, --note); '' for runs recorded before.
    R"sql(
ALTER TABLE runs ADD COLUMN operator TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN note TEXT NOT NULL DEFAULT '';
)sql",
};
constexpr int k_schema_version = static_cast<int>(std::size(k_migrations));

// Thrown inside this file only and turned into the one-line error at each public function.
struct DbError {
    std::string what;
};

void exec(sqlite3* db, const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) == SQLITE_OK) return;
    DbError e{err ? err : sqlite3_errmsg(db)};
    sqlite3_free(err);
    throw e;
}

class Stmt {
  public:
    Stmt(sqlite3* db, const char* sql) : m_db(db) {
        if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK) throw DbError{sqlite3_errmsg(db)};
    }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    ~Stmt() { sqlite3_finalize(m_stmt); }

    // Starts over with these parameters (?1, ?2, ...).
    template <class... Args> Stmt& bind(const Args&... args) {
        sqlite3_reset(m_stmt);
        int i = 0;
        (bind_one(++i, args), ...);
        return *this;
    }
    // True while there is a row to read.
    bool step() {
        int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW) return true;
        if (rc != SQLITE_DONE) throw DbError{sqlite3_errmsg(m_db)};
        return false;
    }
    std::int64_t integer(int col) const { return sqlite3_column_int64(m_stmt, col); }
    bool null(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
    std::string text(int col) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, col)))
                 : std::string();
    }

  private:
    void bind_one(int i, std::int64_t v) { check(sqlite3_bind_int64(m_stmt, i, v)); }
    void bind_one(int i, const std::string& v) {
        check(sqlite3_bind_text(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
    }
    void bind_one(int i, const std::optional<std::int64_t>& v) {
        check(v ? sqlite3_bind_int64(m_stmt, i, *v) : sqlite3_bind_null(m_stmt, i));
    }
    void check(int rc) {
        if (rc != SQLITE_OK) throw DbError{sqlite3_errmsg(m_db)};
    }
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

std::int64_t single_integer(sqlite3* db, const char* sql) {
    Stmt q(db, sql);
    return q.step() ? q.integer(0) : 0;
}

// Rolls back unless committed, so an error leaves the database as it was.
class Transaction {
  public:
    Transaction(sqlite3* db, bool write) : m_db(db) { exec(db, write ? "BEGIN IMMEDIATE" : "BEGIN"); }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction() {
        if (!m_done) sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    void commit() {
        exec(m_db, "COMMIT");
        m_done = true;
    }

  private:
    sqlite3* m_db;
    bool m_done = false;
};

// Creates the empty database file NAME in the directory, never through a link (O_EXCL fails on any existing
// name, a dangling link included), private (0600: runs name hosts and identities). Root gives it to the
// directory's owner, or the service user owning /var/lib/isoprobe could no longer record; through the
// descriptor, so that what is chowned is the file just created. Losing the race to a concurrent run that
// created it first is fine.
Expected<bool, std::string> create_database(int dir_fd, const std::string& name) {
    const UniqueFd fd(openat(dir_fd, name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!fd) {
        if (errno == EEXIST) return false;
        return unexpected(std::string(std::strerror(errno)));
    }
    struct stat dir_st {};
    if (geteuid() == 0 &&
        (fstat(dir_fd, &dir_st) != 0 || fchown(fd.get(), dir_st.st_uid, dir_st.st_gid) != 0))
        return unexpected("cannot give it to its directory's owner: " + std::string(std::strerror(errno)));
    return true;
}

// The `files` column as recorded (files_column): a JSON array of paths, each a string or {"hex": "..."} for a
// path that is not UTF-8; nothing for anything else.
std::optional<std::vector<std::string>> paths_of(const std::string& text) {
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_array()) return std::nullopt;
    std::vector<std::string> paths;
    for (const auto& p : json) {
        if (p.is_string()) {
            paths.push_back(p.get<std::string>());
            continue;
        }
        const auto hex = p.is_object() && p.size() == 1 && p.contains("hex") && p["hex"].is_string()
                             ? from_hex(p["hex"].get<std::string>())
                             : std::nullopt;
        if (!hex) return std::nullopt;
        paths.push_back(*hex);
    }
    return paths;
}

} // namespace

Expected<History, std::string> History::open(const std::string& path, Mode mode) {
    namespace fs = std::filesystem;
    const fs::path given(path);
    const fs::path dir = given.has_parent_path() ? given.parent_path() : fs::path(".");
    const std::string name = given.filename().string();
    // The directory may belong to the service user, who parses hostile traffic: a link it plants as the
    // database or one of SQLite's companions must not make root create, fill or chown the link's target. So
    // every name is looked at inside this one opened directory, without following links.
    const UniqueFd dir_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dir_fd)
        return unexpected(
            path + (mode == Mode::read ? ": no history database: " : ": cannot open the history database: ") +
            std::strerror(errno));
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        struct stat st {};
        if (fstatat(dir_fd.get(), (name + suffix).c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
            S_ISLNK(st.st_mode))
            return unexpected(path + suffix + ": refusing the history database: it is a symbolic link");
    }
    struct stat st {};
    if (fstatat(dir_fd.get(), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (mode == Mode::read) return unexpected(path + ": no history database: " + std::strerror(errno));
        if (auto created = create_database(dir_fd.get(), name); !created)
            return unexpected(path + ": cannot create the history database: " + created.error());
    }
    // SQLite is handed a path without links in its directories, so that SQLITE_OPEN_NOFOLLOW (which refuses a
    // link anywhere in the path) refuses only one swapped in as the database since we looked; it opens the
    // database and its companions with O_NOFOLLOW, and gives the companions the database's owner through
    // their descriptors.
    std::error_code ec;
    const fs::path real_dir = fs::canonical(dir, ec);
    if (ec) return unexpected(path + ": cannot open the history database: " + ec.message());
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2((real_dir / name).c_str(), &db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, nullptr);
    History h(path, db); // owns the handle even when opening failed
    if (rc != SQLITE_OK) {
        if (sqlite3_extended_errcode(db) == SQLITE_CANTOPEN_SYMLINK)
            return unexpected(path + ": refusing the history database: it is a symbolic link");
        // SQLite says only "unable to open database file"; the system's reason (no such directory,
        // permission) helps.
        const int err = sqlite3_system_errno(db);
        return unexpected(
            path + ": cannot open the history database: " + (err ? std::strerror(err) : sqlite3_errmsg(db)));
    }
    try {
        h.prepare(mode);
    } catch (const DbError& e) {
        return unexpected(path + ": history database: " + e.what);
    }
    return h;
}

History::History(History&& other) noexcept
    : m_path(std::move(other.m_path)), m_db(std::exchange(other.m_db, nullptr)) {}

History::~History() {
    sqlite3_close_v2(m_db);
}

void History::prepare(Mode mode) {
    sqlite3_busy_timeout(m_db, k_busy_timeout_ms);
    if (mode == Mode::record && sqlite3_db_readonly(m_db, "main") == 1) throw DbError{"read-only"};
    exec(m_db, "PRAGMA foreign_keys = ON");
    // WAL: readers never block the writer and a crash mid-write leaves the last commit intact. The mode is
    // stored in the file, so only writers need to ask for it.
    if (mode == Mode::record) exec(m_db, "PRAGMA journal_mode = WAL");
    // Immediate when recording: two first runs must not both create the schema, and a database we cannot
    // write fails here, before any traffic.
    Transaction tx(m_db, mode == Mode::record);
    const auto app = single_integer(m_db, "PRAGMA application_id");
    const auto version = single_integer(m_db, "PRAGMA user_version");
    const auto objects = single_integer(m_db, "SELECT count(*) FROM sqlite_schema");
    if (app != k_application_id && (app != 0 || version != 0 || objects != 0 || mode == Mode::read))
        throw DbError{"not an isoprobe history database"};
    if (version > k_schema_version)
        throw DbError{"schema version " + std::to_string(version) + " is newer than this isoprobe's (" +
                      std::to_string(k_schema_version) + ")"};
    for (auto v = version; v < k_schema_version; ++v)
        exec(m_db, k_migrations[v]);
    if (version < k_schema_version) {
        exec(m_db, ("PRAGMA user_version = " + std::to_string(k_schema_version)).c_str());
        exec(m_db, ("PRAGMA application_id = " + std::to_string(k_application_id)).c_str());
    }
    tx.commit();
}

namespace {
// A JSON array of the paths; a path that is not UTF-8 (JSON text cannot hold it) as {"hex": "..."}.
std::string files_column(const std::vector<std::string>& files) {
    nlohmann::ordered_json column = nlohmann::ordered_json::array();
    for (const auto& f : files)
        column.push_back(is_utf8(f) ? nlohmann::ordered_json(f)
                                    : nlohmann::ordered_json{{"hex", hex_string(f)}});
    return dump_json(std::move(column));
}

} // namespace

RunFacts History::load_facts(std::int64_t run) {
    RunFacts f;
    Stmt reqs(m_db, "SELECT requirement, status FROM requirements WHERE run = ?1");
    for (reqs.bind(run); reqs.step();)
        f.requirements[reqs.text(0)] = reqs.text(1);
    Stmt findings(m_db, "SELECT kind, key, detail FROM findings WHERE run = ?1 ORDER BY kind, key");
    for (findings.bind(run); findings.step();)
        f.findings.push_back({findings.text(0), findings.text(1), findings.text(2)});
    return f;
}

Expected<Recorded, std::string> History::record(const model::Report& r, std::string_view report_json,
                                                const BeforeCommit& before_commit) {
    const RunFacts facts = facts_of(r);
    const std::string scope = scope_of(r);
    const model::RunInfo run = r.run.value_or(model::RunInfo{});
    const std::string files = files_column(run.files);
    try {
        Transaction tx(m_db, true);
        Recorded out;
        Stmt previous(m_db, "SELECT id FROM runs WHERE command = ?1 AND scope = ?2 AND NOT interrupted "
                            "ORDER BY id DESC LIMIT 1");
        if (previous.bind(r.command, scope).step()) out.baseline = previous.integer(0);
        if (out.baseline) out.regressions = regressions(load_facts(*out.baseline), facts);

        Stmt(m_db,
             "INSERT INTO runs (started_ns, finished_ns, host, command, scope, verdict, interrupted, files, "
             "report, baseline, operator, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
            .bind(run.started_ns, run.finished_ns, run.host, r.command, scope,
                  std::string(model::status_name(r.verdict)), std::int64_t{r.interrupted}, files,
                  std::string(report_json), out.baseline, run.provenance.operator_name, run.provenance.note)
            .step();
        out.run = sqlite3_last_insert_rowid(m_db);
        Stmt req(m_db, "INSERT INTO requirements (run, requirement, status) VALUES (?1, ?2, ?3)");
        for (const auto& [id, status] : facts.requirements)
            req.bind(out.run, id, status).step();
        Stmt finding(m_db, "INSERT INTO findings (run, kind, key, detail) VALUES (?1, ?2, ?3, ?4)");
        for (const auto& f : facts.findings)
            finding.bind(out.run, f.kind, f.key, f.detail).step();
        Stmt regression(m_db, "INSERT INTO regressions (run, kind, key, detail) VALUES (?1, ?2, ?3, ?4)");
        for (const auto& g : out.regressions)
            regression.bind(out.run, g.kind, g.key, g.detail).step();
        if (before_commit)
            if (auto done = before_commit(); !done) return unexpected(done.error());
        tx.commit();
        return out;
    } catch (const DbError& e) {
        return unexpected(m_path + ": cannot record the run in the history database: " + e.what);
    }
}

Expected<std::vector<RunRow>, std::string> History::list(std::size_t limit, bool only_regressions) {
    try {
        Transaction tx(m_db, false); // one snapshot, whatever runs record meanwhile
        std::vector<RunRow> rows;
        // json_type() fails on malformed JSON, hence the CASE: a damaged report must not stop the listing.
        Stmt runs(
            m_db,
            "SELECT id, started_ns, finished_ns, host, command, scope, verdict, interrupted, files, "
            "baseline, "
            "CASE WHEN json_valid(report) THEN json_type(report) END, operator, note "
            "FROM runs WHERE NOT ?1 OR EXISTS (SELECT 1 FROM regressions WHERE regressions.run = runs.id) "
            "ORDER BY id DESC LIMIT ?2");
        runs.bind(std::int64_t{only_regressions},
                  limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(limit));
        Stmt regs(m_db, "SELECT kind, key, detail FROM regressions WHERE run = ?1");
        while (runs.step()) {
            RunRow row{.id = runs.integer(0),
                       .started_ns = runs.integer(1),
                       .finished_ns = runs.integer(2),
                       .host = runs.text(3),
                       .command = runs.text(4),
                       .scope = runs.text(5),
                       .verdict = runs.text(6),
                       .interrupted = runs.integer(7) != 0,
                       .files = {},
                       .baseline = runs.null(9) ? std::nullopt : std::optional(runs.integer(9)),
                       .requirements = {},
                       .regressions = {},
                       .problems = {},
                       .operator_name = runs.text(11),
                       .note = runs.text(12)};
            if (auto files = paths_of(runs.text(8)))
                row.files = std::move(*files);
            else
                row.problems.push_back("files is not a JSON array of paths");
            if (runs.text(10) != "object") row.problems.push_back("report is not a JSON object");
            row.requirements = load_facts(row.id).requirements;
            for (regs.bind(row.id); regs.step();)
                row.regressions.push_back({regs.text(0), regs.text(1), regs.text(2)});
            std::sort(row.regressions.begin(), row.regressions.end());
            rows.push_back(std::move(row));
        }
        tx.commit();
        std::reverse(rows.begin(), rows.end());
        return rows;
    } catch (const DbError& e) {
        return unexpected(m_path + ": history database: " + e.what);
    }
}

Expected<std::string, std::string> default_path(bool create_dirs) {
    namespace fs = std::filesystem;
    fs::path dir;
    const char* state = std::getenv("XDG_STATE_HOME");
    const char* home = std::getenv("HOME");
    if (geteuid() == 0)
        dir = "/var/lib/isoprobe";
    else if (state && state[0] == '/') // the XDG rule: a relative value is ignored
        dir = fs::path(state) / "isoprobe";
    else if (home && home[0] == '/')
        dir = fs::path(home) / ".local/state/isoprobe";
    else
        return unexpected(
            std::string("no place for the history database: HOME is not set (give --db PATH or --no-db)"));
    if (create_dirs) {
        fs::path partial;
        for (const auto& part : dir) {
            partial /= part;
            if (mkdir(partial.c_str(), 0700) != 0 && errno != EEXIST)
                return unexpected(partial.string() + ": cannot create the history directory: " +
                                  std::strerror(errno) + " (give --db PATH or --no-db)");
        }
        // mkdir never follows a link, but an existing one would be followed from here on: the directory is
        // ours to create, so a link in its place was planted.
        struct stat st {};
        if (lstat(dir.c_str(), &st) == 0 && S_ISLNK(st.st_mode))
            return unexpected(
                dir.string() +
                ": refusing the history directory: it is a symbolic link (give --db PATH or --no-db)");
    }
    return (dir / "history.db").string();
}

} // namespace isoprobe::history
