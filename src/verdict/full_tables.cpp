// Which requirement reads which analysis table.
#include "verdict/full_tables.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace isoprobe::verdict {

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

void mark_full_tables(const std::vector<model::FullTable>& full, model::Requirement& req) {
    if (req.status == model::Status::fail) return;
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
    req.status = model::Status::inconclusive;
    req.reasons.insert(req.reasons.begin(), why.begin(), why.end());
}

} // namespace isoprobe::verdict
