// Prometheus text exposition format 0.0.4 (prometheus.io/docs/instrumenting/exposition_formats) of the
// report.
#include "report/prometheus.hpp"

#include <cstdio>
#include <initializer_list>
#include <map>
#include <utility>

#include "util/escape.hpp"

namespace isoprobe::report {

using model::ProbeOutcome;
using model::Report;
using model::Status;
using model::status_name;

namespace {

using Labels = std::initializer_list<std::pair<std::string_view, std::string_view>>;

class Exposition {
  public:
    explicit Exposition(const Report& r) {
        m_common = "command=\"" + prometheus_label_value(r.command) + "\"";
        if (r.segment) m_common += ",interface=\"" + prometheus_label_value(r.segment->interface) + "\"";
    }
    void family(std::string_view name, std::string_view help) {
        m_out.append("# HELP ")
            .append(name)
            .append(" ")
            .append(help)
            .append("\n# TYPE ")
            .append(name)
            .append(" gauge\n");
    }
    void sample(std::string_view name, Labels labels, const std::string& value) {
        m_out.append(name).append("{").append(m_common);
        for (const auto& [key, v] : labels)
            m_out.append(",").append(key).append("=\"").append(prometheus_label_value(v)).append("\"");
        m_out.append("} ").append(value).append("\n");
    }
    void sample(std::string_view name, Labels labels, std::uint64_t value) {
        sample(name, labels, std::to_string(value));
    }
    std::string take() { return std::move(m_out); }

  private:
    std::string m_common, m_out;
};

std::string seconds(std::int64_t ns) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", static_cast<double>(ns) / 1e9);
    return buf;
}

constexpr Status k_statuses[] = {Status::pass, Status::fail, Status::inconclusive, Status::not_tested};

} // namespace

std::string prometheus_label_value(std::string_view v) {
    std::string out;
    out.reserve(v.size());
    // The exposition format is UTF-8 and the textfile collector drops a whole file that is not: an interface
    // name's stray bytes become readable \xNN text.
    for (char c : utf8_safe(v)) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

std::string to_prometheus(const Report& r) {
    Exposition e(r);
    e.family("isoprobe_verdict", "Verdict of the last run, one-hot over status (pass, fail, inconclusive).");
    for (auto s : k_statuses)
        if (s != Status::not_tested)
            e.sample("isoprobe_verdict", {{"status", status_name(s)}}, r.verdict == s ? 1u : 0u);
    e.family("isoprobe_requirement_status", "Status of each guideline requirement in the last run, one-hot "
                                            "over status (pass, fail, inconclusive, not-tested).");
    for (const auto& req : r.requirements)
        for (auto s : k_statuses)
            e.sample("isoprobe_requirement_status", {{"requirement", req.id}, {"status", status_name(s)}},
                     req.status == s ? 1u : 0u);
    e.family("isoprobe_run_interrupted", "1 when the last run was stopped early (signal or interface down).");
    e.sample("isoprobe_run_interrupted", {}, r.interrupted ? 1u : 0u);
    e.family("isoprobe_conversations",
             "Terminal-to-terminal conversations proven by the capture of the last run.");
    e.sample("isoprobe_conversations", {}, r.conversations.size());
    if (r.segment) {
        e.family("isoprobe_peers_found", "Peers found on the segment by the last run.");
        e.sample("isoprobe_peers_found", {}, r.segment->peers.size());
        // Every method that ran gets a series, zero included, so that a missing method is not mistaken for
        // none reached.
        std::map<std::string, std::uint64_t> reached;
        for (const auto& p : r.probes)
            reached[p.method] += p.result == ProbeOutcome::reached;
        e.family("isoprobe_peers_reached",
                 "Peers a contact method reached in the last run (0: reached none).");
        for (const auto& [method, n] : reached)
            e.sample("isoprobe_peers_reached", {{"method", method}}, n);
    }
    if (!r.controls.empty()) {
        e.family("isoprobe_control_ok",
                 "Positive controls of the last run: 1 when the control held, 0 when it failed.");
        for (const auto& c : r.controls)
            e.sample("isoprobe_control_ok", {{"control", c.name}}, c.ok ? 1u : 0u);
    }
    if (r.run) {
        e.family("isoprobe_run_duration_seconds", "Wall-clock duration of the last run.");
        e.sample("isoprobe_run_duration_seconds", {}, seconds(r.run->finished_ns - r.run->started_ns));
        e.family("isoprobe_last_run_timestamp_seconds",
                 "When the last run finished, in seconds since the Unix epoch.");
        e.sample("isoprobe_last_run_timestamp_seconds", {}, seconds(r.run->finished_ns));
    }
    return e.take();
}

} // namespace isoprobe::report
