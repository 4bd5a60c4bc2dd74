// Facts of a run and the regressions between two runs (docs/history.md).
#include "history/regressions.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

#include "parse/eap.hpp"
#include "util/escape.hpp"

namespace isoprobe::history {

using model::protocols_text;

namespace {

// MAC first: it survives a DHCP renumbering; the IP only for on-link addresses whose owner never showed.
std::string endpoint_key(const model::Endpoint& e) {
    if (e.mac) return e.mac->str();
    return e.ip.empty() ? "unknown" : e.ip.str();
}

std::string ssid_text(const model::BssEntry& e) {
    if (!e.ssid_known) return "(hidden)";
    return "\"" + utf8_safe({reinterpret_cast<const char*>(e.ssid.data()), e.ssid.size()}) + "\"";
}

} // namespace

RunFacts facts_of(const model::Report& r) {
    RunFacts f;
    for (const auto& req : r.requirements)
        f.requirements[req.id] = std::string(model::status_name(req.status));
    auto add = [&](std::string kind, std::string key, std::string detail) {
        f.findings.push_back({std::move(kind), std::move(key), std::move(detail)});
    };
    for (const auto& p : r.probes) {
        if (p.result != model::ProbeOutcome::reached) continue;
        std::string detail = (p.sentinel ? "the sentinel " : "") +
                             (p.peer.ip.empty() ? endpoint_key(p.peer) : p.peer.ip.str());
        for (const auto& note : p.notes)
            detail += "; " + model::english(note); // the history keeps English text
        add("reached", p.method + " " + endpoint_key(p.peer), std::move(detail));
    }
    for (const auto& c : r.conversations) {
        const bool unicast = c.kind == model::ConversationKind::unicast;
        add("conversation", endpoint_key(c.a) + (unicast ? " <-> " : " -> ") + endpoint_key(c.b),
            protocols_text(c.protocols) + ", " + std::to_string(c.frame_count) + " frame(s)" +
                (c.via_gateway ? ", via the gateway" : ""));
    }
    for (const auto& e : r.wlan)
        add("bss", e.bssid.str() + " " + ssid_text(e), std::string(model::bss_class_name(e.security.cls)));
    if (r.inventory)
        for (const auto& i : *r.inventory)
            add("inventory", i.kind + " " + (i.bssid.empty() ? "-" : i.bssid) + " \"" + i.ssid + "\"",
                model::english(i.detail));
    for (const auto& s : r.eap) {
        if (s.outcome != model::EapOutcome::success || !s.method) continue;
        add("eap-method",
            (s.supplicant ? s.supplicant->str() : "unknown") + " " + parse::eap_type_name(*s.method),
            s.identity ? "identity \"" + utf8_safe(*s.identity) + "\"" : "no identity seen");
    }
    for (const auto& e : r.enumeration)
        if (e.result == "accepted") add("eap-accepted", e.name, model::english(e.detail));

    // The same pair can show in several conversations (one per IP pair): the history keeps the fact once.
    auto by_key = [](const Finding& a, const Finding& b) {
        return std::tie(a.kind, a.key) < std::tie(b.kind, b.key);
    };
    std::stable_sort(f.findings.begin(), f.findings.end(), by_key);
    auto same_key = [](const Finding& a, const Finding& b) { return a.kind == b.kind && a.key == b.key; };
    f.findings.erase(std::unique(f.findings.begin(), f.findings.end(), same_key), f.findings.end());
    return f;
}

std::vector<Regression> regressions(const RunFacts& before, const RunFacts& now) {
    std::vector<Regression> out;
    for (const auto& [id, status] : now.requirements) {
        auto was = before.requirements.find(id);
        if (was == before.requirements.end() || was->second != "pass") continue;
        if (status == "fail" || status == "inconclusive")
            out.push_back({"requirement-" + status, id, "pass in the previous run, " + status + " now"});
    }
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& f : before.findings)
        seen.emplace(f.kind, f.key);
    for (const auto& f : now.findings) {
        // Only new contact and new access points are regressions; inventory and EAP facts have their
        // requirements.
        if (f.kind != "reached" && f.kind != "conversation" && f.kind != "bss") continue;
        if (!seen.contains({f.kind, f.key})) out.push_back({"new-" + f.kind, f.key, f.detail});
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace isoprobe::history
