// Which probe reached whom, decided from frames already decoded: no I/O, so that every rule of "How a live
// verdict is proven" (docs/report.md) is tested without root or a network.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "decode/packet.hpp"
#include "model/report.hpp"
#include "probe/marker.hpp"
#include "probe/method.hpp"

namespace isoprobe::probe {

// The probe ids that are not contact methods: positive controls and the discovery sweep.
inline constexpr std::uint32_t k_control_id = 0xc0000000u;
inline constexpr std::uint32_t k_sentinel_control_id = 0xc0000001u;
inline constexpr std::uint32_t k_discovery_id = 0xd0000000u;

// One contact method tried against one peer.
struct ProbeRecord {
    std::size_t peer = 0; // index into Segment::peers
    const Method* method = nullptr;
    std::uint32_t id = 0; // the marker's probe id
    model::ProbeOutcome outcome = model::ProbeOutcome::not_run;
    std::vector<std::uint64_t> frames;
    std::vector<model::Sentence> notes;
    // The peer itself (its MAC) sent an ICMP error quoting this probe: the probe arrived and was turned down
    // (a closed port), so sending it again would only be turned down again. Still no contact for the verdict.
    bool refused = false;
};

// What was sent, for the matcher to recognise it.
struct SentProbes {
    std::vector<ProbeRecord> records;
    std::map<std::uint32_t, const Method*> group_method; // the probe id a group frame was sent under
    std::set<std::vector<std::uint8_t>> frames; // every frame sent from the probe interface, byte for byte
    std::uint64_t count = 0;                    // how many frames were sent (repeats included)
    std::map<std::uint32_t, std::int64_t> first_sent_ns; // intrusive probes: when the first frame went out
};

// One captured frame as the matcher sees it: which interface heard it (0 probe, 1 sentinel), its bytes and
// the packet the analysis decoded from them.
struct SeenFrame {
    std::uint32_t interface = 0;
    std::uint64_t number = 0; // as in the run's pcapng
    std::int64_t ts_ns = 0;
    Bytes bytes;
    const decode::Packet* packet = nullptr;
};

// What the capture shows beyond the probes: the positive controls and how the segment isolates.
struct MatchFacts {
    std::uint64_t own_seen = 0;                    // frames we sent that our capture holds
    std::optional<std::uint64_t> gateway_echo;     // frame of the gateway's reply to our marked echo
    std::optional<std::uint64_t> sentinel_gateway; // frame: the sentinel heard our gateway (its MAC), across
                                                   // segments its own, answer it
    std::optional<MacAddr> sentinel_gateway_mac;   // the MAC of that answer
    std::optional<MacAddr> sentinel_other_gateway; // the sentinel's "gateway" answered from another MAC
    std::optional<std::uint64_t> sentinel_heard_probe; // frame: a broadcast of the probe reached the sentinel
    std::set<MacAddr> probe_routers, sentinel_routers; // IPv6 router advertisement senders heard on each side
    std::vector<model::Sentence> observations;         // how the segment isolates: redirects, proxy ARP, ...
};

struct MatchResult {
    std::vector<ProbeRecord> records; // the sent records with outcome, evidence frames and notes filled in
    MatchFacts facts;
};

// Matches every frame against what was sent. `final_pass`: the capture is complete, so a probe toward the
// sentinel that the sentinel never received is `not-reached` (before that it is only `no-reply`).
MatchResult match_probes(const Segment& seg, const Marker& marker, const SentProbes& sent,
                         const std::vector<SeenFrame>& frames, bool final_pass);

// The one rule for "this frame comes from the peer": from its own MAC address, never from the gateway's (a
// proxy-ARP reply or a routed answer is the gateway speaking), unless the method goes through the gateway on
// purpose and the packet carries the peer's own IP address.
bool from_peer(const Segment& seg, const Peer& peer, const Method& method, const decode::Packet& p);

} // namespace isoprobe::probe
