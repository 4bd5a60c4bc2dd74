// `isoprobe verify DIR`: whether an audit directory is the evidence it was when written (SHA256SUMS) and
// whether its capture still gives the recorded verdict (docs/report.md, "Verifying an audit directory").
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analyze/replay.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/errors.hpp"
#include "cli/output.hpp"
#include "report/json.hpp"
#include "report/recorded.hpp"
#include "util/escape.hpp"
#include "util/sha256.hpp"

namespace isoprobe::cli {

namespace {
using nlohmann::json;

struct VerifyOptions {
    std::string dir;
};

// What verify found, printed as it goes: `ok` lines, and the differences that make the exit code 1.
class Findings {
  public:
    void ok(const std::string& text) { std::printf("  ok       %s\n", terminal_safe(text).c_str()); }
    void differs(const std::string& text) {
        ++m_differences;
        std::printf("  DIFFERS  %s\n", terminal_safe(text).c_str());
    }
    void note(const std::string& text) { std::printf("  note     %s\n", terminal_safe(text).c_str()); }
    int differences() const { return m_differences; }

  private:
    int m_differences = 0;
};

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    if (!in || !(text << in.rdbuf())) return std::nullopt;
    return text.str();
}

std::vector<std::string> directory_entries(const std::string& dir) {
    std::vector<std::string> names;
    struct Close {
        void operator()(DIR* d) const { closedir(d); }
    };
    std::unique_ptr<DIR, Close> d(opendir(dir.c_str()));
    if (!d) throw UserError(dir + ": cannot read the directory: " + std::strerror(errno));
    while (const dirent* e = readdir(d.get()))
        if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0)
            names.emplace_back(e->d_name);
    std::sort(names.begin(), names.end());
    return names;
}

// Every listed file present with its digest; files of the directory the list leaves out are named, not
// counted as differences: they are simply not part of the signed evidence.
void check_sums(const std::string& dir, Findings& f) {
    const std::string sums_path = dir + "/" + k_sums_name;
    auto text = read_file(sums_path);
    if (!text)
        throw UserError(sums_path + ": cannot read: " + std::strerror(errno) + " (not an audit directory?)");
    auto lines = parse_sha256sums(*text);
    if (!lines) {
        f.differs(std::string(k_sums_name) + ": " + lines.error());
        return;
    }
    std::set<std::string> listed;
    for (const auto& l : *lines) {
        listed.insert(l.name);
        if (l.name.find('/') != std::string::npos || l.name == "." || l.name == "..") {
            f.differs(l.name + ": listed in SHA256SUMS but not a file name of the directory");
            continue;
        }
        auto digest = sha256_file(dir + "/" + l.name);
        if (!digest)
            f.differs(l.name + ": listed in SHA256SUMS but missing or unreadable");
        else if (*digest != l.digest)
            f.differs(l.name + ": digest mismatch (SHA256SUMS " + l.digest.substr(0, 16) + "..., file " +
                      digest->substr(0, 16) + "...)");
        else
            f.ok(l.name + ": digest matches");
    }
    for (const char* required : {k_capture_name, k_report_name})
        if (!listed.count(required)) f.differs(std::string(required) + ": not listed in SHA256SUMS");
    for (const auto& name : directory_entries(dir))
        if (name != k_sums_name && !listed.count(name))
            f.note(name + ": in the directory but not listed in SHA256SUMS (not part of the evidence)");
}

std::optional<model::Status> status_named(const std::string& name) {
    for (auto s :
         {model::Status::pass, model::Status::fail, model::Status::inconclusive, model::Status::not_tested})
        if (model::status_name(s) == name) return s;
    return std::nullopt;
}

// The recorded analysis run again on the capture: the verdict and every requirement's status must come out
// as recorded. Throws json::exception when the report does not have the shape docs/report.schema.json gives.
void compare_reanalysis(const json& r, const std::string& capture_path, Findings& f) {
    if (!r.contains("run") || !r.at("run").contains("analysis"))
        return f.differs(std::string(k_report_name) +
                         ": records no analysis inputs (written by an isoprobe without verify?)");
    const analyze::Recorded rec = report::recorded_of(r);
    if (rec.command != "audit" && rec.command != "probe" && rec.command != "inspect")
        return f.differs(std::string(k_report_name) + ": a report of `" + rec.command +
                         "`, which verify cannot re-analyse");
    if (const auto files = r.at("capture").at("files").size(); rec.command == "inspect" && files != 1)
        return f.differs(std::string(k_report_name) + ": analyses " + std::to_string(files) +
                         " capture files, the directory holds one");
    if (const json& d = r.at("run").at("provenance").at("capture_sha256"); d.is_string()) {
        auto digest = sha256_file(capture_path);
        if (digest && *digest != d.get<std::string>())
            f.differs(std::string(k_capture_name) +
                      ": not the capture the report records (its capture_sha256 differs)");
        else if (digest)
            f.ok(std::string(k_capture_name) + ": the capture the report records (capture_sha256)");
    }
    auto replayed = analyze::replay(capture_path, rec);
    if (!replayed) return f.differs("re-analysis: " + replayed.error());
    for (const auto& problem : replayed->problems)
        f.differs("probe evidence: " + problem);
    auto& now = replayed->report.requirements;
    // The inventory an inspect survey held the BSSes against is not part of the directory.
    const bool survey = r.contains("inventory") && !r.at("inventory").is_null();
    for (const auto& q : r.at("requirements")) {
        const auto id = q.at("id").get<std::string>();
        const auto recorded = q.at("status").get<std::string>();
        auto it =
            std::find_if(now.begin(), now.end(), [&](const model::Requirement& x) { return x.id == id; });
        if (survey && id == "ap-inventory") {
            f.note("requirement " + id + ": not re-checked (the inventory file is not in the directory)");
            if (auto s = status_named(recorded); s && it != now.end()) it->status = *s;
            continue;
        }
        const std::string current = it == now.end() ? "absent" : std::string(model::status_name(it->status));
        if (current == recorded)
            f.ok("requirement " + id + ": " + recorded + " reproduced");
        else
            f.differs("requirement " + id + ": recorded " + recorded + ", now " + current);
    }
    std::vector<model::Status> statuses;
    for (const auto& q : now)
        statuses.push_back(q.status);
    const auto verdict = std::string(model::status_name(model::combine(statuses)));
    const auto recorded_verdict = r.at("verdict").get<std::string>();
    if (verdict == recorded_verdict)
        f.ok("verdict: " + verdict + " reproduced");
    else
        f.differs("verdict: recorded " + recorded_verdict + ", now " + verdict);
}

void check_reanalysis(const std::string& dir, Findings& f) {
    auto text = read_file(dir + "/" + k_report_name);
    if (!text)
        return f.differs(std::string(k_report_name) + ": missing or unreadable: nothing to re-analyse");
    try {
        compare_reanalysis(json::parse(*text), dir + "/" + k_capture_name, f);
    } catch (const json::exception& e) {
        f.differs(std::string(k_report_name) + ": not a report isoprobe wrote: " + e.what());
    }
}

int run_verify(const VerifyOptions& o) {
    struct stat st {};
    if (stat(o.dir.c_str(), &st) != 0) throw UserError(o.dir + ": " + std::strerror(errno));
    if (!S_ISDIR(st.st_mode)) throw UserError(o.dir + ": not a directory (give an audit --out directory)");
    std::printf("isoprobe verify %s\n", terminal_safe(o.dir).c_str());
    Findings f;
    check_sums(o.dir, f);
    check_reanalysis(o.dir, f);
    if (f.differences() == 0) {
        std::printf("verified: the files match SHA256SUMS and the capture reproduces the recorded verdict\n");
        return static_cast<int>(Exit::pass);
    }
    std::printf("NOT verified: %d difference%s\n", f.differences(), f.differences() == 1 ? "" : "s");
    return static_cast<int>(Exit::fail);
}
} // namespace

Command add_verify(CLI::App& app) {
    auto opts = std::make_shared<VerifyOptions>();
    auto* cmd = app.add_subcommand(
        "verify", "Check an audit directory against its SHA256SUMS and re-analyse its capture (exit 0: "
                  "intact and reproduced, 1: not)");
    cmd->add_option("dir", opts->dir, "The audit's --out directory")->required()->type_name("DIR");
    return [opts] { return run_verify(*opts); };
}

} // namespace isoprobe::cli
