// The contract of a contact method (one file each under probes/, registered in probes/registry.cpp): which
// frames it sends to a peer, each carrying the run's marker, and which received frame counts as the peer's
// answer.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "decode/packet.hpp"
#include "model/sentence.hpp"
#include "probe/interface.hpp"

namespace isoprobe::probe {

struct Peer {
    std::optional<MacAddr> mac; // unknown for a --peer address that never answered ARP
    IpAddr ipv4;
    std::vector<IpAddr> ipv6;
    bool sentinel = false;
    std::string found_by; // "arp-sweep", "passive", "mdns", "ipv6-multicast", "--peer", "sentinel"
};

struct Segment {
    Interface iface;
    std::optional<Interface> sentinel;
    std::optional<IpAddr> gateway_ip;
    std::optional<MacAddr> gateway_mac;
    std::vector<Peer> peers;
    // --cross-segment: the sentinel sits on another subnet, reached only through the probe's gateway; its own
    // side has its own gateway (its default route).
    bool cross_segment = false;
    std::optional<IpAddr> sentinel_gateway_ip;
};

// Where a frame for `peer` goes on the wire: its own MAC, or in cross-segment mode the probe's gateway, which
// routes it toward the sentinel's segment.
inline const MacAddr& next_hop(const Segment& seg, const Peer& peer) {
    return seg.cross_segment && peer.sentinel ? *seg.gateway_mac : *peer.mac;
}

struct Outgoing {
    std::vector<std::uint8_t> frame;
    bool group = false; // broadcast/multicast: sent once per run, it reaches every peer at once
};

class Method {
  public:
    virtual ~Method() = default;
    virtual std::string_view name() const = 0;
    virtual bool intrusive() const { return false; }
    // Whether the method needs the peer's IPv4 address (only IPv6's does not).
    virtual bool needs_ipv4() const { return true; }
    // Sent to the gateway's MAC on purpose: the peer's answer then comes back from the gateway's MAC too.
    virtual bool via_gateway() const { return false; }
    // Nothing answers it: only the sentinel's capture can show that it arrived, so only there is a repeat
    // useful.
    virtual bool silent() const { return false; }
    // How long the protocol lets a responder hold its answer back on purpose (random delays against answer
    // storms), on top of the round trip.
    virtual double answer_delay_s() const { return 0; }
    // Why the method cannot reach a sentinel on another segment (--cross-segment), or nullopt for the routed
    // methods, which then send through the probe's gateway to the sentinel's address (probe::next_hop). A
    // method that does not say otherwise stays on its segment.
    virtual std::optional<model::Sentence> segment_bound() const { return model::say("bound.default"); }
    // Why this method cannot run against `peer` (e.g. no MAC, no IPv6 address), or nullopt when it can.
    virtual std::optional<model::Sentence> unavailable(const Segment&, const Peer&) const {
        return std::nullopt;
    }
    // The frames to send; every frame must carry `marker` somewhere in its bytes.
    virtual std::vector<Outgoing> frames(const Segment& seg, const Peer& peer,
                                         const std::string& marker) const = 0;
    // True when `p`, received on the probe interface, is this method's kind of answer from `peer`; whether it
    // really comes from the peer is decided once for every method (probe::from_peer in probe/matcher.hpp).
    virtual bool is_answer(const Segment& seg, const Peer& peer, const decode::Packet& p) const = 0;
    // Work after a peer answered (SMB: negotiate a dialect over a real TCP connection); a sentence for the
    // report.
    virtual std::optional<model::Sentence> follow_up(const Segment&, const Peer&) const {
        return std::nullopt;
    }
    // Frames that undo what the method changed on the segment (port stealing), sent at the end and on
    // interrupt.
    virtual std::vector<Outgoing> restore(const Segment&, const Peer&, const std::string&) const {
        return {};
    }
    // Intrusive methods: whose MAC address they claim for a moment, the peer's (traffic for the peer comes to
    // us) or the gateway's (the peer's traffic toward the gateway does).
    enum class Claims { peer, gateway };
    virtual Claims claims() const { return Claims::peer; }
    // Frames the sentinel sends right after this method's own toward it, in paired mode: the traffic the
    // method watches for, sent by a terminal we control instead of waiting for one to speak.
    virtual std::vector<Outgoing> sentinel_frames(const Segment&, const std::string&) const { return {}; }
};

} // namespace isoprobe::probe
