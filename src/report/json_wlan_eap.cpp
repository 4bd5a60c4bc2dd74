// The EAP and Wi-Fi sections of the JSON report.
#include "report/json_wlan_eap.hpp"

#include <utility>

#include "parse/eap.hpp"
#include "parse/tls_handshake.hpp"
#include "report/json.hpp"
#include "util/escape.hpp"

namespace isoprobe::report {

using nlohmann::ordered_json;

namespace {

std::string_view chars(Bytes b) {
    return {reinterpret_cast<const char*>(b.data()), b.size()};
}

ordered_json mac_or_null(const std::optional<MacAddr>& m) {
    return m ? ordered_json(m->str()) : ordered_json();
}

template <class T> ordered_json or_null(const std::optional<T>& v) {
    return v ? ordered_json(*v) : ordered_json();
}

// AKMs as numbers for the IEEE OUI, "oui:n" text for WPA and vendor suites.
ordered_json akm_json(const parse::Suite& s) {
    return s.ieee() ? ordered_json(s.type) : ordered_json(s.str());
}

ordered_json types_json(const std::vector<std::uint32_t>& types) {
    ordered_json a = ordered_json::array();
    for (auto t : types)
        a.push_back(t);
    return a;
}

} // namespace

ordered_json to_json(const model::CertInfo& c) {
    ordered_json j;
    j["parsed"] = c.parsed;
    j["der_bytes"] = c.der_bytes;
    if (!c.parsed) return j;
    j["subject"] = utf8_safe(c.subject);
    j["issuer"] = utf8_safe(c.issuer);
    j["serial"] = c.serial;
    j["not_before"] = c.not_before;
    j["not_after"] = c.not_after;
    j["days_to_expiry"] = or_null(c.days_to_expiry);
    j["key_type"] = c.key_type;
    j["key_bits"] = c.key_bits;
    j["signature_algorithm"] = c.signature_algorithm;
    j["self_signed"] = c.self_signed;
    return j;
}

ordered_json to_json(const model::TlsSummary& t, std::optional<model::Lang> also) {
    ordered_json j;
    j["eap_type"] = t.eap_type;
    j["version"] = t.version ? ordered_json(parse::tls_version_name(*t.version)) : ordered_json();
    j["cipher"] =
        t.cipher_suite ? ordered_json(parse::tls_cipher_suite_name(*t.cipher_suite)) : ordered_json();
    j["certificate_requested"] = t.certificate_requested;
    j["resumed"] = t.resumed;
    j["client_certificate"] = model::client_certificate_name(t.client_certificate);
    j["client_certificate_why"] = model::english(t.client_certificate_why);
    j["client_certificate_why_coded"] = to_json(t.client_certificate_why, also);
    for (const auto* chain : {&t.server_chain, &t.client_chain}) {
        ordered_json a = ordered_json::array();
        for (const auto& c : *chain)
            a.push_back(to_json(c));
        j[chain == &t.server_chain ? "server_chain" : "client_chain"] = std::move(a);
    }
    ordered_json alerts = ordered_json::array();
    for (const auto& a : t.alerts)
        alerts.push_back({{"level", a.level}, {"description", a.description}});
    j["alerts"] = std::move(alerts);
    j["fragments"] = t.server.fragments + t.client.fragments;
    j["acks"] = t.server.acks + t.client.acks;
    j["duplicates"] = t.server.duplicates + t.client.duplicates;
    j["fragments_missing"] = t.server.fragments_missing + t.client.fragments_missing;
    j["bytes_missing"] = t.server.bytes_missing + t.client.bytes_missing;
    j["length_mismatches"] = t.server.length_mismatches + t.client.length_mismatches;
    j["overflow_bytes"] = t.server.overflow_bytes + t.client.overflow_bytes;
    j["anomalies"] = t.anomalies;
    return j;
}

ordered_json to_json(const model::EapSession& s, std::optional<model::Lang> also) {
    ordered_json j;
    j["supplicant"] = mac_or_null(s.supplicant);
    j["authenticator"] = mac_or_null(s.authenticator);
    j["via"] = s.radius ? "radius" : "eapol";
    if (s.radius) {
        const auto& r = *s.radius;
        j["radius"] = {
            {"nas", r.nas.str()},
            {"server", r.server.str()},
            {"nas_ip_address", r.nas_ip_address ? ordered_json(r.nas_ip_address->str()) : ordered_json()},
            {"calling_station_id", json_safe(r.calling_station_id)},
            {"called_station_id", json_safe(r.called_station_id)}};
    } else {
        j["radius"] = nullptr;
    }
    j["identity"] = s.identity ? ordered_json(json_safe(*s.identity)) : ordered_json();
    j["identity_hex"] = s.identity ? ordered_json(hex_string(*s.identity)) : ordered_json();
    j["offered"] = types_json(s.offered);
    j["nak_desired"] = types_json(s.nak_desired);
    j["method"] = or_null(s.method);
    j["method_name"] = s.method ? ordered_json(parse::eap_type_name(*s.method)) : ordered_json();
    j["outcome"] = model::eap_outcome_name(s.outcome);
    j["retransmissions"] = s.retransmissions;
    j["peer_challenges"] = s.peer_challenges;
    j["first_frame"] = s.first_frame;
    j["last_frame"] = s.last_frame;
    j["frames"] = s.frames;
    j["key_frames"] = s.key_frames;
    j["malformed"] = s.malformed;
    j["started_by_supplicant"] = s.started_by_supplicant;
    j["logoff"] = s.logoff;
    j["tls"] = s.tls ? to_json(*s.tls, also) : ordered_json();
    return j;
}

ordered_json to_json(const model::EapFinding& f, const std::vector<model::EapSession>& sessions,
                     std::optional<model::Lang> also) {
    ordered_json j;
    j["kind"] = model::eap_finding_kind_name(f.kind);
    j["session"] = f.session;
    j["chain"] = f.chain.empty() ? ordered_json() : ordered_json(f.chain);
    j["certificate"] = or_null(f.certificate);
    const model::CertInfo* c = nullptr;
    if (f.certificate && f.session < sessions.size() && sessions[f.session].tls) {
        const auto& t = *sessions[f.session].tls;
        const auto& chain = f.chain == "client" ? t.client_chain : t.server_chain;
        if (*f.certificate < chain.size()) c = &chain[*f.certificate];
    }
    j["subject"] = c ? ordered_json(utf8_safe(c->subject)) : ordered_json();
    j["frames"] = f.frames;
    j["detail"] = model::english(f.detail);
    j["detail_coded"] = to_json(f.detail, also);
    return j;
}

ordered_json to_json(const model::BssEntry& e) {
    const auto& sec = e.security;
    ordered_json j;
    j["bssid"] = e.bssid.str();
    j["ssid"] = e.ssid_known ? ordered_json(json_safe(chars(e.ssid))) : ordered_json();
    j["ssid_hex"] = e.ssid_known ? ordered_json(hex_string(chars(e.ssid))) : ordered_json();
    j["hidden"] = e.hidden;
    j["channel"] = or_null(e.channel);
    j["privacy"] = e.privacy;
    ordered_json akms = ordered_json::array(), akm_names = ordered_json::array(),
                 pairwise = ordered_json::array();
    for (const auto& a : sec.akms) {
        akms.push_back(akm_json(a));
        akm_names.push_back(parse::akm_suite_name(a));
    }
    for (const auto& p : sec.pairwise)
        pairwise.push_back(parse::cipher_suite_name(p));
    j["akms"] = std::move(akms);
    j["akm_names"] = std::move(akm_names);
    j["pairwise"] = std::move(pairwise);
    j["group"] = sec.group ? ordered_json(parse::cipher_suite_name(*sec.group)) : ordered_json();
    j["group_mgmt"] =
        sec.group_mgmt ? ordered_json(parse::cipher_suite_name(*sec.group_mgmt)) : ordered_json();
    j["pmf"] = model::pmf_name(sec.pmf);
    j["class"] = model::bss_class_name(sec.cls);
    j["wpa1"] = sec.wpa1;
    j["legacy_cipher"] = sec.legacy_cipher;
    j["source"] = e.from_ap ? "beacon-or-probe-response" : "association-request";
    j["malformed_source"] = e.malformed_source;
    j["beacons"] = e.beacons;
    j["probe_responses"] = e.probe_responses;
    j["assoc_requests"] = e.assoc_requests;
    j["first_frame"] = e.first_frame;
    j["last_frame"] = e.last_frame;
    ordered_json anomalies = ordered_json::object();
    for (std::size_t i = 0; i < e.anomalies.size(); ++i)
        if (e.anomalies[i] != 0)
            anomalies[std::string(parse::element_anomaly_name(static_cast<parse::ElementAnomaly>(i)))] =
                e.anomalies[i];
    j["anomalies"] = std::move(anomalies);
    return j;
}

ordered_json eap_section(const std::vector<model::EapSession>& sessions, const model::EapStats& stats) {
    ordered_json j;
    ordered_json a = ordered_json::array();
    for (const auto& s : sessions)
        a.push_back(to_json(s));
    j["sessions"] = std::move(a);
    j["stats"] = {{"eapol_frames", stats.eapol_frames},
                  {"radius_packets", stats.radius_packets},
                  {"malformed", stats.malformed},
                  {"unattributed", stats.unattributed},
                  {"sessions_dropped", stats.sessions_dropped}};
    return j;
}

ordered_json wlan_section(const std::vector<model::BssEntry>& entries, std::uint64_t malformed,
                          std::uint64_t dropped) {
    ordered_json j;
    ordered_json a = ordered_json::array();
    for (const auto& e : entries)
        a.push_back(to_json(e));
    j["bss"] = std::move(a);
    j["malformed"] = malformed;
    j["dropped"] = dropped;
    return j;
}

} // namespace isoprobe::report
