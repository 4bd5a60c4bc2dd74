// terminal-isolation (図表42「無線端末同士の通信の防止」, 6.5.(4)), decided from evidence alone: what a
// capture showed (`inspect`, and the passive watch of a live run), and what the live probe's methods reached
// under its positive controls (`probe`, `audit`). Pure, so every rule of docs/report.md ("How a live verdict
// is proven") is a row of a table-driven test.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/report.hpp"

namespace isoprobe::verdict {

// What a capture showed beyond the conversations and attempts the report lists.
struct CaptureIsolationEvidence {
    std::uint64_t decoded_frames = 0;
    std::optional<MacAddr> self; // the capturing host, when known
    bool over_the_air = false;   // an 802.11 monitor-mode capture
    // Indexes into the report's attempts of those whose answer this capture would hold (the capturing host's
    // own, or any over the air) aimed at stations seen transmitting on this segment.
    std::vector<std::size_t> proving_attempts;
    // What shows the capture records answers, with its frames ("the capturing host ... received 40 unicast
    // frames (first: frames 3, 5, 9)"); empty when nothing does.
    std::optional<model::Sentence> answers_recorded;
    std::optional<model::Sentence>
        link_limit; // why its link types cannot show terminals (unread, or no MAC addresses)
};

// Frames of attempts a pass needs at least: one stray or lost frame never decides.
inline constexpr std::uint64_t k_min_attempt_frames = 3;

// Fail: a terminal-to-terminal conversation. Pass (docs/report.md, "When a capture passes"): at least
// k_min_attempt_frames frames of attempts toward terminals seen transmitting on this segment went unanswered,
// on a capture shown to record answers. Inconclusive otherwise, saying what was missing.
model::Requirement decide_capture_isolation(const CaptureIsolationEvidence& e,
                                            const std::vector<model::Conversation>& conversations,
                                            const std::vector<model::Conversation>& attempts);

struct LiveIsolationEvidence {
    model::Requirement passive; // the passive watch's terminal-isolation, from decide_capture_isolation
    std::vector<model::ProbeResult> probes;
    std::vector<model::Control> controls;
    std::vector<model::FullTable> full_tables;
    std::string sentinel; // its interface name; empty without paired mode
    bool gateway_resolved = false;
    bool interrupted = false;
    std::optional<model::Sentence>
        interruption; // what stopped the run (a link down, a capture error), if known
    int rounds = 1;   // how often an unanswered method was sent
    std::optional<std::uint64_t> sentinel_heard_gateway; // frame: the sentinel heard the probe's gateway
    // Across segments (--cross-segment) the segments, "198.51.100.0/24 (probe0)": the verdict is then about
    // their separation. Empty on one segment.
    std::string probe_segment, sentinel_segment;
};

model::Requirement decide_live_isolation(const LiveIsolationEvidence& e);

} // namespace isoprobe::verdict
