// The human text renderer: verdict first, then the evidence, readable at a glance; colour only when asked (a
// TTY).
#pragma once
#include <string>

#include "model/report.hpp"

namespace isoprobe::report {

// Labels in English; the sentences (reasons, evidence, notes, details, observations) in `lang`.
std::string to_text(const model::Report& r, bool colour, model::Lang lang = model::Lang::en);

} // namespace isoprobe::report
