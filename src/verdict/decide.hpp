// The one stage that judges: every requirement's status and reasons, and the report's verdict, from the
// evidence the analysis, the probe, the 802.1X enumeration and the access-point survey gathered. Nothing else
// sets them.
#pragma once
#include <optional>
#include <string>

#include "model/report.hpp"
#include "verdict/ap_inventory.hpp"
#include "verdict/terminal_isolation.hpp"

namespace isoprobe::verdict {

// A live run's facts that the report does not carry (its probes and controls it does).
struct LiveRunEvidence {
    std::string sentinel; // its interface name; empty without paired mode
    bool gateway_resolved = false;
    std::optional<model::Sentence>
        interruption; // what stopped the run (a link down, a capture error), if known
    int rounds = 1;
    std::optional<std::uint64_t> sentinel_heard_gateway;
    // --cross-segment: the two segments whose separation the run tested ("198.51.100.0/24 (probe0)");
    // empty otherwise.
    std::string probe_segment, sentinel_segment;
};

// `isoprobe eap`: whether every method of the table was proposed, and why the first conversation failed.
struct EnumerationEvidence {
    bool complete = false;
    std::optional<model::Sentence> first_failure;
};

struct Evidence {
    CaptureIsolationEvidence capture;               // every command: the capture's own view
    std::optional<SurveyEvidence> survey;           // with --inventory
    std::optional<LiveRunEvidence> live;            // probe, audit
    std::optional<EnumerationEvidence> enumeration; // eap
};

// Sets rep.requirements (terminal-isolation, wlan-encryption, 8021x-eap-tls, ap-inventory, in that order) and
// rep.verdict from `e` and the evidence already in `rep` (conversations, attempts, EAP sessions, BSSes,
// probes, controls, enumeration results, full tables, interruption).
void decide(const Evidence& e, model::Report& rep);

} // namespace isoprobe::verdict
