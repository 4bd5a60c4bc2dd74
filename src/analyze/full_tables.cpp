// Counting what a full table turned away.
#include "analyze/full_tables.hpp"

#include "model/report.hpp"

namespace isoprobe::analyze {

void DroppedKeys::add(std::size_t key_hash) {
    if (m_keys.size() < k_max_remembered)
        m_keys.insert(key_hash);
    else if (!m_keys.count(key_hash))
        m_saturated = true;
}

std::optional<model::FullTable> DroppedKeys::full_table(std::string_view table, std::uint64_t capacity) const {
    if (m_keys.empty()) return std::nullopt;
    return model::FullTable{std::string(table), capacity, count(), m_saturated};
}

} // namespace isoprobe::analyze
