// `isoprobe probe -i IF`: contact every peer by every method and report what reached whom, with the evidence.
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/errors.hpp"
#include "cli/live.hpp"
#include "cli/output.hpp"
#include "util/atomic_file.hpp"

namespace isoprobe::cli {

namespace {
struct ProbeCommand {
    LiveOptions live;
    Outputs outputs;
};

int run_probe_command(ProbeCommand& o) {
    o.outputs.open();
    std::optional<AtomicFile> pcapng;
    if (!o.live.pcapng_path.empty()) {
        auto f = AtomicFile::open(o.live.pcapng_path, 8u << 20);
        if (!f) throw UserError(f.error());
        pcapng.emplace(std::move(f.value()));
    }
    auto run = run_live(o.live, true);
    if (pcapng) {
        auto done = pcapng->commit(run.pcapng);
        if (!done) throw UserError(done.error());
    }
    std::vector<std::string> written;
    if (pcapng) written.push_back(o.live.pcapng_path);
    return o.outputs.emit(std::move(run.report), written);
}
} // namespace

Command add_probe(CLI::App& app) {
    auto opts = std::make_shared<ProbeCommand>();
    auto* cmd = app.add_subcommand("probe", "Contact every peer of the segment by every method and prove what arrived");
    add_live_options(*cmd, opts->live);
    cmd->add_option("-w,--write", opts->live.pcapng_path, "Write the whole run (both interfaces) as pcapng")->type_name("FILE.pcapng");
    opts->outputs.add_options(*cmd);
    return [opts] { return run_probe_command(*opts); };
}

} // namespace isoprobe::cli
