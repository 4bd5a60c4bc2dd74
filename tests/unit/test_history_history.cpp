// The run history: facts and regressions (pure), and the SQLite store (record, list, schema, errors).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "history/history.hpp"
#include "history/regressions.hpp"
#include "report/json.hpp"
#include "util/json_text.hpp"

using namespace isoprobe;
using history::Finding;
using history::Regression;
using history::RunFacts;
namespace fs = std::filesystem;

namespace {

// As `Outputs` records a run: with its JSON report.
Expected<history::Recorded, std::string> record(history::History& h, const model::Report& r) {
    return h.record(r, dump_json(report::to_json(r)));
}

model::Endpoint peer(const char* mac, const char* ip) {
    return {MacAddr::parse(mac), *IpAddr::parse(ip)};
}

model::Report live_report(model::Status isolation, std::vector<std::string> reached_methods) {
    model::Report r;
    r.command = "probe";
    r.requirements = {{"terminal-isolation", isolation, {}},
                      {"wlan-encryption", model::Status::not_tested, {}}};
    r.verdict = isolation;
    r.segment.emplace().interface = "probe0";
    for (const auto& m : reached_methods)
        r.probes.push_back(
            {peer("02:00:00:00:00:0b", "198.51.100.11"), true, m, model::ProbeOutcome::reached, {}, {}});
    r.probes.push_back({peer("02:00:00:00:00:14", "198.51.100.20"),
                        false,
                        "icmp",
                        model::ProbeOutcome::not_reached,
                        {},
                        {}});
    r.run.emplace(model::RunInfo{.started_ns = 1'700'000'000'000'000'000,
                                 .finished_ns = 1'700'000'012'500'000'000,
                                 .host = "lab",
                                 .phases = {},
                                 .files = {"/tmp/x/report.json"},
                                 .provenance = {},
                                 .analysis = std::nullopt});
    return r;
}

// Another program's hand on the file.
void sql(const std::string& path, const char* statement) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, statement, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
}

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("isoprobe-history-" + std::to_string(::getpid()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};

} // namespace

TEST_CASE("regressions between two runs") {
    RunFacts before{{{"terminal-isolation", "pass"}, {"wlan-encryption", "pass"}, {"8021x-eap-tls", "fail"}},
                    {{"bss", "02:00:00:00:01:01 \"office\"", "wpa2-enterprise"},
                     {"conversation", "02:00:00:00:00:01 <-> 02:00:00:00:00:02", "arp, 2 frame(s)"},
                     {"reached", "icmp 02:00:00:00:00:0b", "the sentinel 198.51.100.11"}}};

    SUBCASE("nothing changed: none") {
        CHECK(history::regressions(before, before).empty());
    }
    SUBCASE(
        "pass -> fail and pass -> inconclusive are their own kinds; fail -> pass and fail -> fail are not") {
        RunFacts now = before;
        now.requirements = {
            {"terminal-isolation", "fail"}, {"wlan-encryption", "inconclusive"}, {"8021x-eap-tls", "pass"}};
        auto g = history::regressions(before, now);
        REQUIRE(g.size() == 2);
        CHECK(g[0] ==
              Regression{"requirement-fail", "terminal-isolation", "pass in the previous run, fail now"});
        CHECK(g[1].kind == "requirement-inconclusive");
        CHECK(g[1].key == "wlan-encryption");
    }
    SUBCASE("pass -> not-tested, and a requirement new in this run, are not regressions") {
        RunFacts now = before;
        now.requirements["terminal-isolation"] = "not-tested";
        now.requirements["ap-inventory"] = "fail";
        CHECK(history::regressions(before, now).empty());
    }
    SUBCASE("a new peer reached, a new conversation pair and a new BSS; a vanished one is not a regression") {
        RunFacts now = before;
        now.findings = {{"bss", "02:00:00:00:01:01 \"office\"", "wpa2-enterprise"},
                        {"bss", "02:00:00:00:66:66 \"office\"", "open"},
                        {"conversation", "02:00:00:00:00:01 -> 02:00:00:00:00:03", "mdns, 1 frame(s)"},
                        {"eap-method", "02:00:00:00:00:01 peap", "identity \"a\""},
                        {"reached", "smb 02:00:00:00:00:0b", "the sentinel 198.51.100.11"}};
        auto g = history::regressions(before, now);
        REQUIRE(g.size() == 3);
        CHECK(g[0] == Regression{"new-bss", "02:00:00:00:66:66 \"office\"", "open"});
        CHECK(g[1].kind == "new-conversation");
        CHECK(g[2] == Regression{"new-reached", "smb 02:00:00:00:00:0b", "the sentinel 198.51.100.11"});
    }
    SUBCASE("requirement regressions come first") {
        RunFacts now = before;
        now.requirements["terminal-isolation"] = "fail";
        now.findings.push_back({"bss", "02:00:00:00:77:77 (hidden)", "open"});
        auto g = history::regressions(before, now);
        REQUIRE(g.size() == 2);
        CHECK(g[0].kind == "requirement-fail");
        CHECK(g[1].kind == "new-bss");
    }
}

TEST_CASE("facts of a report: stable keys, each fact once") {
    auto r = live_report(model::Status::fail, {"icmp", "smb"});
    model::Conversation c;
    c.a = peer("02:00:00:00:00:01", "198.51.100.1");
    c.b = peer("02:00:00:00:00:02", "198.51.100.2");
    c.frame_count = 4;
    r.conversations = {c, c}; // the same pair twice (two IP pairs): one fact
    r.conversations[1].a.ip = *IpAddr::parse("2001:db8::1");
    model::Conversation bc = c;
    bc.kind = model::ConversationKind::broadcast;
    r.conversations.push_back(bc);
    auto f = history::facts_of(r);
    CHECK(f.requirements.at("terminal-isolation") == "fail");
    std::vector<std::string> keys;
    for (const auto& x : f.findings)
        keys.push_back(x.kind + "|" + x.key);
    CHECK(keys == std::vector<std::string>{"conversation|02:00:00:00:00:01 -> 02:00:00:00:00:02",
                                           "conversation|02:00:00:00:00:01 <-> 02:00:00:00:00:02",
                                           "reached|icmp 02:00:00:00:00:0b",
                                           "reached|smb 02:00:00:00:00:0b"});
    CHECK(history::scope_of(r) == "probe0");
    model::Report replay;
    replay.capture.files = {{"/a.pcap", 1, 2}, {"/b.pcap", 3, 4}};
    CHECK(history::scope_of(replay) == "/a.pcap /b.pcap");
}

TEST_CASE("History records runs and lists them with their regressions") {
    TempDir dir;
    const std::string db = (dir.path / "history.db").string();
    {
        auto h = history::History::open(db, history::History::Mode::record);
        REQUIRE(h.has_value());
        auto first = record(*h, live_report(model::Status::pass, {}));
        REQUIRE(first.has_value());
        CHECK_FALSE(first->baseline.has_value());
        CHECK(first->regressions.empty());

        auto interrupted = live_report(model::Status::inconclusive, {});
        interrupted.interrupted = true;
        REQUIRE(record(*h, interrupted).has_value());

        auto other_scope = live_report(model::Status::fail, {"icmp"});
        other_scope.segment->interface = "eth1";
        auto o = record(*h, other_scope);
        REQUIRE(o.has_value());
        CHECK_FALSE(o->baseline.has_value()); // another interface is another history

        // Compared with the last uninterrupted run of the same command and interface: the first one.
        auto third = record(*h, live_report(model::Status::fail, {"icmp"}));
        REQUIRE(third.has_value());
        CHECK(third->baseline == first->run);
        REQUIRE(third->regressions.size() == 2);
        CHECK(third->regressions[0].kind == "requirement-fail");
        CHECK(third->regressions[1] ==
              Regression{"new-reached", "icmp 02:00:00:00:00:0b", "the sentinel 198.51.100.11"});
    }
    auto h = history::History::open(db, history::History::Mode::read);
    REQUIRE(h.has_value());
    auto rows = h->list(0, false);
    REQUIRE(rows.has_value());
    REQUIRE(rows->size() == 4);
    const auto& last = rows->back();
    CHECK(last.id == 4);
    CHECK(last.command == "probe");
    CHECK(last.scope == "probe0");
    CHECK(last.verdict == "fail");
    CHECK(last.host == "lab");
    CHECK(last.finished_ns - last.started_ns == 12'500'000'000);
    CHECK(last.files == std::vector<std::string>{"/tmp/x/report.json"});
    CHECK(last.requirements.at("terminal-isolation") == "fail");
    CHECK(last.regressions.size() == 2);
    CHECK(rows->at(1).interrupted);

    auto latest = h->list(2, false);
    REQUIRE(latest.has_value());
    REQUIRE(latest->size() == 2);
    CHECK(latest->front().id == 3); // the latest two, oldest first
    auto only = h->list(0, true);
    REQUIRE(only.has_value());
    // The interrupted run is compared too (pass -> inconclusive), though never used as a baseline.
    REQUIRE(only->size() == 2);
    CHECK(only->front().id == 2);
    CHECK(only->front().regressions.at(0).kind == "requirement-inconclusive");
    CHECK(only->back().id == 4);
}

TEST_CASE("History refuses what it cannot use, in one line") {
    TempDir dir;
    auto one_line = [](const std::string& e) { return e.find('\n') == std::string::npos; };

    SUBCASE("a missing database to read") {
        auto h = history::History::open((dir.path / "none.db").string(), history::History::Mode::read);
        REQUIRE_FALSE(h.has_value());
        CHECK(h.error().find("no history database") != std::string::npos);
        CHECK_FALSE(fs::exists(dir.path / "none.db"));
    }
    SUBCASE("a directory that does not exist") {
        auto h = history::History::open((dir.path / "no" / "h.db").string(), history::History::Mode::record);
        REQUIRE_FALSE(h.has_value());
        CHECK(h.error().find("No such file or directory") != std::string::npos);
        CHECK(one_line(h.error()));
    }
    SUBCASE("a file that is not a database") {
        const auto path = (dir.path / "report.json").string();
        std::ofstream(path) << "{\"schema\": \"isoprobe.report/1\"}\n";
        auto h = history::History::open(path, history::History::Mode::record);
        REQUIRE_FALSE(h.has_value());
        CHECK(h.error().find("not a database") != std::string::npos);
    }
    SUBCASE("another program's SQLite database, and one from a newer isoprobe") {
        const auto path = (dir.path / "h.db").string();
        REQUIRE(history::History::open(path, history::History::Mode::record).has_value());
        const auto other = (dir.path / "other.db").string();
        sql(other, "CREATE TABLE t (x)");
        auto h = history::History::open(other, history::History::Mode::record);
        REQUIRE_FALSE(h.has_value());
        CHECK(h.error().find("not an isoprobe history database") != std::string::npos);
        sql(path, "PRAGMA user_version = 99");
        auto newer = history::History::open(path, history::History::Mode::read);
        REQUIRE_FALSE(newer.has_value());
        CHECK(newer.error().find("newer") != std::string::npos);
    }
}

namespace {

// A file only root may read, standing for /etc/ld.so.preload: what a planted link must never create, fill or
// give away.
struct Victim {
    fs::path path;
    struct stat before {};
    explicit Victim(fs::path p) : path(std::move(p)) {
        std::ofstream(path) << "root's own\n";
        fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
        REQUIRE(::stat(path.c_str(), &before) == 0);
    }
    void check_untouched() const {
        struct stat now {};
        REQUIRE(::stat(path.c_str(), &now) == 0);
        CHECK(now.st_uid == before.st_uid);
        CHECK(now.st_gid == before.st_gid);
        CHECK(now.st_mode == before.st_mode);
        CHECK(now.st_size == before.st_size);
        std::ifstream in(path);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        CHECK(text == "root's own\n");
    }
};

// The state directory belongs to the service user, as /var/lib/isoprobe does (as root; otherwise it is ours
// anyway).
void give_to_service_user(const fs::path& dir) {
    if (::geteuid() == 0) REQUIRE(::chown(dir.c_str(), 65534, 65534) == 0);
}

} // namespace

TEST_CASE("History never follows a link planted in its directory") {
    TempDir dir;
    const fs::path state = dir.path / "state";
    fs::create_directories(state);
    give_to_service_user(state);
    const auto db = state / "history.db";
    auto refused_as_link = [](const Expected<history::History, std::string>& h, const fs::path& link) {
        REQUIRE_FALSE(h.has_value());
        CHECK(h.error() == link.string() + ": refusing the history database: it is a symbolic link");
    };

    SUBCASE("a dangling link: its target is not created") {
        const auto target = dir.path / "ld.so.preload";
        fs::create_symlink(target, db);
        for (auto mode : {history::History::Mode::record, history::History::Mode::read})
            refused_as_link(history::History::open(db.string(), mode), db);
        CHECK_FALSE(fs::exists(target));
    }
    SUBCASE("a link to an existing root-only file: left as it was, never chowned") {
        Victim victim(dir.path / "shadow");
        fs::create_symlink(victim.path, db);
        refused_as_link(history::History::open(db.string(), history::History::Mode::record), db);
        victim.check_untouched();
    }
    SUBCASE("a link planted as the -wal, -shm or -journal companion of an existing database") {
        REQUIRE(history::History::open(db.string(), history::History::Mode::record).has_value());
        for (const std::string suffix : {"-wal", "-shm", "-journal"}) {
            CAPTURE(suffix);
            Victim victim(dir.path / ("victim" + suffix));
            const fs::path link = db.string() + suffix;
            fs::remove(link); // SQLite removes its companions on a clean close; the test makes sure
            fs::create_symlink(victim.path, link);
            for (auto mode : {history::History::Mode::record, history::History::Mode::read})
                refused_as_link(history::History::open(db.string(), mode), link);
            victim.check_untouched();
            fs::remove(link);
        }
        CHECK(history::History::open(db.string(), history::History::Mode::record).has_value());
    }
    SUBCASE("a new database is created 0600 without following links, and given to the directory's owner") {
        auto h = history::History::open(db.string(), history::History::Mode::record);
        REQUIRE(h.has_value());
        struct stat st {
        }, dir_st{};
        REQUIRE(::lstat(db.c_str(), &st) == 0);
        REQUIRE(::stat(state.c_str(), &dir_st) == 0);
        CHECK(S_ISREG(st.st_mode));
        CHECK((st.st_mode & 07777) == 0600);
        CHECK(st.st_uid == dir_st.st_uid);
    }
}

TEST_CASE("a damaged row is listed and flagged, and regressions are still computed past it") {
    TempDir dir;
    const std::string db = (dir.path / "history.db").string();
    {
        auto h = history::History::open(db, history::History::Mode::record);
        REQUIRE(h.has_value());
        REQUIRE(record(*h, live_report(model::Status::pass, {})).has_value());
        REQUIRE(record(*h, live_report(model::Status::pass, {})).has_value());
    }
    sql(db, "UPDATE runs SET files = '{\"not\": \"a list\"}', report = 'truncated {' WHERE id = 1");
    sql(db, "UPDATE runs SET files = '[\"/ok\", 7]', report = '[]' WHERE id = 2");

    auto h = history::History::open(db, history::History::Mode::record);
    REQUIRE(h.has_value());
    auto third = record(*h, live_report(model::Status::fail, {"icmp"}));
    REQUIRE(third.has_value());
    CHECK(third->baseline == 2);
    REQUIRE(third->regressions.size() == 2);
    CHECK(third->regressions[0] ==
          Regression{"requirement-fail", "terminal-isolation", "pass in the previous run, fail now"});

    auto rows = h->list(0, false);
    REQUIRE(rows.has_value());
    REQUIRE(rows->size() == 3);
    for (const auto& damaged : {rows->at(0), rows->at(1)}) {
        CAPTURE(damaged.id);
        CHECK(damaged.files.empty());
        CHECK(damaged.problems ==
              std::vector<std::string>{"files is not a JSON array of paths", "report is not a JSON object"});
        CHECK(damaged.requirements.at("terminal-isolation") == "pass"); // the rest of the row is intact
    }
    CHECK(rows->at(2).problems.empty());
    CHECK(rows->at(2).files == std::vector<std::string>{"/tmp/x/report.json"});
}

TEST_CASE("History keeps names that are not UTF-8 byte for byte") {
    TempDir dir;
    const std::string db = (dir.path / "history.db").string();
    auto r = live_report(model::Status::pass, {});
    r.segment->interface = "bad\xff"
                           "if";
    r.run->host = "h\xfe";
    r.run->files = {"/tmp/x/r\xff.json", "/tmp/x/plain.json"};
    {
        auto h = history::History::open(db, history::History::Mode::record);
        REQUIRE(h.has_value());
        REQUIRE(record(*h, r).has_value());
    }
    auto h = history::History::open(db, history::History::Mode::read);
    REQUIRE(h.has_value());
    auto rows = h->list(0, false);
    REQUIRE(rows.has_value());
    REQUIRE(rows->size() == 1);
    CHECK(rows->front().scope == "bad\xff"
                                 "if");
    CHECK(rows->front().host == "h\xfe");
    CHECK(rows->front().files == std::vector<std::string>{"/tmp/x/r\xff.json", "/tmp/x/plain.json"});
}
