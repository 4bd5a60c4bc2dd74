// The BSS table behind ap-inventory and wlan-encryption: what each access point advertises in beacons and
// probe responses (IEEE 802.11-2020 9.3.3, RSN element 9.4.2.24) and the security class that follows.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "analyze/full_tables.hpp"
#include "decode/packet.hpp"
#include "model/report.hpp"
#include "parse/dot11_mgmt.hpp"
#include "parse/rsn.hpp"
#include "util/addr.hpp"

namespace isoprobe::analyze {

model::BssSecurity classify_bss(const std::optional<parse::RsnInfo>& rsn,
                                const std::optional<parse::RsnInfo>& wpa, bool privacy);

// Whether a BSS that a full table cannot hold decides a verdict by itself, so that it is kept anyway.
using KeepWhenFull = std::function<bool(const model::BssEntry&)>;

class BssTable {
  public:
    // Once max_entries BSSes are held, a new one is kept only when `keep` says it decides a verdict, in a
    // reserve of max_entries / 4 more; the rest are dropped and counted.
    explicit BssTable(std::size_t max_entries = 4096, KeepWhenFull keep = {})
        : m_max_entries(max_entries), m_keep(std::move(keep)) {}

    // Reads Packet::dot11 of beacons, probe responses and (re)association requests.
    void feed(const decode::Packet& p);

    const std::vector<model::BssEntry>& entries() const { return m_entries; } // sorted by BSSID
    std::uint64_t malformed() const { return m_malformed; }     // short fixed fields, or a failed FCS
    std::uint64_t dropped() const { return m_dropped.count(); } // BSSes not kept (distinct BSSIDs)
    std::optional<model::FullTable> full_table() const { return m_dropped.full_table("bss", m_max_entries); }

  private:
    std::size_t m_max_entries;
    KeepWhenFull m_keep;
    std::vector<model::BssEntry> m_entries;
    std::uint64_t m_malformed = 0;
    DroppedKeys m_dropped;
};

} // namespace isoprobe::analyze
