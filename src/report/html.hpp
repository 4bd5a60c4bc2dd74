// The HTML report: one self-contained, printable HTML5 page (inline CSS and SVG, no script, a CSP that
// forbids fetching anything) with the verdict and requirement table first, then the evidence and a timeline
// of the run.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "model/report.hpp"
#include "report/lang.hpp"

namespace isoprobe::report {

// A pure renderer over the model: every label and every sentence (model::render) in `lang`.
std::string to_html(const model::Report& r, Lang lang);

// Rows the page shows of each list before "N more" (the JSON report keeps every one), so that its size stays
// bounded whatever the capture holds.
inline constexpr std::size_t k_html_max_conversation_rows = 1000;
inline constexpr std::size_t k_html_max_attempt_rows = 100;

// The one escape for text from the model, in element content and in attribute values alike: control
// characters and invalid UTF-8 become visible \xNN (as on a terminal), and & < > " ' become character
// references.
std::string html_escape(std::string_view raw);

} // namespace isoprobe::report
