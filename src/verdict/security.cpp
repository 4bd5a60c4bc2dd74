#include "verdict/security.hpp"

#include <utility>

#include "parse/eap.hpp"
#include "util/escape.hpp"

namespace isoprobe::verdict {

using model::BssClass;
using model::BssEntry;
using model::BssSecurity;
using model::ClientCertificate;
using model::EapOutcome;
using model::EapSession;
using model::Requirement;
using model::Status;

namespace {

// SSIDs are bytes from the air, not necessarily UTF-8: reasons quote them as readable UTF-8.
std::string text(Bytes b) {
    return utf8_safe({reinterpret_cast<const char*>(b.data()), b.size()});
}

std::string bss_label(const BssEntry& e) {
    std::string name = e.ssid_known ? "\"" + text(e.ssid) + "\"" : "hidden SSID";
    return "BSS " + e.bssid.str() + " (" + name + ")";
}

std::string session_label(const EapSession& s) {
    std::string who = s.supplicant ? s.supplicant->str() : "unknown supplicant";
    if (s.identity) who += " (identity \"" + terminal_safe(*s.identity) + "\")";
    if (s.radius) who += " via RADIUS (NAS " + s.radius->nas.str() + ")";
    return "Supplicant " + who + ", frames " + std::to_string(s.first_frame) + "-" +
           std::to_string(s.last_frame);
}

std::string method_words(std::uint8_t t) {
    std::string name = "EAP type " + std::to_string(t) + " (" + parse::eap_type_name(t) + ")";
    switch (parse::eap_credential(t)) {
    case parse::EapCredential::password:
        return name + ", a password method";
    case parse::EapCredential::tunnel:
        return name + ", a tunnel that may carry a password inside";
    default:
        return name;
    }
}

bool enterprise(BssClass c) {
    return c == BssClass::wpa2_enterprise || c == BssClass::wpa3_enterprise ||
           c == BssClass::wpa3_enterprise_192;
}

} // namespace

std::pair<Status, std::string> encryption_verdict(const BssSecurity& sec) {
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
    return {Status::pass, " (PMF " + std::string(pmf_name(sec.pmf)) + ")."};
}

std::optional<std::pair<Status, std::string>> eap_success_verdict(const EapSession& s) {
    using Verdict = std::pair<Status, std::string>;
    if (s.outcome != EapOutcome::success) return std::nullopt;
    std::string who = session_label(s);
    if (!s.method)
        return Verdict{Status::inconclusive,
                       who + ": EAP-Success without an observed method exchange (the capture may "
                             "have begun mid-exchange)."};
    if (*s.method != parse::k_eap_tls)
        return Verdict{Status::fail,
                       who + ": authentication completed with " + method_words(*s.method) + ", not EAP-TLS."};
    if (!s.tls)
        return Verdict{Status::inconclusive,
                       who + ": EAP-TLS completed but its TLS handshake was not captured."};
    std::string tls =
        who + ": EAP-TLS" + (s.tls->version ? " (TLS " + parse::tls_version_name(*s.tls->version) + ")" : "");
    switch (s.tls->client_certificate) {
    case ClientCertificate::present:
        return Verdict{Status::pass, tls + " completed with a client certificate" +
                                         (s.tls->client_chain.empty() || !s.tls->client_chain[0].parsed
                                              ? std::string(".")
                                              : " (" + terminal_safe(s.tls->client_chain[0].subject) + ").")};
    case ClientCertificate::not_observable:
        return Verdict{Status::pass, tls + " completed; the client certificate is not observable: " +
                                         s.tls->client_certificate_why +
                                         " EAP-TLS servers require one to succeed."};
    case ClientCertificate::absent:
        return Verdict{Status::fail,
                       tls + " completed without a client certificate: " + s.tls->client_certificate_why};
    case ClientCertificate::unknown:
        break;
    }
    return Verdict{Status::inconclusive, tls + " completed, but " + s.tls->client_certificate_why};
}

Requirement decide_8021x_eap_tls(const std::vector<EapSession>& sessions, const std::vector<BssEntry>& bss) {
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
        add(Status::fail, bss_label(e) + " is " + std::string(bss_class_name(e.security.cls)) +
                              ": stations join it without IEEE 802.1X authentication.");
    }
    std::size_t failed = 0, incomplete = 0;
    for (const auto& s : sessions) {
        if (s.outcome == EapOutcome::failure) ++failed;
        if (s.outcome == EapOutcome::incomplete) ++incomplete;
        if (auto v = eap_success_verdict(s)) add(v->first, std::move(v->second));
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

Requirement decide_wlan_encryption(const std::vector<BssEntry>& bss) {
    Requirement r{.id = "wlan-encryption", .status = Status::not_tested, .reasons = {}};
    if (bss.empty()) {
        r.reasons.push_back("No beacon, probe response or association request was captured.");
        return r;
    }
    std::vector<Status> statuses;
    for (const auto& e : bss) {
        auto [status, why] = encryption_verdict(e.security);
        std::string what = bss_label(e) + " is " + std::string(bss_class_name(e.security.cls));
        if (!e.from_ap) what += " (from a station's association request)";
        if (e.malformed_source) what += " (only frames with malformed elements were heard)";
        if (e.malformed_source && e.security.cls == BssClass::unknown)
            why = ": its elements are cut short, which proves no class.";
        statuses.push_back(status);
        r.reasons.push_back(what + why);
    }
    r.status = combine(statuses);
    return r;
}

model::Requirement decide_eap_methods(const std::vector<model::EnumerationResult>& results, bool complete) {
    model::Requirement req{"8021x-eap-tls", model::Status::inconclusive, {}};
    std::string others, tls;
    for (const auto& r : results) {
        if (r.result != "accepted") continue;
        std::string& list = parse::eap_credential(r.type) == parse::EapCredential::certificate ? tls : others;
        list += (list.empty() ? "" : ", ") + r.name;
    }
    if (!others.empty()) {
        req.status = model::Status::fail;
        req.reasons.push_back("the authenticator accepts EAP methods other than certificate-only EAP-TLS: " +
                              others);
    } else if (!tls.empty() && complete) {
        req.status = model::Status::pass;
        req.reasons.push_back("the authenticator accepts EAP-TLS and refused every other method proposed");
    } else if (!tls.empty()) {
        req.reasons.push_back("the authenticator proposes EAP-TLS first; run with --enumerate to learn "
                              "whether it accepts other methods");
    } else if (results.empty()) {
        req.reasons.push_back("the authenticator proposed no method");
    } else {
        req.reasons.push_back("no method was accepted (no answer, or everything refused)");
    }
    return req;
}

} // namespace isoprobe::verdict
