// The EAP and Wi-Fi report sections and their verdicts (GUIDELINE 図表42).
#include "report/json_wlan_eap.hpp"

#include <cstdio>
#include <utility>

#include "parse/eap.hpp"
#include "parse/tls_handshake.hpp"
#include "util/escape.hpp"

namespace isoprobe::report {

using nlohmann::ordered_json;

namespace {

std::string hex(Bytes b) {
    std::string out;
    char buf[3];
    for (auto c : b) {
        std::snprintf(buf, sizeof buf, "%02x", c);
        out += buf;
    }
    return out;
}

// SSIDs and identities are bytes from the air, not necessarily UTF-8: JSON gets them terminal-safe.
std::string text(Bytes b) {
    return json_safe({reinterpret_cast<const char*>(b.data()), b.size()});
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

std::string bss_label(const analyze::BssEntry& e) {
    std::string name = e.ssid_known ? "\"" + text(e.ssid) + "\"" : "hidden SSID";
    return "BSS " + e.bssid.str() + " (" + name + ")";
}

std::string session_label(const analyze::EapSession& s) {
    std::string who = s.supplicant ? s.supplicant->str() : "unknown supplicant";
    if (s.identity) who += " (identity \"" + terminal_safe(*s.identity) + "\")";
    return "Supplicant " + who + ", frames " + std::to_string(s.first_frame) + "-" +
           std::to_string(s.last_frame);
}

bool password_method(std::uint8_t t) {
    return t == parse::k_eap_md5 || t == parse::k_eap_gtc || t == parse::k_eap_leap ||
           t == parse::k_eap_mschapv2 || t == parse::k_eap_pwd || t == 5 /* OTP */;
}

std::string method_words(std::uint8_t t) {
    std::string name = "EAP type " + std::to_string(t) + " (" + parse::eap_type_name(t) + ")";
    if (password_method(t)) return name + ", a password method";
    if (parse::eap_is_tls_family(t)) return name + ", a tunnel that may carry a password inside";
    return name;
}

bool enterprise(analyze::BssClass c) {
    using analyze::BssClass;
    return c == BssClass::wpa2_enterprise || c == BssClass::wpa3_enterprise ||
           c == BssClass::wpa3_enterprise_192;
}

// What a BSS's security means for wlan-encryption: the status and the words after its label.
std::pair<Status, std::string> encryption_verdict(const analyze::BssSecurity& sec) {
    using analyze::BssClass;
    switch (sec.cls) {
    case BssClass::open:
        return {Status::fail, ": no encryption."};
    case BssClass::owe:
        return {Status::fail, ": OWE encrypts but authenticates no one and is neither WPA2 nor WPA3."};
    case BssClass::wep:
        return {Status::fail, ": WEP is broken."};
    case BssClass::wpa:
        return {Status::fail, ": WPA(1)/TKIP is deprecated."};
    case BssClass::unknown:
        return {Status::inconclusive, ": it advertises no AKM we recognise."};
    default:
        break;
    }
    if (sec.wpa1) return {Status::fail, ", but it also accepts WPA(1) stations (WPA/WPA2 mixed mode)."};
    if (sec.legacy_cipher) return {Status::fail, ", but it allows TKIP or WEP ciphers."};
    return {Status::pass, " (PMF " + std::string(analyze::pmf_name(sec.pmf)) + ")."};
}

} // namespace

ordered_json to_json(const analyze::CertInfo& c) {
    ordered_json j;
    j["parsed"] = c.parsed;
    j["der_bytes"] = c.der_bytes;
    if (!c.parsed) return j;
    j["subject"] = json_safe(c.subject);
    j["issuer"] = json_safe(c.issuer);
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

ordered_json to_json(const analyze::TlsSummary& t) {
    ordered_json j;
    j["eap_type"] = t.eap_type;
    j["version"] = t.version ? ordered_json(parse::tls_version_name(*t.version)) : ordered_json();
    j["cipher"] =
        t.cipher_suite ? ordered_json(parse::tls_cipher_suite_name(*t.cipher_suite)) : ordered_json();
    j["certificate_requested"] = t.certificate_requested;
    j["resumed"] = t.resumed;
    j["client_certificate"] = analyze::client_certificate_name(t.client_certificate);
    j["client_certificate_why"] = t.client_certificate_why;
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

ordered_json to_json(const analyze::EapSession& s) {
    ordered_json j;
    j["supplicant"] = mac_or_null(s.supplicant);
    j["authenticator"] = mac_or_null(s.authenticator);
    j["identity"] = s.identity ? ordered_json(json_safe(*s.identity)) : ordered_json();
    j["offered"] = types_json(s.offered);
    j["nak_desired"] = types_json(s.nak_desired);
    j["method"] = or_null(s.method);
    j["method_name"] = s.method ? ordered_json(parse::eap_type_name(*s.method)) : ordered_json();
    j["outcome"] = analyze::eap_outcome_name(s.outcome);
    j["retransmissions"] = s.retransmissions;
    j["first_frame"] = s.first_frame;
    j["last_frame"] = s.last_frame;
    j["frames"] = s.frames;
    j["key_frames"] = s.key_frames;
    j["malformed"] = s.malformed;
    j["started_by_supplicant"] = s.started_by_supplicant;
    j["logoff"] = s.logoff;
    j["tls"] = s.tls ? to_json(*s.tls) : ordered_json();
    return j;
}

ordered_json to_json(const analyze::BssEntry& e) {
    const auto& sec = e.security;
    ordered_json j;
    j["bssid"] = e.bssid.str();
    j["ssid"] = e.ssid_known ? ordered_json(text(e.ssid)) : ordered_json();
    j["ssid_hex"] = e.ssid_known ? ordered_json(hex(e.ssid)) : ordered_json();
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
    j["pmf"] = analyze::pmf_name(sec.pmf);
    j["class"] = analyze::bss_class_name(sec.cls);
    j["wpa1"] = sec.wpa1;
    j["legacy_cipher"] = sec.legacy_cipher;
    j["source"] = e.from_ap ? "beacon-or-probe-response" : "association-request";
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

ordered_json eap_section(const std::vector<analyze::EapSession>& sessions, const analyze::EapStats& stats) {
    ordered_json j;
    ordered_json a = ordered_json::array();
    for (const auto& s : sessions)
        a.push_back(to_json(s));
    j["sessions"] = std::move(a);
    j["stats"] = {{"eapol_frames", stats.eapol_frames},
                  {"malformed", stats.malformed},
                  {"unattributed", stats.unattributed},
                  {"sessions_dropped", stats.sessions_dropped}};
    return j;
}

ordered_json wlan_section(const std::vector<analyze::BssEntry>& entries, std::uint64_t malformed, std::uint64_t dropped) {
    ordered_json j;
    ordered_json a = ordered_json::array();
    for (const auto& e : entries)
        a.push_back(to_json(e));
    j["bss"] = std::move(a);
    j["malformed"] = malformed;
    j["dropped"] = dropped;
    return j;
}

Requirement decide_8021x_eap_tls(const std::vector<analyze::EapSession>& sessions,
                                 const std::vector<analyze::BssEntry>& bss) {
    Requirement r{.id = "8021x-eap-tls", .status = Status::not_tested, .reasons = {}};
    std::vector<Status> statuses;
    auto add = [&](Status s, std::string why) {
        statuses.push_back(s);
        r.reasons.push_back(std::move(why));
    };
    std::size_t enterprise_bss = 0;
    for (const auto& e : bss) {
        if (enterprise(e.security.cls)) {
            ++enterprise_bss;
            continue;
        }
        add(Status::fail, bss_label(e) + " is " + std::string(analyze::bss_class_name(e.security.cls)) +
                              ": stations join it without IEEE 802.1X authentication.");
    }
    std::size_t failed = 0, incomplete = 0;
    for (const auto& s : sessions) {
        if (s.outcome == analyze::EapOutcome::failure) ++failed;
        if (s.outcome == analyze::EapOutcome::incomplete) ++incomplete;
        if (s.outcome != analyze::EapOutcome::success) continue;
        std::string who = session_label(s);
        if (!s.method) {
            add(Status::inconclusive,
                who + ": EAP-Success without an observed method exchange (the capture may "
                      "have begun mid-exchange).");
        } else if (*s.method != parse::k_eap_tls) {
            add(Status::fail,
                who + ": authentication completed with " + method_words(*s.method) + ", not EAP-TLS.");
        } else if (!s.tls) {
            add(Status::inconclusive, who + ": EAP-TLS completed but its TLS handshake was not captured.");
        } else {
            std::string tls =
                who + ": EAP-TLS" +
                (s.tls->version ? " (TLS " + parse::tls_version_name(*s.tls->version) + ")" : "");
            switch (s.tls->client_certificate) {
            case analyze::ClientCertificate::present:
                add(Status::pass, tls + " completed with a client certificate" +
                                      (s.tls->client_chain.empty() || !s.tls->client_chain[0].parsed
                                           ? std::string(".")
                                           : " (" + terminal_safe(s.tls->client_chain[0].subject) + ")."));
                break;
            case analyze::ClientCertificate::not_observable:
                add(Status::pass, tls + " completed; the client certificate is not observable: " +
                                      s.tls->client_certificate_why +
                                      " EAP-TLS servers require one to succeed.");
                break;
            case analyze::ClientCertificate::absent:
                add(Status::fail,
                    tls + " completed without a client certificate: " + s.tls->client_certificate_why);
                break;
            case analyze::ClientCertificate::unknown:
                add(Status::inconclusive, tls + " completed, but " + s.tls->client_certificate_why);
                break;
            }
        }
    }
    if (failed + incomplete > 0)
        r.reasons.push_back(std::to_string(failed) + " attempt(s) ended in EAP-Failure and " +
                            std::to_string(incomplete) + " did not finish; they prove no accepted method.");
    if (sessions.empty() && enterprise_bss > 0)
        r.reasons.push_back(std::to_string(enterprise_bss) +
                            " BSS(es) advertise an IEEE 802.1X AKM, but no EAP exchange was captured.");
    if (statuses.empty()) {
        // Attempts that never succeeded show a server at work but no method it accepts.
        if (!sessions.empty()) {
            r.status = Status::inconclusive;
            r.reasons.push_back("No authentication completed with EAP-Success.");
        } else if (bss.empty()) {
            r.reasons.push_back("No EAP exchange and no access point were captured.");
        }
        return r;
    }
    r.status = combine(statuses);
    return r;
}

Requirement decide_wlan_encryption(const std::vector<analyze::BssEntry>& bss) {
    Requirement r{.id = "wlan-encryption", .status = Status::not_tested, .reasons = {}};
    if (bss.empty()) {
        r.reasons.push_back("No beacon, probe response or association request was captured.");
        return r;
    }
    std::vector<Status> statuses;
    for (const auto& e : bss) {
        auto [status, why] = encryption_verdict(e.security);
        std::string what = bss_label(e) + " is " + std::string(analyze::bss_class_name(e.security.cls));
        if (!e.from_ap) what += " (from a station's association request)";
        statuses.push_back(status);
        r.reasons.push_back(what + why);
    }
    r.status = combine(statuses);
    return r;
}

} // namespace isoprobe::report
