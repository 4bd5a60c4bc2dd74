// terminal-isolation (図表42「無線端末同士の通信の防止」, 6.5.(4)), decided from evidence alone: what a capture
// showed (`inspect`, and the passive watch of a live run), and what the live probe's methods reached under its
// positive controls (`probe`, `audit`). Pure, so every rule of docs/report.md ("How a live verdict is proven") is a
// row of a table-driven test.
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
    std::optional<MacAddr> self;             // the capturing host, when known
    std::uint64_t self_received_unicast = 0; // unicast frames the capturing host received: answers get captured
    std::string link_limit; // why its link types cannot show terminals (unread, or no MAC addresses)
};

// Fail: a terminal-to-terminal conversation. Pass: attempts went unanswered on a capture shown to record answers.
// Inconclusive otherwise.
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
    std::string interruption; // what stopped the run (a link down, a capture error), if known
    int rounds = 1;           // how often an unanswered method was sent
    std::optional<std::uint64_t> sentinel_heard_gateway; // frame: the sentinel heard the probe's gateway
};

model::Requirement decide_live_isolation(const LiveIsolationEvidence& e);

} // namespace isoprobe::verdict
