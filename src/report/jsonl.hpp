// The report as JSON Lines for log shippers (--jsonl, docs/history.md): one compact object per finding, each
// with the run's common fields (time, host, command, scope, verdict, and `run` when the history recorded it)
// and "finding": its kind, the item itself under a key of that name, as the JSON report writes it.
#pragma once
#include <optional>
#include <string>

#include "model/history.hpp"
#include "model/report.hpp"

namespace isoprobe::report {

// Kinds, in this order: requirement, conversation, attempt, probe (reached only), control (failed only),
// eap-session, bss, inventory, regression (from `recorded`). Sentences carry their text in `lang` too
// ("text_ja") when it is not English.
std::string to_jsonl(const model::Report& r, const std::optional<model::Recorded>& recorded,
                     model::Lang lang = model::Lang::en);

} // namespace isoprobe::report
