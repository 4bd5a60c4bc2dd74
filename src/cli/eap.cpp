// `isoprobe eap -i IF`: which EAP methods the wired 802.1X port's authenticator proposes and accepts
// (IEEE 802.1X-2010 11.3, RFC 3748 5.3.1).
#include <atomic>
#include <chrono>
#include <memory>

#include "cli/commands.hpp"
#include "cli/errors.hpp"
#include "cli/log.hpp"
#include "cli/output.hpp"
#include "cli/parse_args.hpp"
#include "probe/eap_enumerate.hpp"
#include "probe/run_lock.hpp"
#include "util/escape.hpp"
#include "util/signal_scope.hpp"

namespace isoprobe::cli {

namespace {
std::atomic<bool> g_stop{false};
extern "C" void on_eap_signal(int) {
    g_stop = true;
}

struct EapCommand {
    probe::EapProbeOptions probe;
    Outputs outputs;
};

int run_eap(EapCommand& o) {
    if (o.probe.identity.empty()) throw UserError("--identity: must not be empty");
    o.outputs.open();
    auto lock = probe::RunLock::acquire(o.probe.interface);
    if (!lock) throw UserError(lock.error());
    if (!lock->warning().empty()) spdlog::warn("{}", lock->warning());
    spdlog::info("eap: {}: run lock taken, identity {}{}", terminal_safe(o.probe.interface),
                 terminal_safe(o.probe.identity), o.probe.enumerate ? ", enumerating the methods" : "");
    const auto started = std::chrono::steady_clock::now();
    g_stop = false;
    auto rep = [&] {
        const SignalScope signals(on_eap_signal);
        return probe::run_eap_probe(o.probe, g_stop);
    }();
    if (!rep) throw UserError(rep.error());
    spdlog::info("eap: done in {:.1f} s", seconds_since(started));
    return o.outputs.emit(rep.value());
}
} // namespace

Command add_eap(CLI::App& app) {
    auto opts = std::make_shared<EapCommand>();
    auto* cmd = app.add_subcommand(
        "eap", "Ask the wired 802.1X port which EAP methods it proposes and accepts (EAP-TLS only?)");
    cmd->add_option("-i,--interface", opts->probe.interface, "Interface on the 802.1X port (required)")
        ->required()
        ->type_name("IF");
    cmd->add_option("--identity", opts->probe.identity, "EAP identity to answer with")
        ->capture_default_str()
        ->type_name("ID");
    cmd->add_flag("--enumerate", opts->probe.enumerate,
                  "Propose every method in turn with a Nak and record which are accepted");
    cmd->add_option("--timeout", opts->probe.timeout_s, "Seconds to wait for each answer (2 retries)")
        ->capture_default_str()
        ->check(finite_number())
        ->check(CLI::Range(0.2, 60.0));
    opts->outputs.add_options(*cmd);
    return [opts] { return run_eap(*opts); };
}

} // namespace isoprobe::cli
