// `isoprobe audit -i IF --out DIR`: the field audit. Runs the probe with its passive watch and writes one report
// (report.json, report.txt) with the whole run as capture.pcapng into DIR.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>

#include "cli/commands.hpp"
#include "cli/errors.hpp"
#include "cli/live.hpp"
#include "cli/output.hpp"
#include "report/json.hpp"
#include "report/text.hpp"
#include "util/atomic_file.hpp"

namespace isoprobe::cli {

namespace {
struct AuditCommand {
    LiveOptions live;
    std::string out_dir;
    bool quiet = false;
};

std::string default_dir() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "isoprobe-audit-%Y%m%dT%H%M%SZ", &tm);
    return buf;
}

AtomicFile open_in(const std::string& dir, const char* name) {
    auto f = AtomicFile::open(dir + "/" + name);
    if (!f) throw UserError(f.error());
    return std::move(f.value());
}

void commit(AtomicFile& f, const std::string& content) {
    auto done = f.commit(content);
    if (!done) throw UserError(done.error());
}

int run_audit(AuditCommand& o) {
    if (o.out_dir.empty()) o.out_dir = default_dir();
    if (mkdir(o.out_dir.c_str(), 0755) != 0 && errno != EEXIST)
        throw UserError(o.out_dir + ": cannot create the output directory: " + std::strerror(errno));
    // Every output is opened before the first frame is sent: an unwritable directory fails now, not after the run.
    AtomicFile json = open_in(o.out_dir, "report.json");
    AtomicFile text = open_in(o.out_dir, "report.txt");
    AtomicFile pcapng = open_in(o.out_dir, "capture.pcapng");
    auto run = run_live(o.live, true);
    run.report.command = "audit";
    commit(pcapng, run.pcapng);
    commit(json, report::to_json(run.report).dump(2) + "\n");
    commit(text, report::to_text(run.report, false));
    if (!o.quiet) {
        std::string summary = report::to_text(run.report, isatty(STDOUT_FILENO) != 0);
        std::fwrite(summary.data(), 1, summary.size(), stdout);
        std::printf("\nWritten: %s/report.json, %s/report.txt, %s/capture.pcapng\n", o.out_dir.c_str(), o.out_dir.c_str(), o.out_dir.c_str());
    }
    return static_cast<int>(exit_for(run.report.verdict));
}
} // namespace

Command add_audit(CLI::App& app) {
    auto opts = std::make_shared<AuditCommand>();
    auto* cmd = app.add_subcommand("audit", "Field audit: probe, passive watch and 802.1X checks, one report with evidence");
    add_live_options(*cmd, opts->live);
    cmd->add_option("--out", opts->out_dir, "Directory for report.json, report.txt and capture.pcapng (default isoprobe-audit-<UTC time>)")
        ->type_name("DIR");
    cmd->add_flag("-q,--quiet", opts->quiet, "Print nothing; the exit code and the files tell");
    return [opts] { return run_audit(*opts); };
}

} // namespace isoprobe::cli
