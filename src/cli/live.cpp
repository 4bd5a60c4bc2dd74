#include "cli/live.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>

#include "cli/errors.hpp"
#include "cli/log.hpp"
#include "cli/parse_args.hpp"
#include "probe/run_lock.hpp"
#include "util/escape.hpp"
#include "util/signal_scope.hpp"

namespace isoprobe::cli {

namespace {
std::atomic<bool> g_stop{false};
extern "C" void on_signal(int) {
    g_stop = true;
}
} // namespace

void add_live_options(CLI::App& cmd, LiveOptions& o) {
    cmd.add_option("-i,--interface", o.probe.interface,
                   "Interface on the segment to audit (required: nothing is sent elsewhere)")
        ->required()
        ->type_name("IF");
    cmd.add_option("--sentinel", o.probe.sentinel,
                   "Second interface of ours on the same segment, playing the victim (paired mode)")
        ->type_name("IF2");
    cmd.add_flag("--cross-segment", o.probe.cross_segment,
                 "The sentinel is on another subnet (wired vs wireless, another VLAN): test that the two "
                 "segments are separated, with routed methods only, through the probe's gateway to the "
                 "sentinel's address");
    cmd.add_option("--methods", o.probe.methods,
                   "Comma-separated contact methods (default: all non-intrusive)")
        ->delimiter(',')
        ->type_name("LIST");
    cmd.add_option("--rate", o.probe.rate_pps,
                   "Group-addressed frames per second at most (every host handles those); unicast, each "
                   "reaching one host, up to 5 times as many")
        ->capture_default_str()
        ->check(finite_number())
        ->check(CLI::Range(1.0, 5000.0));
    cmd.add_option("--timeout", o.probe.timeout_s,
                   "Longest wait for answers in seconds (waits scale with the gateway's round trip)")
        ->capture_default_str()
        ->check(finite_number())
        ->check(CLI::Range(0.2, 60.0));
    cmd.add_flag("--intrusive", o.probe.intrusive,
                 "Allow intrusive methods (port-steal, port-steal-uplink: claim peers' or the gateway's MAC "
                 "addresses briefly, then restore)");
    cmd.add_flag("--allow-large", o.probe.allow_large, "Allow sweeping subnets larger than /22");
    cmd.add_option("--peer", o.peers, "Also probe this IPv4 address of the connected subnet (repeatable)")
        ->type_name("IP");
}

probe::ProbeRun run_live(LiveOptions& o, bool show_progress) {
    std::erase(o.probe.methods, std::string()); // "arp,,icmp" and a trailing comma name nothing
    o.probe.extra_peers.clear();
    for (const auto& p : o.peers) {
        auto ip = IpAddr::parse(p);
        if (!ip || ip->family != 4) throw UserError("--peer: '" + p + "' is not an IPv4 address");
        o.probe.extra_peers.push_back(*ip);
    }
    auto lock = probe::RunLock::acquire(o.probe.interface);
    if (!lock) throw UserError(lock.error());
    if (!lock->warning().empty()) spdlog::warn("{}", lock->warning());
    // The progress line only when the log does not already say each phase on its own line.
    const bool tty = show_progress && isatty(STDERR_FILENO) && !spdlog::should_log(spdlog::level::info);
    const auto started = std::chrono::steady_clock::now();
    o.probe.progress = [tty, started](const std::string& phase) {
        spdlog::info("probe: {} ({:.1f} s into the run)", terminal_safe(phase), seconds_since(started));
        if (tty) std::fprintf(stderr, "\r\033[Kisoprobe: %s...", phase.c_str());
    };
    spdlog::info("probe: {}: run lock taken", terminal_safe(o.probe.interface));
    g_stop = false;
    auto run = [&] {
        const SignalScope signals(on_signal);
        return probe::run_probe(o.probe, g_stop);
    }();
    if (tty) std::fprintf(stderr, "\r\033[K");
    if (!run) throw UserError(run.error());
    spdlog::info("probe: done in {:.1f} s, {} bytes of capture", seconds_since(started), run->pcapng.size());
    return std::move(run.value());
}

} // namespace isoprobe::cli
