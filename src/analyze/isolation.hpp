// Terminal isolation (GUIDELINE terminal-isolation): turns flows and station roles into terminal-to-terminal
// conversations (contact proven) and attempts (contact tried, not proven); verdict::decide_passive_isolation
// judges them.
#pragma once
#include <vector>

#include "analyze/flows.hpp"
#include "analyze/stations.hpp"
#include "model/report.hpp"

namespace isoprobe::analyze {

struct IsolationResult {
    std::vector<model::Conversation> conversations;
    std::vector<model::Conversation> attempts;
    std::vector<model::Sentence>
        observations; // how the segment isolates (proxy ARP, redirects): never contact
    // What a pass would rest on (verdict::CaptureIsolationEvidence): the attempts aimed at stations seen
    // transmitting on this segment, and the sentence (with frames) showing the capture records answers.
    std::vector<std::size_t> proving_attempts;
    std::optional<model::Sentence> answers_recorded;
};

struct IsolationInputs {
    const StationTable& stations;
    const StationTable::Resolved& resolved;
    const FlowTable& flows;
    std::uint64_t decoded_frames = 0;
};

IsolationResult assess_isolation(const IsolationInputs& in);

} // namespace isoprobe::analyze
