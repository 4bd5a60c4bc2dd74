// Directed flows between stations, aggregated by (L2 source, L2 destination, IP source, IP destination) in a
// bounded table, keeping the first frame numbers of each as evidence.
#pragma once
#include <array>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

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
    // Runs for every frame: the whole key (47 bytes, no padding) as six 8-byte words, the last overlapping
    // the fifth, inline, where the defaulted operator made one library call per member.
    bool operator==(const FlowKey& o) const noexcept {
        const auto* a = reinterpret_cast<const char*>(this);
        const auto* b = reinterpret_cast<const char*>(&o);
        // Written out: a loop over an initializer list of offsets was not unrolled at -O2.
        const std::size_t last = sizeof *this - 8;
        return ((word(a, 0) ^ word(b, 0)) | (word(a, 8) ^ word(b, 8)) | (word(a, 16) ^ word(b, 16)) |
                (word(a, 24) ^ word(b, 24)) | (word(a, 32) ^ word(b, 32)) |
                (word(a, last) ^ word(b, last))) == 0;
    }

  private:
    static std::uint64_t word(const char* p, std::size_t at) noexcept {
        std::uint64_t v;
        std::memcpy(&v, p + at, sizeof v);
        return v;
    }
};
static_assert(std::has_unique_object_representations_v<FlowKey> && sizeof(FlowKey) > 40 &&
                  sizeof(FlowKey) <= 48,
              "FlowKey equality compares its bytes as six overlapping words");

struct FlowKeyHash {
    std::size_t operator()(const FlowKey& k) const noexcept {
        return (*this)(k.l2_src, k.l2_dst, k.ip_src, k.ip_dst, k.path);
    }
    // The same from the parts, for the packet's own fields: hashing a key just built stalled on its reload.
    std::size_t operator()(const MacAddr& l2_src, const MacAddr& l2_dst, const IpAddr& ip_src,
                           const IpAddr& ip_dst, Path path) const noexcept;
};

struct Flow {
    static constexpr std::size_t k_evidence_frames = 8;
    model::ProtoSet protos;
    std::int64_t first_ns = 0, last_ns = 0;
    std::array<std::uint64_t, k_evidence_frames> frames{};
    std::uint64_t count = 0;
    bool response = false; // some frame answers a request (proves the request arrived)
    bool encrypted = false;
    IpAddr arp_request_target; // ARP who-has target in this flow (first one)
    IpAddr redirect_inner_dst; // ICMP redirect: the destination the gateway was asked to reach
    std::uint8_t redirect_inner_proto = 0;
    std::uint64_t redirect_frame = 0; // the frame of that redirect
};

class FlowTable {
  public:
    static constexpr std::size_t k_max_flows = 65536;
    static constexpr std::size_t k_max_folded_flows = 16384; // extra room for MAC-pair-only flows once full

    using Entry = std::pair<FlowKey, Flow>;

    FlowTable();
    // Frames are counted a few frames late (see Pending): settle() counts the last ones, and the results
    // below may be read only after it.
    void feed(const decode::Packet& p);
    void settle();
    // In order of first appearance.
    const std::vector<Entry>& flows() const { return settled(m_flows); }
    // Frames whose IP detail was dropped (folded into an L2-only flow) or lost because the table was full.
    std::uint64_t folded() const { return settled(m_folded); }
    std::uint64_t lost() const { return settled(m_lost); }
    // Flows that did not get an entry of their own (folded or lost): their IP detail, and the contact a
    // gateway relays, cannot be seen.
    std::optional<model::FullTable> full_table() const {
        return settled(m_dropped).full_table("flows", k_max_flows);
    }

  private:
    // What one frame adds to its flow. A frame waits k_pending - 1 frames before it is counted, while the
    // memory its lookup will read arrives, one step per frame: the line of the cache of recent keys; when
    // that does not hold the key, the index slot; then the entry that slot names. On a flow-rich capture a
    // quarter of the frames start a conversation the cache does not hold, and each such lookup stalled on
    // memory two or three times in a row.
    struct Pending {
        FlowKey key;
        std::uint64_t hash = 0;
        std::uint64_t frame = 0;
        std::int64_t ts_ns = 0;
        model::ProtoSet protos;
        bool response = false, encrypted = false, arp_request = false, redirect = false;
        IpAddr arp_request_target, redirect_inner_dst;
        std::uint8_t redirect_inner_proto = 0;
        bool recent = false; // the cache of recent keys held the key one frame after it was queued
    };
    static constexpr std::size_t k_pending = 4;

    template <class T> const T& settled(const T& value) const {
        if (m_pending_count != 0) throw std::logic_error("FlowTable read before settle()");
        return value;
    }
    void count(const Pending& u);
    // The prefetch steps of a frame queued one and two frames ago.
    void look_up_recent(Pending& u) const;
    void look_up_slot(const Pending& u) const;
    void prefetch_entry(std::size_t index) const;
    Pending& pending(std::size_t age) {
        return m_pending[(m_pending_first + m_pending_count - 1 - age) % k_pending];
    }

    // Where the frames of `key` went last time: their own flow, or their MAC pair's once the table was full.
    struct alignas(64) Recent { // one cache line
        FlowKey key;
        std::uint32_t entry = 0; // index + 1 into m_flows; 0 when unused
        bool folded = false;     // the key's frames are folded (and already counted in m_dropped)
    };
    static constexpr std::size_t k_recent = 2048; // 128 KiB

    // The flow a frame of `key` counts in (created when needed), or nullptr when the table had no room at
    // all.
    Flow* place(FlowKey key, std::uint64_t hash, std::int64_t ts_ns);
    // The entry of `key`, or nullptr with `slot` set to where it would go.
    Entry* find(const FlowKey& key, std::uint64_t hash, std::size_t& slot);
    Entry& insert(const FlowKey& key, std::uint64_t hash, std::size_t slot);

    // A flat table: a lookup on a flow-rich capture costs one probe of m_slots and one visit to the entry,
    // where a node-based map chased pointers through scattered nodes for every frame.
    std::vector<Entry> m_flows;
    // Open addressing with linear probing, power-of-two size: each slot holds the key hash's upper 32 bits
    // (so most mismatches are rejected without visiting the entry) and the entry's index + 1; 0 is an empty
    // slot.
    std::vector<std::uint64_t> m_slots;
    // A direct-mapped cache by key hash in front of both: the frames of a conversation come close together,
    // so on a flow-rich capture most frames find their flow here instead of probing m_slots (a cache miss on
    // 1 MiB). Entries never go stale: flows are never removed, and a key the full table folded stays folded.
    std::vector<Recent> m_recent;
    std::uint64_t m_folded = 0, m_lost = 0;
    DroppedKeys m_dropped;
    std::array<Pending, k_pending> m_pending;
    std::size_t m_pending_first = 0, m_pending_count = 0;
};

} // namespace isoprobe::analyze
