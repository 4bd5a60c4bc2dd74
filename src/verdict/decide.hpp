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
using LiveRunEvidence = model::LiveRunFacts;

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
