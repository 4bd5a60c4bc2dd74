// The positive controls of a live run (docs/report.md, "How a live verdict is proven"): what must have worked
// for silence to mean anything, decided from what the matcher found on the capture. Pure, so each is tested
// by itself.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/report.hpp"
#include "probe/matcher.hpp"

namespace isoprobe::probe {

struct ControlInputs {
    const MatchFacts& facts;
    std::uint64_t frames_sent = 0;
    std::string interface, sentinel;           // sentinel empty without paired mode
    bool cross_segment = false;                // the sentinel is on another segment (--cross-segment)
    std::optional<IpAddr> sentinel_gateway_ip; // across segments: the sentinel's own default gateway
    std::optional<IpAddr> gateway_ip;
    std::optional<MacAddr> gateway_mac;
    bool gateway_from_kernel = false; // the MAC came from the kernel's neighbour table, not our own ARP
    int gateway_attempts = 0;
    std::uint64_t dropped = 0;
    std::vector<model::Sentence> capture_errors; // a link down, a capture that stopped
    std::optional<model::Sentence> send_error;   // the first frame that could not be sent
};

// own-frames-captured, gateway-arp, gateway-icmp, with a sentinel sentinel-receives and
// sentinel-same-segment (across segments: sentinel-receives from the sentinel's own gateway and
// sentinel-other-segment), no-drops, and sending when a frame could not be sent.
std::vector<model::Control> positive_controls(const ControlInputs& in);

} // namespace isoprobe::probe
