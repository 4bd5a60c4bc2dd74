// Reading back what the JSON renderer wrote about a run's analysis, for `isoprobe verify`.
#include "report/recorded.hpp"

#include "report/json.hpp"

namespace isoprobe::report {

using nlohmann::json;

namespace {
std::optional<MacAddr> mac_or_none(const json& j) {
    return j.is_string() ? MacAddr::parse(j.get<std::string>()) : std::nullopt;
}

} // namespace

analyze::Recorded recorded_of(const json& r) {
    analyze::Recorded rec;
    rec.command = r.at("command").get<std::string>();
    rec.interrupted = r.value("interrupted", false);
    const json& a = r.at("run").at("analysis");
    auto& in = rec.inputs;
    in.self = mac_or_none(a.at("self"));
    in.self_how = a.at("self_how").get<std::string>();
    for (const auto& m : a.at("infra"))
        if (auto mac = mac_or_none(m)) in.infra.push_back(*mac);
    for (const auto& m : a.at("gateways"))
        if (auto mac = mac_or_none(m)) in.gateways.push_back(*mac);
    if (a.at("gateway_ip").is_string()) in.gateway_ip = IpAddr::parse(a.at("gateway_ip").get<std::string>());
    if (a.at("subnet").is_string()) in.subnet = a.at("subnet").get<std::string>();
    if (const json& l = a.at("live"); l.is_object()) {
        auto& live = in.live.emplace();
        live.forged_frames = l.at("forged_frames").get<std::vector<std::uint64_t>>();
        live.marker_prefix = l.at("marker_prefix").get<std::string>();
        live.sentinel = l.at("sentinel").is_string() ? l.at("sentinel").get<std::string>() : "";
        live.gateway_resolved = l.at("gateway_resolved").get<bool>();
        if (const json& why = l.at("interruption_coded"); why.is_object())
            live.interruption = report::sentence_of(why);
        live.rounds = l.at("rounds").get<int>();
        if (l.at("sentinel_heard_gateway").is_number())
            live.sentinel_heard_gateway = l.at("sentinel_heard_gateway").get<std::uint64_t>();
        live.probe_segment = l.at("probe_segment").get<std::string>();
        live.sentinel_segment = l.at("sentinel_segment").get<std::string>();
    }
    for (const auto& p : r.value("probes", json::array())) {
        model::ProbeResult res;
        res.peer.mac = mac_or_none(p.at("peer").at("mac"));
        if (p.at("peer").at("ip").is_string())
            res.peer.ip = IpAddr::parse(p.at("peer").at("ip").get<std::string>()).value_or(IpAddr{});
        res.sentinel = p.at("sentinel").get<bool>();
        res.method = p.at("method").get<std::string>();
        const auto outcome = p.at("result").get<std::string>();
        for (auto o :
             {model::ProbeOutcome::reached, model::ProbeOutcome::not_reached, model::ProbeOutcome::no_reply,
              model::ProbeOutcome::not_run, model::ProbeOutcome::error})
            if (model::outcome_name(o) == outcome) res.result = o;
        for (const auto& e : p.at("evidence_coded"))
            if (e.is_number_unsigned())
                res.frames.push_back(e.get<std::uint64_t>());
            else if (e.is_object())
                res.notes.push_back(report::sentence_of(e));
        rec.probes.push_back(std::move(res));
    }
    for (const auto& c : r.value("controls", json::array()))
        rec.controls.push_back({c.at("name").get<std::string>(), c.at("ok").get<bool>(),
                                report::sentence_of(c.at("detail_coded"))});
    return rec;
}

} // namespace isoprobe::report
