// Terminal isolation (GUIDELINE terminal-isolation): turns flows and station roles into terminal-to-terminal
// conversations (contact proven), attempts (contact tried, not proven) and the requirement's status.
#pragma once
#include <vector>

#include "analyze/flows.hpp"
#include "analyze/stations.hpp"
#include "report/model.hpp"

namespace isoprobe::analyze {

struct IsolationResult {
    std::vector<report::Conversation> conversations;
    std::vector<report::Conversation> attempts;
    std::vector<std::string> observations; // how the segment isolates (proxy ARP, redirects): never contact
    report::Requirement requirement;
};

struct IsolationInputs {
    const StationTable& stations;
    const StationTable::Resolved& resolved;
    const FlowTable& flows;
    std::uint64_t decoded_frames = 0;
};

IsolationResult assess_isolation(const IsolationInputs& in);

} // namespace isoprobe::analyze
