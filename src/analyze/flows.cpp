// Bounded flow aggregation: when the table is full, new flows lose their IP detail (folded into their MAC
// pair) rather than disappearing, so terminal-to-terminal contact is still seen in very large captures.
#include "analyze/flows.hpp"

#include <algorithm>
#include <cstring>

#include "parse/sll.hpp"

namespace isoprobe::analyze {

namespace {

// 64x64->128-bit multiply folded to 64 bits (as in wyhash): every input bit reaches every output bit, so both
// the slot (low bits) and the tag (high bits) of FlowTable are well spread even for keys differing in one
// byte.
__extension__ typedef unsigned __int128 U128; // GCC and Clang on 64-bit targets; __extension__: not ISO C++
std::uint64_t mum(std::uint64_t a, std::uint64_t b) {
    const U128 m = static_cast<U128>(a) * b;
    return static_cast<std::uint64_t>(m) ^ static_cast<std::uint64_t>(m >> 64);
}

std::uint64_t load64(const std::uint8_t* p) {
    std::uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

// Two loads combined in registers: a 6-byte copy into a zeroed word went through memory and stalled its
// reload.
std::uint64_t mac48(const MacAddr& m) {
    std::uint32_t lo;
    std::uint16_t hi;
    std::memcpy(&lo, m.b.data(), sizeof lo);
    std::memcpy(&hi, m.b.data() + 4, sizeof hi);
    return lo | std::uint64_t{hi} << 32;
}

} // namespace

std::size_t FlowKeyHash::operator()(const MacAddr& l2_src, const MacAddr& l2_dst, const IpAddr& ip_src,
                                    const IpAddr& ip_dst, Path path) const noexcept {
    constexpr std::uint64_t s0 = 0xa0761d6478bd642fULL, s1 = 0xe7037ed1a0b428dbULL,
                            s2 = 0x8ebc6af09c88c6e3ULL;
    std::uint64_t h =
        mum(mac48(l2_src) ^ (std::uint64_t{ip_src.family} << 48) ^ s0,
            mac48(l2_dst) ^ (std::uint64_t{ip_dst.family} << 48) ^ (std::uint64_t(path) << 56) ^ s1);
    h = mum(h ^ load64(ip_src.b.data()) ^ s2, load64(ip_src.b.data() + 8) ^ s0);
    h = mum(h ^ load64(ip_dst.b.data()) ^ s1, load64(ip_dst.b.data() + 8) ^ s2);
    return static_cast<std::size_t>(h);
}

FlowTable::FlowTable() : m_recent(k_recent) {
    // Entries never move once the table is in use: no copies of a growing array on the hot path. Untouched
    // capacity costs address space, not memory.
    m_flows.reserve(k_max_flows + k_max_folded_flows);
}

FlowTable::Entry* FlowTable::find(const FlowKey& key, std::uint64_t hash, std::size_t& slot) {
    if (m_slots.empty()) return nullptr;
    const std::size_t mask = m_slots.size() - 1;
    const std::uint64_t tag = hash >> 32;
    for (slot = hash & mask;; slot = (slot + 1) & mask) {
        const std::uint64_t s = m_slots[slot];
        if (s == 0) return nullptr;
        if ((s >> 32) == tag) {
            Entry& e = m_flows[(s & 0xffffffffu) - 1];
            if (e.first == key) return &e;
        }
    }
}

FlowTable::Entry& FlowTable::insert(const FlowKey& key, std::uint64_t hash, std::size_t slot) {
    // At most 5/8 full: short probe sequences, and the table's 81920 flows fit in 131072 slots (1 MiB).
    if ((m_flows.size() + 1) * 8 > m_slots.size() * 5) {
        std::vector<std::uint64_t> old(std::max<std::size_t>(1024, m_slots.size() * 2), 0);
        old.swap(m_slots);
        const std::size_t mask = m_slots.size() - 1;
        for (std::uint64_t s : old) {
            if (s == 0) continue;
            std::size_t i = FlowKeyHash{}(m_flows[(s & 0xffffffffu) - 1].first) & mask;
            while (m_slots[i] != 0)
                i = (i + 1) & mask;
            m_slots[i] = s;
        }
        find(key, hash, slot);
    }
    m_flows.emplace_back(key, Flow{});
    m_slots[slot] = (hash >> 32) << 32 | m_flows.size();
    return m_flows.back();
}

Flow* FlowTable::place(FlowKey key, std::uint64_t hash, std::int64_t ts_ns) {
    Recent& recent = m_recent[hash & (k_recent - 1)];
    recent.key = key;
    std::size_t slot = 0;
    Entry* found = find(key, hash, slot);
    recent.folded = !found && m_flows.size() >= k_max_flows;
    if (recent.folded) {
        m_dropped.add(hash);
        key.ip_src = {};
        key.ip_dst = {};
        // A key without IP detail is its own MAC pair: its next frames find it in the table, unfolded.
        recent.folded = !(key == recent.key);
        hash = FlowKeyHash{}(key);
        found = find(key, hash, slot);
        if (!found && m_flows.size() >= k_max_flows + k_max_folded_flows) {
            recent.entry = 0;
            ++m_lost;
            return nullptr;
        }
        ++m_folded;
    }
    if (!found) {
        found = &insert(key, hash, slot);
        found->second.first_ns = ts_ns;
    }
    recent.entry = static_cast<std::uint32_t>(found - m_flows.data()) + 1;
    return &found->second;
}

namespace {
Path path_of(const decode::Packet& p) {
    if (p.sll_packet_type == parse::k_sll_host) return Path::to_capturer;
    if (p.sll_packet_type == parse::k_sll_outgoing && p.dst.is_zero()) return Path::from_capturer;
    if (!p.dot11) return Path::wired;
    if (p.dot11->to_ds && !p.dot11->from_ds) return Path::to_ap;
    if (p.dot11->from_ds && !p.dot11->to_ds) return Path::from_ap;
    return Path::direct;
}
} // namespace

void FlowTable::feed(const decode::Packet& p) {
    if (!p.has_l2 || p.src.is_group() || p.src.is_zero()) return;
    // Only data frames carry station traffic; management and control frames are the AP's business.
    if (p.dot11 && p.dot11->type != 2) return;
    const Path path = path_of(p);
    // A destination the capture did not record, other than the capturing host: no receiver to attribute.
    if (p.dst.is_zero() && path != Path::to_capturer && path != Path::from_capturer) return;

    Pending& u = m_pending[(m_pending_first + m_pending_count++) % k_pending];
    // ARP keys on its protocol addresses so that every who-has target stays a flow of its own.
    const IpAddr& ip_src = p.arp ? p.arp->sender_ip : p.ip_src;
    const IpAddr& ip_dst = p.arp ? p.arp->target_ip : p.ip_dst;
    u.key = {p.src, p.dst, ip_src, ip_dst, path};
    u.hash = FlowKeyHash{}(p.src, p.dst, ip_src, ip_dst, path);
    u.frame = p.frame->number;
    u.ts_ns = p.frame->ts_ns;
    u.protos = decode::most_specific(p.protos);
    u.response = p.is_response;
    u.encrypted = p.encrypted;
    u.arp_request = p.arp && p.arp->op == 1;
    u.arp_request_target = u.arp_request ? p.arp->target_ip : IpAddr{};
    u.redirect = p.icmp_type == 5 && p.ip_src.family == 4;
    u.redirect_inner_dst = u.redirect ? p.icmp_inner_dst : IpAddr{};
    u.redirect_inner_proto = u.redirect ? p.icmp_inner_proto : 0;
    u.recent = false;
    __builtin_prefetch(&m_recent[u.hash & (k_recent - 1)]);
    if (m_pending_count > 1) look_up_recent(pending(1));
    if (m_pending_count > 2) look_up_slot(pending(2));
    if (m_pending_count == k_pending) {
        count(m_pending[m_pending_first]);
        m_pending_first = (m_pending_first + 1) % k_pending;
        --m_pending_count;
    }
}

void FlowTable::look_up_recent(Pending& u) const {
    const Recent& recent = m_recent[u.hash & (k_recent - 1)];
    u.recent = recent.entry != 0 && recent.key == u.key;
    if (u.recent) {
        prefetch_entry(recent.entry - 1);
        return;
    }
    if (m_slots.empty()) return;
    __builtin_prefetch(&m_slots[u.hash & (m_slots.size() - 1)]);
    // A full table turns the key away: the set of keys it turned away is read next.
    if (m_flows.size() >= k_max_flows) m_dropped.prefetch(u.hash);
}

void FlowTable::look_up_slot(const Pending& u) const {
    if (u.recent || m_slots.empty()) return;
    // The probe sequence as find() will walk it, up to the first slot naming an entry with the key's tag
    // (those past the first line of slots are rare at 5/8 load).
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t slot = u.hash & mask, probes = 0; probes < 8; slot = (slot + 1) & mask, ++probes) {
        const std::uint64_t s = m_slots[slot];
        if (s == 0) return;
        if ((s >> 32) == (u.hash >> 32)) {
            prefetch_entry((s & 0xffffffffu) - 1);
            return;
        }
    }
}

void FlowTable::prefetch_entry(std::size_t index) const {
    const auto* entry = reinterpret_cast<const char*>(&m_flows[index]);
    for (std::size_t line = 0; line < sizeof(Entry); line += 64)
        __builtin_prefetch(entry + line);
}

void FlowTable::settle() {
    for (; m_pending_count > 0; --m_pending_count) {
        count(m_pending[m_pending_first]);
        m_pending_first = (m_pending_first + 1) % k_pending;
    }
}

void FlowTable::count(const Pending& u) {
    const Recent& recent = m_recent[u.hash & (k_recent - 1)];
    Flow* found = nullptr;
    if (recent.entry != 0 && recent.key == u.key) {
        found = &m_flows[recent.entry - 1].second;
        if (recent.folded) ++m_folded;
    } else if (!(found = place(u.key, u.hash, u.ts_ns))) {
        return;
    }
    Flow& f = *found;
    if (f.count < Flow::k_evidence_frames) f.frames[f.count] = u.frame;
    ++f.count;
    f.protos |= u.protos;
    f.last_ns = u.ts_ns;
    if (u.ts_ns < f.first_ns) f.first_ns = u.ts_ns;
    f.response = f.response || u.response;
    f.encrypted = f.encrypted || u.encrypted;
    if (u.arp_request && f.arp_request_target.empty()) f.arp_request_target = u.arp_request_target;
    if (u.redirect && f.redirect_inner_dst.empty()) {
        f.redirect_inner_dst = u.redirect_inner_dst;
        f.redirect_inner_proto = u.redirect_inner_proto;
        f.redirect_frame = u.frame;
    }
}

} // namespace isoprobe::analyze
