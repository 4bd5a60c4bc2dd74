// The full-table rule (docs/report.md, "Capture"): which requirement reads which table.
#include "analyze/full_tables.hpp"

#include <algorithm>
#include <array>

#include "report/model.hpp"

namespace isoprobe::analyze {

namespace {

struct Reads {
    std::string_view requirement, table;
};

constexpr std::array<Reads, 6> k_reads{{
    {"terminal-isolation", "stations"},
    {"terminal-isolation", "flows"},
    {"wlan-encryption", "bss"},
    {"8021x-eap-tls", "bss"},
    {"8021x-eap-tls", "eap-sessions"},
    {"ap-inventory", "bss"},
}};

struct Words {
    std::string_view table, name, entries;
};

constexpr std::array<Words, 4> k_words{{
    {"stations", "station table", "station(s)"},
    {"flows", "flow table", "flow(s)"},
    {"bss", "BSS table", "BSS(es)"},
    {"eap-sessions", "EAP session table", "EAP session(s)"},
}};

} // namespace

void DroppedKeys::add(std::size_t key_hash) {
    if (m_keys.size() < k_max_remembered)
        m_keys.insert(key_hash);
    else if (!m_keys.count(key_hash))
        m_saturated = true;
}

std::optional<FullTable> DroppedKeys::full_table(std::string_view table, std::uint64_t capacity) const {
    if (m_keys.empty()) return std::nullopt;
    return FullTable{std::string(table), capacity, count(), m_saturated};
}

void mark_full_tables(const std::vector<FullTable>& full, report::Requirement& req) {
    if (req.status == report::Status::fail) return;
    std::vector<std::string> why;
    for (const auto& t : full) {
        bool read = std::any_of(k_reads.begin(), k_reads.end(), [&](const Reads& r) {
            return r.requirement == req.id && r.table == t.table;
        });
        if (!read || t.dropped == 0) continue;
        const auto& w =
            *std::find_if(k_words.begin(), k_words.end(), [&](const Words& x) { return x.table == t.table; });
        why.push_back("The " + std::string(w.name) + " was full (" + std::to_string(t.capacity) +
                      "): " + (t.at_least ? "at least " : "") + std::to_string(t.dropped) + " " +
                      std::string(w.entries) +
                      " were not analysed, and any of them could fail this requirement.");
    }
    if (why.empty()) return;
    req.status = report::Status::inconclusive;
    req.reasons.insert(req.reasons.begin(), why.begin(), why.end());
}

} // namespace isoprobe::analyze
