// `isoprobe audit -i IF --out DIR`: the field audit. Runs the probe with its passive watch and writes one report
// (report.json, report.txt, report.html) with the whole run as capture.pcapng into DIR.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <memory>

#include "cli/commands.hpp"
#include "cli/errors.hpp"
#include "cli/live.hpp"
#include "cli/output.hpp"
#include "util/atomic_file.hpp"

namespace isoprobe::cli {

namespace {
struct AuditCommand {
    LiveOptions live;
    Outputs outputs;
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

int audit_into(AuditCommand& o) {
    // Every output is opened (and its space reserved) before the first frame is sent: an unwritable directory or a
    // full disk fails now, not after the run.
    o.outputs.write_into(o.out_dir, o.quiet);
    o.outputs.open();
    const std::string pcapng_path = o.out_dir + "/capture.pcapng";
    auto pcapng = AtomicFile::open(pcapng_path, 8u << 20);
    if (!pcapng) throw UserError(pcapng.error());
    auto run = run_live(o.live, !o.quiet);
    run.report.command = "audit";
    if (auto done = pcapng->commit(run.pcapng); !done) throw UserError(done.error());
    return o.outputs.emit(std::move(run.report), {pcapng_path});
}

int run_audit(AuditCommand& o) {
    if (o.out_dir.empty()) o.out_dir = default_dir();
    if (mkdir(o.out_dir.c_str(), 0755) == 0) {
        // A run that stops before any traffic (no such interface, say) leaves no empty directory behind: a nightly
        // timer on a missing interface would pile them up.
        try {
            return audit_into(o);
        } catch (const UserError&) {
            o.outputs.discard();
            rmdir(o.out_dir.c_str()); // only succeeds while it is empty
            throw;
        }
    }
    if (errno != EEXIST) throw UserError(o.out_dir + ": cannot create the output directory: " + std::strerror(errno));
    return audit_into(o);
}
} // namespace

Command add_audit(CLI::App& app) {
    auto opts = std::make_shared<AuditCommand>();
    auto* cmd = app.add_subcommand("audit", "Field audit: probe, passive watch and 802.1X checks, one report with evidence");
    add_live_options(*cmd, opts->live);
    cmd->add_option("--out", opts->out_dir, "Directory for report.json, report.txt, report.html and capture.pcapng (default isoprobe-audit-<UTC time>)")
        ->type_name("DIR");
    cmd->add_flag("-q,--quiet", opts->quiet, "Print nothing; the exit code and the files tell");
    opts->outputs.add_options(*cmd);
    return [opts] { return run_audit(*opts); };
}

} // namespace isoprobe::cli
