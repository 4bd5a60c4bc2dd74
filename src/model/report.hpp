// The one result model every command fills and every renderer (JSON, text, HTML, Prometheus) reads
// (docs/report.md). Plain data: the analysis fills the evidence, src/verdict alone sets the statuses and the
// verdict.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/eap.hpp"
#include "model/protocols.hpp"
#include "model/sentence.hpp"
#include "model/wlan.hpp"
#include "util/addr.hpp"

namespace isoprobe::model {

enum class Status { pass, fail, inconclusive, not_tested };
std::string_view status_name(Status s);
// The worst of several statuses (fail > inconclusive > pass); not-tested counts only when nothing else was
// tested.
Status combine(const std::vector<Status>& statuses);

enum class Role { self, gateway, dhcp_server, dns_server, authenticator, ap, switch_, infra, terminal };
std::string_view role_name(Role r);
Sentence role_sentence(Role r); // the role as words of a sentence

struct Requirement {
    std::string id; // terminal-isolation, wlan-encryption, 8021x-eap-tls, ap-inventory
    Status status = Status::not_tested;
    std::vector<Sentence> reasons;
};

struct Station {
    MacAddr mac;
    std::vector<IpAddr> ips;
    Role role = Role::terminal;
    Sentence why; // the claims that gave the role, "; "-joined
};

struct Endpoint {
    std::optional<MacAddr> mac; // unknown for an on-link IP whose owner never appeared on the capture
    IpAddr ip;
};

enum class ConversationKind { unicast, broadcast };

struct Conversation {
    Endpoint a, b; // for broadcast: a sent, b received (a station, or the group address for a whole BSS)
    ConversationKind kind = ConversationKind::unicast;
    ProtoSet protocols;
    bool via_gateway = false;
    std::int64_t first_ns = 0, last_ns = 0;
    std::vector<std::uint64_t> frames; // the first frame numbers, as evidence
    std::uint64_t frame_count = 0;
    Sentence evidence; // what shows the frames arrived
};

// A bounded analysis table that was full (docs/report.md, "Capture").
struct FullTable {
    std::string table; // stations, flows, bss, eap-sessions
    std::uint64_t capacity = 0;
    std::uint64_t dropped =
        0;                 // entries turned away or evicted (stations, flows, BSSes, sessions), not frames
    bool at_least = false; // more were dropped than could be told apart: `dropped` is a lower bound
};

struct CaptureFile {
    std::string path;
    std::uint64_t first_frame = 0;
    std::uint64_t frames = 0;
};

struct CaptureSummary {
    std::vector<CaptureFile> files;
    std::uint64_t frames = 0;
    std::uint64_t bytes = 0;
    std::vector<std::string> link_types;
    std::uint64_t undecoded = 0;
    std::uint64_t encrypted = 0; // 802.11 protected data frames: addresses used, payload not
    std::map<std::string, std::uint64_t> anomalies;
    std::map<std::string, std::uint64_t> decapsulated; // frames taken out of a tunnel, by kind
    std::vector<FullTable> full_tables;                // only the tables that dropped something
    std::optional<std::uint64_t> dropped;
    std::int64_t first_ns = 0, last_ns = 0;
    std::vector<std::string> truncated_files; // "FILE: truncated: ..." for captures cut short mid-record
};

enum class ProbeOutcome { reached, not_reached, no_reply, not_run, error };
std::string_view outcome_name(ProbeOutcome o);

// One contact method tried against one peer by the live probe.
struct ProbeResult {
    Endpoint peer;
    bool sentinel = false;
    std::string method;
    ProbeOutcome result = ProbeOutcome::not_run;
    std::vector<std::uint64_t> frames; // evidence: frame numbers in the run's pcapng
    std::vector<Sentence> notes;       // evidence or reasons
};

// A positive control: something that must work for silence to mean anything.
struct Control {
    std::string name;
    bool ok = false;
    Sentence detail;
};

struct PeerInfo {
    Endpoint at;
    std::vector<IpAddr> ipv6;
    bool sentinel = false;
    std::string found_by;
};

// The sentinel's own segment, in a cross-segment run (--cross-segment).
struct SentinelSegment {
    IpAddr address;
    std::string subnet; // "203.0.113.0/24"
    std::optional<Endpoint> gateway;
};

struct SegmentInfo {
    std::string interface;
    std::string sentinel; // empty without paired mode
    IpAddr address;
    std::string subnet; // "198.51.100.0/24"
    std::optional<Endpoint> gateway;
    std::vector<PeerInfo> peers;
    std::optional<SentinelSegment> sentinel_segment; // only across segments
};

// One EAP method proposed to a wired 802.1X authenticator by `isoprobe eap --enumerate`.
struct EnumerationResult {
    std::uint32_t type = 0; // EAP type number (RFC 3748, IANA)
    std::string name;       // "peap", "ttls", ...
    std::string result;     // "accepted", "refused", "no-answer"
    Sentence detail;        // what the authenticator answered
};

// One finding of the access-point survey against the inventory (--inventory).
struct InventoryFinding {
    std::string kind;  // unknown-bssid, weaker-security, unknown-ssid, open-network, not-seen, ok
    std::string bssid; // may be empty (not-seen of a prefix)
    std::string ssid;  // JSON-safe text
    bool failing = false;
    Sentence detail;
};

struct SelfInfo {
    std::optional<MacAddr> mac;
    std::string how; // "given with --self", "inferred: ...", "none: ..."
};

// One phase of a live run (discovery, probing, waiting, analysis), for the timeline.
struct Phase {
    std::string name;
    std::int64_t start_ns = 0, end_ns = 0; // wall clock, Unix epoch
};

// Whether the kernel's clock was disciplined by NTP (adjtimex) at one moment of the run: the timestamps are
// evidence.
struct ClockState {
    std::string sync = "unknown";                             // synchronised, not synchronised, unknown
    std::optional<double> estimated_error_s, maximum_error_s; // the kernel's estimates, when synchronised
};

// What an auditor signs besides the findings: what built the tool, how it was called, by whom and why, and
// the digests that tie the report to its inputs (docs/report.md, "Provenance").
struct Provenance {
    std::string version, revision, build_type;
    std::string command_line;   // argv, shell-quoted
    std::string config_path;    // the configuration file read; empty when none was
    std::string config_sha256;  // its digest, "none" when none was read
    std::string capture_sha256; // the run's capture as written (probe -w, audit); empty when none was
    std::string operator_name, note;
    ClockState clock_start, clock_end;
};

// What the analysis was given, so that `isoprobe verify` can run it again on the capture.
// What a live run's verdict rests on besides its probe results and controls (src/verdict reads it as
// LiveRunEvidence); recorded with the run so that `isoprobe verify` judges it alike.
struct LiveRunFacts {
    std::string sentinel; // its interface name; empty without paired mode
    bool gateway_resolved = false;
    std::optional<Sentence> interruption; // what stopped the run (a link down, a capture error), if known
    int rounds = 1;
    std::optional<std::uint64_t> sentinel_heard_gateway;
    // --cross-segment: the two segments whose separation the run tested ("198.51.100.0/24 (probe0)");
    // empty otherwise.
    std::string probe_segment, sentinel_segment;
};

struct AnalysisInputs {
    std::optional<MacAddr> self;
    std::string self_how;
    std::vector<MacAddr> infra, gateways;
    std::optional<IpAddr> gateway_ip;
    std::string subnet; // "198.51.100.0/24", empty when not given
    // A live run's passive watch reads the probe interface only (pcapng interface 0), without the frames the
    // probe forged with other stations' addresses; its verdict also rests on these facts of the run.
    struct Live : LiveRunFacts {
        std::vector<std::uint64_t> forged_frames;
        std::string marker_prefix; // "isoprobe-<run token>-": every probe frame carries it
    };
    std::optional<Live> live;
};

// When, where and how long: filled by the command line for every run (golden inspect reports leave it out, so
// that they stay byte-for-byte reproducible).
struct RunInfo {
    std::int64_t started_ns = 0, finished_ns = 0; // wall clock, Unix epoch
    std::string host;
    std::vector<Phase> phases;      // live commands only
    std::vector<std::string> files; // what this run wrote (reports, capture), for the history
    Provenance provenance;
    std::optional<AnalysisInputs> analysis; // probe, audit and inspect
};

struct Report {
    std::string command;
    Status verdict = Status::inconclusive;
    std::vector<Requirement> requirements;
    SelfInfo self;
    std::vector<Station> stations;
    std::vector<Conversation> conversations;
    std::vector<Conversation> attempts;
    CaptureSummary capture;
    std::vector<EapSession> eap;
    EapStats eap_stats;
    std::vector<EapFinding> eap_findings; // rendered under 8021x-eap-tls; they never change its status
    std::vector<BssEntry> wlan;
    std::uint64_t wlan_malformed = 0, wlan_dropped = 0;
    std::vector<EnumerationResult> enumeration;             // `eap --enumerate` only
    std::optional<std::vector<InventoryFinding>> inventory; // with --inventory only
    std::optional<SegmentInfo> segment;
    std::vector<ProbeResult> probes;
    std::vector<Control> controls;
    // How the segment keeps terminals apart or would not (proxy ARP, ICMP redirects, routers): never proof of
    // contact.
    std::vector<Sentence> observations;
    bool interrupted = false;
    std::optional<RunInfo> run;
};

} // namespace isoprobe::model
