#include "report/json.hpp"

#include "report/catalogue.hpp"
#include "report/json_wlan_eap.hpp"
#include "report/lang.hpp"
#include "util/json_text.hpp"
#include "util/time.hpp"

namespace isoprobe::report {

using model::Control;
using model::Conversation;
using model::ConversationKind;
using model::Endpoint;
using model::InventoryFinding;
using model::outcome_name;
using model::ProbeResult;
using model::Report;
using model::Requirement;
using model::role_name;
using model::status_name;

using nlohmann::ordered_json;

ordered_json to_json(const Endpoint& e) {
    ordered_json j;
    j["mac"] = e.mac ? ordered_json(e.mac->str()) : ordered_json(nullptr);
    j["ip"] = e.ip.empty() ? ordered_json(nullptr) : ordered_json(e.ip.str());
    return j;
}

ordered_json to_json(const model::Sentence& s, Also also) {
    ordered_json params = ordered_json::object();
    for (const auto& p : s.params) {
        switch (p.kind) {
        case model::Param::Kind::text:
            params[p.name] = p.text;
            break;
        case model::Param::Kind::list:
            params[p.name] = p.list;
            break;
        case model::Param::Kind::sentence:
            params[p.name] = to_json(p.sentences.front(), also);
            break;
        case model::Param::Kind::sentences:
            params[p.name] = to_json(p.sentences, also);
            break;
        }
    }
    ordered_json j{{"code", s.code}, {"params", std::move(params)}, {"text", model::english(s)}};
    if (also && *also != model::Lang::en)
        j["text_" + std::string(lang_name(*also))] = model::render(s, *also);
    return j;
}

ordered_json to_json(const std::vector<model::Sentence>& s, Also also) {
    ordered_json a = ordered_json::array();
    for (const auto& x : s)
        a.push_back(to_json(x, also));
    return a;
}

model::Sentence sentence_of(const nlohmann::json& coded) {
    model::Sentence s{coded.at("code").get<std::string>(), {}};
    for (const auto& [name, v] : coded.at("params").items()) {
        if (v.is_string())
            s.params.push_back(model::arg(name, v.get<std::string>()));
        else if (v.is_object())
            s.params.push_back(model::arg(name, sentence_of(v)));
        else if (!v.empty() && v.front().is_object()) {
            std::vector<model::Sentence> clauses;
            for (const auto& c : v)
                clauses.push_back(sentence_of(c));
            s.params.push_back(model::arg(name, std::move(clauses)));
        } else
            s.params.push_back(model::arg(name, v.get<std::vector<std::string>>()));
    }
    return s;
}

std::vector<std::string> english(const std::vector<model::Sentence>& s) {
    std::vector<std::string> out;
    for (const auto& x : s)
        out.push_back(model::english(x));
    return out;
}

ordered_json to_json(const Conversation& c, Also also) {
    ordered_json j;
    j["a"] = to_json(c.a);
    j["b"] = to_json(c.b);
    j["kind"] = c.kind == ConversationKind::unicast ? "unicast" : "broadcast";
    j["protocols"] = model::protocol_names(c.protocols);
    j["via_gateway"] = c.via_gateway;
    j["first_seen"] = rfc3339(c.first_ns);
    j["last_seen"] = rfc3339(c.last_ns);
    j["frames"] = c.frames;
    j["frame_count"] = c.frame_count;
    j["evidence"] = model::english(c.evidence);
    j["evidence_coded"] = to_json(c.evidence, also);
    return j;
}

ordered_json to_json(const Requirement& req, Also also) {
    ordered_json q;
    q["id"] = req.id;
    q["status"] = status_name(req.status);
    if (const auto* info = find_requirement(req.id)) {
        q["clause"] = info->clause;
        q["title"] = {{"ja", info->title_ja}, {"en", info->title_en}};
    }
    q["reasons"] = english(req.reasons);
    q["reasons_coded"] = to_json(req.reasons, also);
    return q;
}

ordered_json to_json(const ProbeResult& p, Also also) {
    ordered_json evidence = ordered_json::array(), coded = ordered_json::array();
    for (auto n : p.frames) {
        evidence.push_back(n);
        coded.push_back(n);
    }
    for (const auto& note : p.notes) {
        evidence.push_back(model::english(note));
        coded.push_back(to_json(note, also));
    }
    return {{"peer", to_json(p.peer)},          {"sentinel", p.sentinel}, {"method", p.method},
            {"result", outcome_name(p.result)}, {"evidence", evidence},   {"evidence_coded", coded}};
}

ordered_json to_json(const Control& c, Also also) {
    return {{"name", c.name},
            {"ok", c.ok},
            {"detail", model::english(c.detail)},
            {"detail_coded", to_json(c.detail, also)}};
}

ordered_json to_json(const InventoryFinding& f, Also also) {
    return {{"kind", f.kind},
            {"bssid", f.bssid.empty() ? ordered_json(nullptr) : ordered_json(f.bssid)},
            {"ssid", f.ssid},
            {"failing", f.failing},
            {"detail", model::english(f.detail)},
            {"detail_coded", to_json(f.detail, also)}};
}

namespace {
ordered_json to_json(const model::ClockState& c) {
    auto seconds = [](const std::optional<double>& v) {
        return v ? ordered_json(*v) : ordered_json(nullptr);
    };
    return {{"sync", c.sync},
            {"estimated_error_s", seconds(c.estimated_error_s)},
            {"maximum_error_s", seconds(c.maximum_error_s)}};
}

ordered_json to_json(const model::Provenance& p) {
    auto or_null = [](const std::string& v) { return v.empty() ? ordered_json(nullptr) : ordered_json(v); };
    ordered_json j;
    j["version"] = p.version;
    j["revision"] = p.revision;
    j["build_type"] = p.build_type;
    put_name(j, "command_line", p.command_line);
    if (p.config_path.empty())
        j["config"] = nullptr;
    else
        put_name(j, "config", p.config_path);
    j["config_sha256"] = p.config_sha256;
    j["capture_sha256"] = or_null(p.capture_sha256);
    if (p.operator_name.empty())
        j["operator"] = nullptr;
    else
        put_name(j, "operator", p.operator_name);
    if (p.note.empty())
        j["note"] = nullptr;
    else
        put_name(j, "note", p.note);
    j["clock"] = {{"start", to_json(p.clock_start)}, {"end", to_json(p.clock_end)}};
    return j;
}

ordered_json to_json(const model::AnalysisInputs& a) {
    auto macs = [](const std::vector<MacAddr>& v) {
        ordered_json out = ordered_json::array();
        for (const auto& m : v)
            out.push_back(m.str());
        return out;
    };
    ordered_json j;
    j["self"] = a.self ? ordered_json(a.self->str()) : ordered_json(nullptr);
    j["self_how"] = a.self_how;
    j["infra"] = macs(a.infra);
    j["gateways"] = macs(a.gateways);
    j["gateway_ip"] = a.gateway_ip ? ordered_json(a.gateway_ip->str()) : ordered_json(nullptr);
    j["subnet"] = a.subnet.empty() ? ordered_json(nullptr) : ordered_json(a.subnet);
    if (a.live) {
        const auto& l = *a.live;
        ordered_json live;
        live["forged_frames"] = l.forged_frames;
        live["marker_prefix"] = l.marker_prefix;
        if (l.sentinel.empty())
            live["sentinel"] = nullptr;
        else
            put_name(live, "sentinel", l.sentinel);
        live["gateway_resolved"] = l.gateway_resolved;
        live["interruption"] = l.interruption ? model::english(*l.interruption) : std::string();
        live["interruption_coded"] =
            l.interruption ? report::to_json(*l.interruption) : ordered_json(nullptr);
        live["rounds"] = l.rounds;
        live["sentinel_heard_gateway"] =
            l.sentinel_heard_gateway ? ordered_json(*l.sentinel_heard_gateway) : ordered_json(nullptr);
        live["probe_segment"] = l.probe_segment;
        live["sentinel_segment"] = l.sentinel_segment;
        j["live"] = std::move(live);
    } else {
        j["live"] = nullptr;
    }
    return j;
}
} // namespace

ordered_json to_json(const Report& r) {
    ordered_json j;
    j["schema"] = "isoprobe.report/1";
    j["tool"] = {{"name", "isoprobe"}, {"version", ISOPROBE_VERSION}};
    j["command"] = r.command;
    j["verdict"] = status_name(r.verdict);
    if (r.interrupted) j["interrupted"] = true;
    ordered_json reqs = ordered_json::array();
    for (const auto& req : r.requirements) {
        reqs.push_back(to_json(req));
        // Findings inform the auditor without changing the status: listed only when there are any.
        if (req.id != "8021x-eap-tls" || r.eap_findings.empty()) continue;
        ordered_json findings = ordered_json::array();
        for (const auto& f : r.eap_findings)
            findings.push_back(to_json(f, r.eap));
        reqs.back()["findings"] = std::move(findings);
    }
    j["requirements"] = std::move(reqs);
    j["self"] = {{"mac", r.self.mac ? ordered_json(r.self.mac->str()) : ordered_json(nullptr)},
                 {"how", r.self.how}};
    ordered_json stations = ordered_json::array();
    for (const auto& s : r.stations) {
        ordered_json ips = ordered_json::array();
        for (const auto& ip : s.ips)
            ips.push_back(ip.str());
        stations.push_back({{"mac", s.mac.str()},
                            {"ips", ips},
                            {"role", role_name(s.role)},
                            {"why", model::english(s.why)},
                            {"why_coded", to_json(s.why)}});
    }
    j["stations"] = std::move(stations);
    j["conversations"] = ordered_json::array();
    for (const auto& c : r.conversations)
        j["conversations"].push_back(to_json(c));
    j["attempts"] = ordered_json::array();
    for (const auto& c : r.attempts)
        j["attempts"].push_back(to_json(c));
    if (r.segment) {
        const auto& sg = *r.segment;
        ordered_json peers = ordered_json::array();
        for (const auto& p : sg.peers) {
            ordered_json v6 = ordered_json::array();
            for (const auto& ip : p.ipv6)
                v6.push_back(ip.str());
            peers.push_back({{"mac", to_json(p.at)["mac"]},
                             {"ip", to_json(p.at)["ip"]},
                             {"ipv6", v6},
                             {"sentinel", p.sentinel},
                             {"found_by", p.found_by}});
        }
        ordered_json segment;
        put_name(segment, "interface", sg.interface);
        if (sg.sentinel.empty())
            segment["sentinel"] = nullptr;
        else
            put_name(segment, "sentinel", sg.sentinel);
        segment["address"] = sg.address.str();
        segment["subnet"] = sg.subnet;
        segment["gateway"] = sg.gateway ? to_json(*sg.gateway) : ordered_json(nullptr);
        segment["peers"] = std::move(peers);
        if (const auto& other = sg.sentinel_segment)
            segment["sentinel_segment"] = {
                {"address", other->address.str()},
                {"subnet", other->subnet},
                {"gateway", other->gateway ? to_json(*other->gateway) : ordered_json(nullptr)}};
        j["segment"] = std::move(segment);
        ordered_json probes = ordered_json::array();
        for (const auto& p : r.probes)
            probes.push_back(to_json(p));
        j["probes"] = std::move(probes);
        ordered_json controls = ordered_json::array();
        for (const auto& c : r.controls)
            controls.push_back(to_json(c));
        j["controls"] = std::move(controls);
    }
    if (!r.observations.empty()) {
        j["observations"] = english(r.observations);
        j["observations_coded"] = to_json(r.observations);
    }
    j["eap"] = eap_section(r.eap, r.eap_stats);
    j["wlan"] = wlan_section(r.wlan, r.wlan_malformed, r.wlan_dropped);
    if (!r.enumeration.empty()) {
        ordered_json e = ordered_json::array();
        for (const auto& x : r.enumeration)
            e.push_back({{"type", x.type},
                         {"name", x.name},
                         {"result", x.result},
                         {"detail", model::english(x.detail)},
                         {"detail_coded", to_json(x.detail)}});
        j["enumeration"] = std::move(e);
    }
    if (r.inventory) {
        ordered_json inv = ordered_json::array();
        for (const auto& f : *r.inventory)
            inv.push_back(to_json(f));
        j["inventory"] = std::move(inv);
    }

    const auto& cap = r.capture;
    ordered_json files = ordered_json::array();
    for (const auto& f : cap.files) {
        ordered_json file;
        put_name(file, "path", f.path);
        file["first_frame"] = f.first_frame;
        file["frames"] = f.frames;
        files.push_back(std::move(file));
    }
    ordered_json c;
    c["files"] = std::move(files);
    c["frames"] = cap.frames;
    c["bytes"] = cap.bytes;
    c["link_types"] = cap.link_types;
    c["undecoded"] = cap.undecoded;
    c["encrypted"] = cap.encrypted;
    c["anomalies"] = cap.anomalies;
    // Only when a tunnel was opened, so that reports of ordinary captures stay as they were.
    if (!cap.decapsulated.empty()) c["decapsulated"] = cap.decapsulated;
    // Only when a table was full, so that reports of ordinary captures stay as they were.
    if (!cap.full_tables.empty()) {
        ordered_json full = ordered_json::array();
        for (const auto& t : cap.full_tables)
            full.push_back({{"table", t.table},
                            {"capacity", t.capacity},
                            {"dropped", t.dropped},
                            {"at_least", t.at_least}});
        c["full_tables"] = std::move(full);
    }
    c["truncated"] = cap.truncated_files;
    c["dropped"] = cap.dropped ? ordered_json(*cap.dropped) : ordered_json(nullptr);
    c["first_seen"] = cap.frames ? ordered_json(rfc3339(cap.first_ns)) : ordered_json(nullptr);
    c["last_seen"] = cap.frames ? ordered_json(rfc3339(cap.last_ns)) : ordered_json(nullptr);
    j["capture"] = std::move(c);
    if (r.run) {
        const auto& run = *r.run;
        ordered_json phases = ordered_json::array();
        for (const auto& ph : run.phases)
            phases.push_back(
                {{"name", ph.name}, {"start", rfc3339(ph.start_ns)}, {"end", rfc3339(ph.end_ns)}});
        ordered_json info;
        info["started"] = rfc3339(run.started_ns);
        info["finished"] = rfc3339(run.finished_ns);
        info["duration_s"] = static_cast<double>(run.finished_ns - run.started_ns) / 1e9;
        put_name(info, "host", run.host);
        info["phases"] = std::move(phases);
        put_names(info, "files", run.files);
        info["provenance"] = to_json(run.provenance);
        if (run.analysis) info["analysis"] = to_json(*run.analysis);
        j["run"] = std::move(info);
    }
    return j;
}

} // namespace isoprobe::report
