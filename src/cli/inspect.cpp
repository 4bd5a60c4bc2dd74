// `isoprobe inspect FILE...`: the offline analysis of captures (the same analysis path as a live run).
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "analyze/inspect.hpp"
#include "analyze/inventory.hpp"
#include "analyze/replay.hpp"
#include "cli/commands.hpp"
#include "cli/errors.hpp"
#include "cli/log.hpp"
#include "cli/output.hpp"
#include "cli/parse_args.hpp"
#include "util/escape.hpp"
#include "util/signal_scope.hpp"

namespace isoprobe::cli {

namespace {
// Like the live commands, SIGINT and SIGTERM stop the work rather than the process, so that the temporaries
// of the outputs are removed on the way out.
std::atomic<bool> g_stop{false};
extern "C" void on_inspect_signal(int) {
    g_stop = true;
}
struct Interrupted {};

struct InspectOptions {
    std::vector<std::string> files;
    std::string self;
    std::vector<std::string> infra;
    std::vector<std::string> gateways;
    std::string subnet;
    std::optional<std::string> inventory_path;
    Outputs outputs;
};

// Read and checked before any capture is, so a typo in the inventory costs no analysis time.
std::shared_ptr<const analyze::Inventory> load_inventory(const std::optional<std::string>& path) {
    if (!path) return nullptr;
    std::ifstream in(*path, std::ios::binary);
    std::ostringstream text;
    if (!in || !(text << in.rdbuf())) throw UserError("cannot read inventory " + *path);
    auto inv = analyze::parse_inventory(text.str());
    if (!inv) throw UserError("inventory " + *path + ": " + inv.error());
    spdlog::info("inventory {}: {} authorised networks, {} ignored SSIDs", terminal_safe(*path),
                 inv->networks.size(), inv->ignore_ssids.size());
    return std::make_shared<const analyze::Inventory>(std::move(inv.value()));
}

int run_inspect(InspectOptions& o) {
    analyze::RoleHints hints = parse_role_hints(o.self, o.infra, o.gateways, o.subnet);
    auto inventory = load_inventory(o.inventory_path);
    std::vector<std::string> inputs = o.files;
    if (o.inventory_path) inputs.push_back(*o.inventory_path);
    o.outputs.reads(inputs);
    g_stop = false;
    const auto started = std::chrono::steady_clock::now();
    std::optional<SignalScope> signals(std::in_place, on_inspect_signal);
    // After the handlers: a signal while the temporaries are created must not leave them behind.
    o.outputs.open();
    spdlog::info("inspect: {} file{} to read", o.files.size(), o.files.size() == 1 ? "" : "s");
    // A gigabyte takes seconds: on a terminal, say how far the reading is, unless the log already does. Every
    // progress call is also where a signal stops the reading.
    const bool tty = isatty(STDERR_FILENO) != 0 && !spdlog::should_log(spdlog::level::info);
    bool shown = false;
    analyze::InspectProgress progress = [tty, &shown](const std::string& file, std::uint64_t frames) {
        if (g_stop) throw Interrupted{};
        spdlog::debug("inspect: {}: {} frames read", terminal_safe(file), frames);
        if (!tty) return;
        shown = true;
        std::fprintf(stderr, "\r\033[Kisoprobe: reading %s: %llu frames...", terminal_safe(file).c_str(),
                     static_cast<unsigned long long>(frames));
    };
    std::optional<Expected<model::Report, std::string>> rep;
    try {
        rep.emplace(analyze::inspect_files(o.files, hints, progress, inventory));
    } catch (const Interrupted&) {
    }
    signals.reset();
    if (shown) std::fprintf(stderr, "\r\033[K");
    if (g_stop) {
        o.outputs.discard();
        std::fprintf(stderr, "isoprobe: interrupted: no report written\n");
        return static_cast<int>(Exit::inconclusive);
    }
    if (!*rep) throw UserError(rep->error());
    for (const auto& t : rep->value().capture.truncated_files)
        spdlog::warn("{} (the frames before the cut were analysed)", t);
    for (const auto& f : rep->value().capture.files)
        spdlog::info("inspect: read {}: {} frames", terminal_safe(f.path), f.frames);
    spdlog::info("inspect: {} frames analysed in {:.3f} s", rep->value().capture.frames,
                 seconds_since(started));
    // What `isoprobe verify` needs to run this analysis again.
    rep->value().run.emplace().analysis = analyze::analysis_inputs(hints);
    return o.outputs.emit(std::move(rep->value()));
}
} // namespace

Command add_inspect(CLI::App& app) {
    auto opts = std::make_shared<InspectOptions>();
    auto* cmd = app.add_subcommand(
        "inspect", "Find terminal-to-terminal traffic, EAP methods and Wi-Fi security in capture files");
    cmd->add_option("files", opts->files, "pcap or pcapng files, plain or gzip-compressed")
        ->required()
        ->type_name("FILE");
    cmd->add_option("--self", opts->self,
                    "MAC address of the host that took the capture (inferred when absent)")
        ->type_name("MAC");
    cmd->add_option(
           "--gateway", opts->gateways,
           "MAC address of a router on the segment (the gateway, an HSRP/VRRP member...); repeatable")
        ->type_name("MAC");
    cmd->add_option("--infra", opts->infra,
                    "MAC address of infrastructure (gateway, server, AP...); repeatable")
        ->type_name("MAC");
    cmd->add_option("--subnet", opts->subnet,
                    "The segment's IPv4 subnet, e.g. 198.51.100.0/24 (inferred from DHCP when absent)")
        ->type_name("CIDR");
    cmd->add_option(
           "--inventory", opts->inventory_path,
           "Authorised SSIDs, BSSIDs and minimum security for the access-point survey (docs/inventory.md)")
        ->type_name("FILE");
    opts->outputs.add_options(*cmd);
    return [opts] { return run_inspect(*opts); };
}

} // namespace isoprobe::cli
