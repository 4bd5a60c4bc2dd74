// The report as Prometheus metrics (text exposition format 0.0.4) for node_exporter's textfile collector
// (--prom PATH, docs/history.md). Every metric is a gauge named isoprobe_*, labelled with `command` and, for
// live probes and audits, `interface`; statuses are one-hot (one series per possible status, 1 for the actual
// one) so that an alert is a plain `== 1`.
#pragma once
#include <string>
#include <string_view>

#include "model/report.hpp"

namespace isoprobe::report {

std::string to_prometheus(const model::Report& r);

// A label value as the exposition format quotes it: backslash, double quote and newline escaped.
std::string prometheus_label_value(std::string_view v);

} // namespace isoprobe::report
