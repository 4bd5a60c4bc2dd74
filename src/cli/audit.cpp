// `isoprobe audit -i IF --out DIR`: the field audit. Runs the probe with its passive watch and writes one
// report (report.json, report.txt, report.html) with the whole run as capture.pcapng into DIR, and their
// SHA256SUMS last (`isoprobe verify DIR` checks them and re-analyses the capture).
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

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
    bool quiet = false, force = false;
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
    // Every output is opened (and its space reserved) before the first frame is sent: an unwritable directory
    // or a full disk fails now, not after the run.
    o.outputs.open();
    auto run = run_live(o.live, !o.quiet);
    run.report.command = "audit";
    return o.outputs.emit(std::move(run.report), run.pcapng);
}

// Run as root, an --out that another user could plant as a link would send root's reports wherever that user
// likes.
void refuse_foreign_link(const std::string& dir) {
    std::string path = dir;
    while (path.size() > 1 && path.back() == '/')
        path.pop_back(); // "link/" would be the directory it points to
    struct stat st {};
    if (lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode) && st.st_uid != geteuid() && st.st_uid != 0)
        throw UserError(dir + ": is a symbolic link owned by another user: refusing to follow it");
}

// A directory holding an earlier run would lose that run's evidence; what a killed run left (its temporaries)
// does not count.
void refuse_earlier_run(const AuditCommand& o) {
    for (const auto& path : o.outputs.paths())
        remove_stale_temporaries(path);
    DIR* d = opendir(o.out_dir.c_str());
    if (d == nullptr)
        throw UserError(o.out_dir + ": cannot use the output directory: " + std::strerror(errno));
    bool empty = true;
    while (const dirent* e = readdir(d))
        if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0) empty = false;
    closedir(d);
    if (!empty)
        throw UserError(
            o.out_dir +
            ": not empty (an earlier run?): choose a new directory, or add --force to replace its reports");
}

int run_audit(AuditCommand& o) {
    if (o.out_dir.empty()) o.out_dir = default_dir();
    refuse_foreign_link(o.out_dir);
    o.outputs.write_into(o.out_dir, o.quiet);
    o.outputs.capture_to(o.out_dir + "/" + k_capture_name);
    if (mkdir(o.out_dir.c_str(), 0755) == 0) {
        // A run that stops before any traffic (no such interface, say) leaves no empty directory behind: a
        // nightly timer on a missing interface would pile them up.
        try {
            return audit_into(o);
        } catch (const UserError&) {
            o.outputs.discard();
            rmdir(o.out_dir.c_str()); // only succeeds while it is empty
            throw;
        }
    }
    if (errno != EEXIST)
        throw UserError(o.out_dir + ": cannot create the output directory: " + std::strerror(errno));
    refuse_foreign_link(o.out_dir); // planted between the first look and mkdir
    if (!o.force) refuse_earlier_run(o);
    return audit_into(o);
}
} // namespace

Command add_audit(CLI::App& app) {
    auto opts = std::make_shared<AuditCommand>();
    auto* cmd = app.add_subcommand(
        "audit", "Field audit: probe, passive watch and 802.1X checks, one report with evidence");
    add_live_options(*cmd, opts->live);
    cmd->add_option("--out", opts->out_dir,
                    "Directory for report.json, report.txt, report.html, capture.pcapng and their SHA256SUMS "
                    "(default isoprobe-audit-<UTC time>)")
        ->type_name("DIR");
    cmd->add_flag("--force", opts->force,
                  "Write into an --out directory that is not empty, replacing the reports and capture of an "
                  "earlier run");
    cmd->add_flag("-q,--quiet", opts->quiet, "Print nothing; the exit code and the files tell");
    opts->outputs.add_options(*cmd);
    return [opts] { return run_audit(*opts); };
}

} // namespace isoprobe::cli
