// The whole `isoprobe inspect` pipeline over one capture held in memory: capture reader -> analysis -> report
// model (with an access-point survey) -> every renderer. Shared by fuzz_pipeline and its regression test over
// captures/bad/, so that a reproducer fails the unit tests the way it crashed the fuzzer.
#pragma once
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyze/inspect.hpp"
#include "analyze/inventory.hpp"
#include "capture/source.hpp"
#include "history/regressions.hpp"
#include "report/html.hpp"
#include "report/json.hpp"
#include "report/jsonl.hpp"
#include "report/prometheus.hpp"
#include "report/text.hpp"

namespace isoprobe::fuzz {

struct PipelineResult {
    std::string error;              // the capture could not be read: the one line `inspect` prints
    std::string json;               // the JSON report as --json writes it
    std::vector<std::string> jsonl; // --jsonl with and without a history record
    std::vector<std::string> other; // text, coloured text, HTML ja and en, Prometheus
};

// One authorised network with a BSSID and a prefix, and one ignored SSID: every survey finding kind can
// occur.
inline std::shared_ptr<const analyze::Inventory> pipeline_inventory() {
    static const auto inv = [] {
        auto parsed = analyze::parse_inventory(R"({
            "networks": [{"ssid": "LGWAN-Office", "bssids": ["02:00:00:00:00:01", "02:00:00:01:*"],
                          "class": "wpa3-enterprise"}],
            "ignore_ssids": ["neighbour-cafe"]})");
        if (!parsed) throw std::logic_error("fuzz pipeline inventory: " + parsed.error());
        return std::make_shared<const analyze::Inventory>(std::move(parsed.value()));
    }();
    return inv;
}

// Throws whatever the pipeline throws: that is a bug the callers report.
inline PipelineResult run_pipeline(Bytes capture) {
    PipelineResult out;
    auto rep = analyze::inspect_captures(
        {"fuzz.pcap"},
        [capture](const std::string& name, std::uint64_t first_number) {
            return capture::open_capture_memory(capture, name, first_number);
        },
        {}, {}, pipeline_inventory());
    if (!rep) {
        out.error = rep.error();
        return out;
    }
    model::Report& r = rep.value();
    // What Outputs::emit adds to every real run, with fixed values.
    r.run = model::RunInfo{1'700'000'000'000'000'000,
                           1'700'000'005'000'000'000,
                           "fuzz-host",
                           {},
                           {"report.json"},
                           {"0.1.0",
                            "v0.1.0-fuzz",
                            "Fuzz",
                            "isoprobe inspect 'a b'",
                            "",
                            "none",
                            "",
                            "operator",
                            "note",
                            {},
                            {}},
                           std::nullopt};

    history::RunFacts all_passed;
    for (const auto& req : r.requirements)
        all_passed.requirements[req.id] = "pass";
    const history::Recorded recorded{1, 0, history::regressions(all_passed, history::facts_of(r))};

    out.json = report::to_json(r).dump(2) + "\n";
    out.other.push_back(report::to_text(r, false));
    out.other.push_back(report::to_text(r, true));
    out.other.push_back(report::to_html(r, report::Lang::ja));
    out.other.push_back(report::to_html(r, report::Lang::en));
    out.jsonl.push_back(report::to_jsonl(r, recorded));
    out.jsonl.push_back(report::to_jsonl(r, std::nullopt));
    out.other.push_back(report::to_prometheus(r));
    return out;
}

// What every result must satisfy; empty when it does, else what is wrong.
inline std::string pipeline_problem(const PipelineResult& result) {
    if (!result.error.empty())
        return result.error.find('\n') == std::string::npos ? "" : "input error spans lines: " + result.error;
    if (result.json.empty()) return "neither an error nor a report";
    if (!nlohmann::json::accept(result.json)) return "the JSON report does not parse";
    const auto j = nlohmann::json::parse(result.json);
    const auto array = [&j](const char* key) { return j.contains(key) && j.at(key).is_array(); };
    if (!j.is_object() || j.value("schema", "") != "isoprobe.report/1" ||
        j.value("command", "") != "inspect" || !j.contains("verdict") || !array("requirements") ||
        !array("inventory"))
        return "the JSON report lacks its schema, command, verdict, requirements or inventory";
    for (const auto& rendered : result.other)
        if (rendered.empty()) return "a renderer wrote nothing";
    for (const auto& jsonl : result.jsonl) {
        std::size_t start = 0;
        for (std::size_t end; (end = jsonl.find('\n', start)) != std::string::npos; start = end + 1)
            if (!nlohmann::json::accept(std::string_view(jsonl).substr(start, end - start)))
                return "a JSONL line does not parse";
    }
    return "";
}

} // namespace isoprobe::fuzz
