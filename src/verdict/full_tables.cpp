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

// Sentence codes: the table's name and its entries.
struct Words {
    std::string_view table, name, entries;
};

constexpr std::array<Words, 4> k_words{{
    {"stations", "table.stations", "entries.stations"},
    {"flows", "table.flows", "entries.flows"},
    {"bss", "table.bss", "entries.bss"},
    {"eap-sessions", "table.eap-sessions", "entries.eap-sessions"},
}};

} // namespace

void mark_full_tables(const std::vector<model::FullTable>& full, model::Requirement& req) {
    if (req.status == model::Status::fail) return;
    std::vector<model::Sentence> why;
    for (const auto& t : full) {
        bool read = std::any_of(k_reads.begin(), k_reads.end(), [&](const Reads& r) {
            return r.requirement == req.id && r.table == t.table;
        });
        if (!read || t.dropped == 0) continue;
        const auto& w =
            *std::find_if(k_words.begin(), k_words.end(), [&](const Words& x) { return x.table == t.table; });
        std::vector<model::Sentence> at_least;
        if (t.at_least) at_least.push_back(model::say("full-table.at-least"));
        why.push_back(model::say(
            "full-table",
            {model::arg("table", model::say(std::string(w.name))), model::arg("capacity", t.capacity),
             model::arg("at_least", std::move(at_least), model::Param::Join::none),
             model::arg("dropped", t.dropped), model::arg("entries", model::say(std::string(w.entries)))}));
    }
    if (why.empty()) return;
    req.status = model::Status::inconclusive;
    req.reasons.insert(req.reasons.begin(), why.begin(), why.end());
}

} // namespace isoprobe::verdict
