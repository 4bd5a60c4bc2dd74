// Directed flows between stations, aggregated by (L2 source, L2 destination, IP source, IP destination) in a bounded
// table, keeping the first frame numbers of each as evidence.
#pragma once
#include <array>
#include <cstdint>
#include <unordered_map>

#include "analyze/full_tables.hpp"
#include "decode/packet.hpp"

namespace isoprobe::analyze {

// How an 802.11 data frame travelled (IEEE 802.11-2020 9.2.4.1.4): via the AP or directly; or, on a Linux
// cooked capture, to or from the capturing host, whose MAC the capture does not record as a destination
// (l2_dst zero).
enum class Path : std::uint8_t { wired, to_ap, from_ap, direct, to_capturer, from_capturer };

struct FlowKey {
    MacAddr l2_src, l2_dst;
    IpAddr ip_src, ip_dst;
    Path path = Path::wired;
    bool operator==(const FlowKey&) const = default;
};

struct FlowKeyHash {
    std::size_t operator()(const FlowKey& k) const noexcept;
};

struct Flow {
    static constexpr std::size_t k_evidence_frames = 8;
    model::ProtoSet protos;
    std::int64_t first_ns = 0, last_ns = 0;
    std::array<std::uint64_t, k_evidence_frames> frames{};
    std::uint64_t count = 0;
    bool response = false;      // some frame answers a request (proves the request arrived)
    bool encrypted = false;
    IpAddr arp_request_target;  // ARP who-has target in this flow (first one)
    IpAddr redirect_inner_dst;  // ICMP redirect: the destination the gateway was asked to reach
    std::uint8_t redirect_inner_proto = 0;
    std::uint64_t redirect_frame = 0;   // the frame of that redirect
};

class FlowTable {
  public:
    static constexpr std::size_t k_max_flows = 65536;
    static constexpr std::size_t k_max_folded_flows = 16384; // extra room for MAC-pair-only flows once full

    void feed(const decode::Packet& p);
    const std::unordered_map<FlowKey, Flow, FlowKeyHash>& flows() const { return m_flows; }
    // Frames whose IP detail was dropped (folded into an L2-only flow) or lost because the table was full.
    std::uint64_t folded() const { return m_folded; }
    std::uint64_t lost() const { return m_lost; }
    // Flows that did not get an entry of their own (folded or lost): their IP detail, and the contact a
    // gateway relays, cannot be seen.
    std::optional<model::FullTable> full_table() const { return m_dropped.full_table("flows", k_max_flows); }

  private:
    std::unordered_map<FlowKey, Flow, FlowKeyHash> m_flows;
    std::uint64_t m_folded = 0, m_lost = 0;
    DroppedKeys m_dropped;
};

} // namespace isoprobe::analyze
