// The full-table rule (docs/report.md, "Capture"): a requirement that reads a table which turned entries away
// cannot pass, since a dropped entry might have failed it.
#pragma once
#include <vector>

#include "model/report.hpp"

namespace isoprobe::verdict {

// Makes `req` inconclusive, naming each full table it reads and what that table dropped, unless it already
// fails (a fail is proven by entries that were kept).
void mark_full_tables(const std::vector<model::FullTable>& full, model::Requirement& req);

} // namespace isoprobe::verdict
