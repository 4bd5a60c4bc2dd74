// `isoprobe probe -i IF`: contact every peer by every method and report what reached whom, with the evidence.
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/errors.hpp"
#include "cli/live.hpp"
#include "cli/output.hpp"

namespace isoprobe::cli {

namespace {
struct ProbeCommand {
    LiveOptions live;
    Outputs outputs;
};

int run_probe_command(ProbeCommand& o) {
    if (!o.live.pcapng_path.empty()) o.outputs.capture_to(o.live.pcapng_path);
    o.outputs.open();
    auto run = run_live(o.live, true);
    return o.outputs.emit(std::move(run.report), run.pcapng);
}
} // namespace

Command add_probe(CLI::App& app) {
    auto opts = std::make_shared<ProbeCommand>();
    auto* cmd = app.add_subcommand(
        "probe", "Contact every peer of the segment by every method and prove what arrived");
    add_live_options(*cmd, opts->live);
    cmd->add_option("-w,--write", opts->live.pcapng_path, "Write the whole run (both interfaces) as pcapng")
        ->type_name("FILE.pcapng");
    opts->outputs.add_options(*cmd);
    return [opts] { return run_probe_command(*opts); };
}

} // namespace isoprobe::cli
