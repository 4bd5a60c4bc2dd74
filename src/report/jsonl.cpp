// JSON Lines (jsonlines.org) of the report's findings.
#include "report/jsonl.hpp"

#include <nlohmann/json.hpp>

#include "report/json.hpp"
#include "report/json_wlan_eap.hpp"
#include "util/json_text.hpp"
#include "util/time.hpp"

namespace isoprobe::report {

using model::ProbeOutcome;
using model::Report;
using model::status_name;

using nlohmann::ordered_json;

std::string to_jsonl(const Report& r, const std::optional<model::Recorded>& recorded, model::Lang lang) {
    ordered_json common;
    common["time"] = r.run ? ordered_json(rfc3339(r.run->started_ns)) : ordered_json(nullptr);
    if (r.run)
        put_name(common, "host", r.run->host);
    else
        common["host"] = nullptr;
    common["command"] = r.command;
    put_name(common, "scope", model::scope_of(r));
    common["verdict"] = status_name(r.verdict);
    if (r.interrupted) common["interrupted"] = true;
    if (recorded) common["run"] = recorded->run;
    std::string out;
    auto line = [&](const char* kind, ordered_json item) {
        ordered_json j = common;
        j["finding"] = kind;
        j[kind] = std::move(item);
        out += dump_json(std::move(j));
        out += '\n';
    };
    for (const auto& req : r.requirements)
        line("requirement", to_json(req, lang));
    for (const auto& c : r.conversations)
        line("conversation", to_json(c, lang));
    for (const auto& c : r.attempts)
        line("attempt", to_json(c, lang));
    for (const auto& p : r.probes)
        if (p.result == ProbeOutcome::reached) line("probe", to_json(p, lang));
    for (const auto& c : r.controls)
        if (!c.ok) line("control", to_json(c, lang));
    for (const auto& s : r.eap)
        line("eap-session", to_json(s, lang));
    for (const auto& b : r.wlan)
        line("bss", to_json(b));
    if (r.inventory)
        for (const auto& f : *r.inventory)
            line("inventory", to_json(f, lang));
    if (recorded)
        for (const auto& g : recorded->regressions)
            line("regression", {{"kind", g.kind},
                                {"key", g.key},
                                {"detail", g.detail},
                                {"baseline", recorded->baseline ? ordered_json(*recorded->baseline)
                                                                : ordered_json(nullptr)}});
    return out;
}

} // namespace isoprobe::report
