// The live probe: learn the segment, contact every peer by every method while capturing both interfaces, then
// analyse the capture with the same Analysis as `inspect` and decide per method what reached whom.
#pragma once
#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/report.hpp"
#include "util/expected.hpp"

namespace isoprobe::probe {

struct ProbeOptions {
    std::string interface;
    std::string sentinel;             // empty: no paired mode
    bool cross_segment = false;       // the sentinel is on another subnet: test the two segments' separation
    std::vector<std::string> methods; // empty: every method allowed by `intrusive`
    double rate_pps = 200;            // about 13 kB/s of small frames: nothing a production LAN notices
    double timeout_s = 2;
    bool intrusive = false;
    bool allow_large = false;
    std::vector<IpAddr> extra_peers;
    std::function<void(const std::string&)> progress; // phase and counts, for a progress line
};

struct ProbeRun {
    model::Report report;
    std::string pcapng; // the whole run (both interfaces), ready to write
};

// Errors found before any frame is sent (interface, permission, subnet size, options) come back as one line.
// Once traffic has started, problems become controls and reasons in the report (marked interrupted on
// `stop`).
Expected<ProbeRun, std::string> run_probe(const ProbeOptions& options, const std::atomic<bool>& stop);

// Names of the methods a run would use, for --help and validation.
std::vector<std::string> method_names();

} // namespace isoprobe::probe
