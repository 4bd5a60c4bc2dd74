// What the bounded analysis tables could not hold, and the rule that follows (docs/report.md, "Capture"): a
// requirement that reads a table which turned entries away cannot pass, since a dropped entry might have
// failed it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace isoprobe::report {
struct Requirement;
}

namespace isoprobe::analyze {

// A bounded table that was full.
struct FullTable {
    std::string table; // stations, flows, bss, eap-sessions
    std::uint64_t capacity = 0;
    std::uint64_t dropped =
        0;                 // entries turned away or evicted (stations, flows, BSSes, sessions), not frames
    bool at_least = false; // more were dropped than could be told apart: `dropped` is a lower bound
};

// Counts the distinct entries (stations, flows, BSSes) a full table turned away, by the hash of their key: an
// entry seen again is not counted again. Only so many keys are remembered; past that the count is a lower
// bound.
class DroppedKeys {
  public:
    static constexpr std::size_t k_max_remembered = 65536;

    void add(std::size_t key_hash);
    std::uint64_t count() const { return m_keys.size(); }
    // The report's entry for this table, or nothing when nothing was dropped.
    std::optional<FullTable> full_table(std::string_view table, std::uint64_t capacity) const;

  private:
    std::unordered_set<std::size_t> m_keys;
    bool m_saturated = false;
};

// Makes `req` inconclusive, naming each full table it reads and what that table dropped, unless it already
// fails (a fail is proven by entries that were kept).
void mark_full_tables(const std::vector<FullTable>& full, report::Requirement& req);

} // namespace isoprobe::analyze
