#include "cli/provenance.hpp"

#include <sys/stat.h>
#include <sys/timex.h>

#include "util/build_info.hpp"
#include "util/escape.hpp"
#include "util/sha256.hpp"

namespace isoprobe::cli {

namespace {
struct Invocation {
    std::string command_line, config_path, config_sha256 = "none";
};
Invocation& invocation() {
    static Invocation i;
    return i;
}
} // namespace

void note_invocation(const std::vector<std::string>& argv, const std::string& config_path) {
    auto& i = invocation();
    i.command_line = shell_command(argv);
    struct stat st {};
    // Read by CLI11 when it exists (the default path may well not): the digest is of the file just read.
    if (config_path.empty() || stat(config_path.c_str(), &st) != 0) return;
    auto digest = sha256_file(config_path);
    i.config_path = config_path;
    i.config_sha256 = digest ? *digest : "unreadable: " + digest.error();
}

model::ClockState clock_state_from(int state, const timex& tx) {
    model::ClockState c;
    if (state < 0) return c; // unknown
    if (state == TIME_ERROR || (tx.status & STA_UNSYNC) != 0) {
        c.sync = "not synchronised";
        return c;
    }
    c.sync = "synchronised";
    // Both in microseconds (adjtimex(2)).
    c.estimated_error_s = static_cast<double>(tx.esterror) / 1e6;
    c.maximum_error_s = static_cast<double>(tx.maxerror) / 1e6;
    return c;
}

model::ClockState clock_state() {
    timex tx{};
    tx.modes = 0; // read only
    const int state = ntp_adjtime(&tx);
    return clock_state_from(state, tx);
}

model::Provenance provenance_now() {
    model::Provenance p;
    const auto& b = build_info();
    p.version = b.version;
    p.revision = b.revision;
    p.build_type = b.build_type;
    const auto& i = invocation();
    p.command_line = i.command_line;
    p.config_path = i.config_path;
    p.config_sha256 = i.config_sha256;
    p.clock_start = clock_state();
    return p;
}

} // namespace isoprobe::cli
