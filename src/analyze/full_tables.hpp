// What the bounded analysis tables could not hold (docs/report.md, "Capture"); the rule that follows is
// verdict::mark_full_tables.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/report.hpp"

namespace isoprobe::analyze {

// Counts the distinct entries (stations, flows, BSSes) a full table turned away, by the hash of their key: an
// entry seen again is not counted again. Only so many keys are remembered; past that the count is a lower
// bound.
class DroppedKeys {
  public:
    static constexpr std::size_t k_max_remembered = 65536;

    void add(std::size_t key_hash);
    // Starts loading the memory add(key_hash) will read.
    void prefetch(std::size_t key_hash) const {
        if (!m_keys.empty()) __builtin_prefetch(&m_keys[position(key_hash == 0 ? 1 : key_hash)]);
    }
    std::uint64_t count() const { return m_count; }
    // The report's entry for this table, or nothing when nothing was dropped.
    std::optional<model::FullTable> full_table(std::string_view table, std::uint64_t capacity) const;

  private:
    // The slot holding `key`, or the empty slot where it would go; its probe sequence starts at position().
    std::size_t& slot(std::size_t key);
    std::size_t position(std::size_t key) const {
        // Key hashes may be raw addresses (a MAC's 48 bits): a multiplicative mix spreads them over the
        // slots.
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 20) & (m_keys.size() - 1);
    }

    // A full flow table calls add() for every new key it turns away, up to hundreds of thousands on a
    // flow-rich capture, so this is a flat set: open addressing, linear probing, power-of-two size, 0 marking
    // an empty slot.
    std::vector<std::size_t> m_keys;
    std::uint64_t m_count = 0;
    bool m_saturated = false;
};

} // namespace isoprobe::analyze
