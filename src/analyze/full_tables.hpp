// What the bounded analysis tables could not hold (docs/report.md, "Capture"); the rule that follows is
// verdict::mark_full_tables.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
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
    std::uint64_t count() const { return m_keys.size(); }
    // The report's entry for this table, or nothing when nothing was dropped.
    std::optional<model::FullTable> full_table(std::string_view table, std::uint64_t capacity) const;

  private:
    std::unordered_set<std::size_t> m_keys;
    bool m_saturated = false;
};

} // namespace isoprobe::analyze
