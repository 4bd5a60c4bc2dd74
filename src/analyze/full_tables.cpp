// Counting what a full table turned away.
#include "analyze/full_tables.hpp"

#include <algorithm>

#include "model/report.hpp"

namespace isoprobe::analyze {

void DroppedKeys::add(std::size_t key_hash) {
    // 0 marks an empty slot, so a hash of 0 is kept as 1: at worst two hashes count once, like any collision
    // here.
    const std::size_t key = key_hash == 0 ? 1 : key_hash;
    // At most half full: the 65536 remembered keys fit in 131072 slots (1 MiB).
    if (m_count < k_max_remembered && (m_count + 1) * 2 > m_keys.size()) {
        std::vector<std::size_t> old(std::max<std::size_t>(256, m_keys.size() * 2), 0);
        old.swap(m_keys);
        for (std::size_t k : old)
            if (k != 0) slot(k) = k;
    }
    std::size_t& s = slot(key);
    if (s == key) return;
    if (m_count < k_max_remembered) {
        s = key;
        ++m_count;
    } else {
        m_saturated = true;
    }
}

std::size_t& DroppedKeys::slot(std::size_t key) {
    const std::size_t mask = m_keys.size() - 1;
    std::size_t i = position(key);
    while (m_keys[i] != 0 && m_keys[i] != key)
        i = (i + 1) & mask;
    return m_keys[i];
}

std::optional<model::FullTable> DroppedKeys::full_table(std::string_view table,
                                                        std::uint64_t capacity) const {
    if (m_count == 0) return std::nullopt;
    return model::FullTable{std::string(table), capacity, count(), m_saturated};
}

} // namespace isoprobe::analyze
