// What the run history recorded of a run: its id, the run it was compared with and what got worse since
// (docs/history.md). Plain data, so that renderers show it without depending on the history's database.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/report.hpp"

namespace isoprobe::model {

// kind: requirement-fail (pass -> fail), requirement-inconclusive (pass -> inconclusive), new-reached,
// new-conversation, new-bss; key: the requirement id or the finding's key.
struct Regression {
    std::string kind, key, detail;
    friend bool operator==(const Regression&, const Regression&) = default;
};
// The order they are shown in: requirement regressions first (what an operator acts on), then by kind and
// key.
bool operator<(const Regression& a, const Regression& b);

// A run as the history recorded it.
struct Recorded {
    std::int64_t run = 0;
    std::optional<std::int64_t> baseline; // the run it was compared with, if any
    std::vector<Regression> regressions;
};

// What runs are compared by, with the command: the interface of a live probe or audit, otherwise the capture
// files as given (separated by spaces), so a scheduled inspect of the same paths compares with its previous
// run.
std::string scope_of(const model::Report& r);

} // namespace isoprobe::model
