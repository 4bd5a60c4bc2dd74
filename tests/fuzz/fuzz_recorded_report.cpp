// libFuzzer target for what `isoprobe verify` reads from a report.json anyone may have edited: the recorded
// analysis inputs and live results (report::recorded_of), then judged again on a fixed capture
// (analyze::replay). Any JSON must give a replay, one line of error, or json::exception (which verify reports
// as "not a report isoprobe wrote"), never a crash or another exception.
#include <cstddef>
#include <cstdint>

#include "analyze/replay.hpp"
#include "report/recorded.hpp"

using namespace isoprobe;

volatile std::uint64_t g_sink = 0;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto report = nlohmann::json::parse(data, data + size, nullptr, false);
    if (report.is_discarded()) return 0;
    try {
        const auto recorded = report::recorded_of(report);
        const auto replayed = analyze::replay(ISOPROBE_SOURCE_DIR "/captures/h1-open.pcap", recorded);
        if (!replayed && (replayed.error().empty() || replayed.error().find('\n') != std::string::npos))
            __builtin_trap();
        g_sink = replayed ? replayed->problems.size() : replayed.error().size();
    } catch (const nlohmann::json::exception&) {
    }
    return 0;
}
