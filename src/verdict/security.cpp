#include "verdict/security.hpp"

#include <utility>

#include "parse/eap.hpp"
#include "util/escape.hpp"

namespace isoprobe::verdict {

using model::arg;
using model::BssClass;
using model::BssEntry;
using model::BssSecurity;
using model::ClientCertificate;
using model::EapOutcome;
using model::EapSession;
using model::Requirement;
using model::say;
using model::Status;

namespace {

// SSIDs are bytes from the air, not necessarily UTF-8: reasons quote them as readable UTF-8.
std::string text(Bytes b) {
    return utf8_safe({reinterpret_cast<const char*>(b.data()), b.size()});
}

model::Sentence bss_label(const BssEntry& e) {
    return e.ssid_known ? say("bss.named", {arg("bssid", e.bssid.str()), arg("ssid", text(e.ssid))})
                        : say("bss.hidden", {arg("bssid", e.bssid.str())});
}

model::Sentence session_label(const EapSession& s) {
    std::vector<model::Sentence> via;
    if (s.identity) via.push_back(say("eap.via-identity", {arg("identity", terminal_safe(*s.identity))}));
    if (s.radius) via.push_back(say("eap.via-radius", {arg("nas", s.radius->nas.str())}));
    return say("eap.supplicant",
               {s.supplicant ? arg("who", s.supplicant->str()) : arg("who", say("eap.unknown-supplicant")),
                arg("via", std::move(via), model::Param::Join::none), arg("first", s.first_frame),
                arg("last", s.last_frame)});
}

model::Sentence method_words(std::uint8_t t) {
    const char* code = "eap.method";
    switch (parse::eap_credential(t)) {
    case parse::EapCredential::password:
        code = "eap.method.password";
        break;
    case parse::EapCredential::tunnel:
        code = "eap.method.tunnel";
        break;
    default:
        break;
    }
    return say(code, {arg("type", t), arg("name", parse::eap_type_name(t))});
}

bool enterprise(BssClass c) {
    return c == BssClass::wpa2_enterprise || c == BssClass::wpa3_enterprise ||
           c == BssClass::wpa3_enterprise_192;
}

} // namespace

std::pair<Status, model::Sentence> encryption_verdict(const BssSecurity& sec) {
    switch (sec.cls) {
    case BssClass::open:
        return {Status::fail, say("wlan.open")};
    case BssClass::owe:
        return {Status::fail, say("wlan.owe")};
    case BssClass::wep:
        return {Status::fail, say("wlan.wep")};
    case BssClass::wpa:
        return {Status::fail, say("wlan.wpa1")};
    case BssClass::unknown:
        return {Status::inconclusive, say("wlan.unknown-akm")};
    default:
        break;
    }
    if (sec.wpa1) return {Status::fail, say("wlan.mixed-wpa1")};
    if (sec.legacy_cipher) return {Status::fail, say("wlan.legacy-cipher")};
    return {Status::pass, say("wlan.ok", {arg("pmf", std::string(pmf_name(sec.pmf)))})};
}

std::optional<std::pair<Status, model::Sentence>> eap_success_verdict(const EapSession& s) {
    using Verdict = std::pair<Status, model::Sentence>;
    if (s.outcome != EapOutcome::success) return std::nullopt;
    auto who = arg("who", session_label(s));
    if (!s.method) return Verdict{Status::inconclusive, say("eap.success-no-method", {who})};
    if (*s.method != parse::k_eap_tls)
        return Verdict{Status::fail,
                       say("eap.success-not-tls", {who, arg("method", method_words(*s.method))})};
    if (!s.tls) return Verdict{Status::inconclusive, say("eap.tls-unseen", {who})};
    auto version = arg(
        "version",
        s.tls->version ? std::vector<model::Sentence>{say(
                             "eap.tls-version", {arg("version", parse::tls_version_name(*s.tls->version))})}
                       : std::vector<model::Sentence>{},
        model::Param::Join::none);
    auto why = arg("why", s.tls->client_certificate_why);
    switch (s.tls->client_certificate) {
    case ClientCertificate::present:
        if (s.tls->client_chain.empty() || !s.tls->client_chain[0].parsed)
            return Verdict{Status::pass, say("eap.tls-client-cert", {who, version})};
        return Verdict{Status::pass,
                       say("eap.tls-client-cert-subject",
                           {who, version, arg("subject", terminal_safe(s.tls->client_chain[0].subject))})};
    case ClientCertificate::not_observable:
        return Verdict{Status::pass, say("eap.tls-client-cert-hidden", {who, version, why})};
    case ClientCertificate::absent:
        return Verdict{Status::fail, say("eap.tls-no-client-cert", {who, version, why})};
    case ClientCertificate::unknown:
        break;
    }
    return Verdict{Status::inconclusive, say("eap.tls-client-cert-unknown", {who, version, why})};
}

Requirement decide_8021x_eap_tls(const std::vector<EapSession>& sessions, const std::vector<BssEntry>& bss) {
    Requirement r{.id = "8021x-eap-tls", .status = Status::not_tested, .reasons = {}};
    std::vector<Status> statuses;
    auto add = [&](Status s, model::Sentence why) {
        statuses.push_back(s);
        r.reasons.push_back(std::move(why));
    };
    std::size_t enterprise_bss = 0;
    for (const auto& e : bss) {
        if (enterprise(e.security.cls)) {
            ++enterprise_bss;
            continue;
        }
        add(Status::fail,
            say("eap.bss-not-enterprise",
                {arg("bss", bss_label(e)), arg("class", std::string(bss_class_name(e.security.cls)))}));
    }
    std::size_t failed = 0, incomplete = 0;
    for (const auto& s : sessions) {
        if (s.outcome == EapOutcome::failure) ++failed;
        if (s.outcome == EapOutcome::incomplete) ++incomplete;
        if (auto v = eap_success_verdict(s)) add(v->first, std::move(v->second));
    }
    if (failed + incomplete > 0)
        r.reasons.push_back(say("eap.unsuccessful", {arg("failed", failed), arg("incomplete", incomplete)}));
    if (sessions.empty() && enterprise_bss > 0)
        r.reasons.push_back(say("eap.no-exchange", {arg("count", enterprise_bss)}));
    if (statuses.empty()) {
        // Attempts that never succeeded show a server at work but no method it accepts.
        if (!sessions.empty()) {
            r.status = Status::inconclusive;
            r.reasons.push_back(say("eap.no-success"));
        } else if (bss.empty()) {
            r.reasons.push_back(say("eap.nothing"));
        }
        return r;
    }
    r.status = combine(statuses);
    return r;
}

Requirement decide_wlan_encryption(const std::vector<BssEntry>& bss) {
    Requirement r{.id = "wlan-encryption", .status = Status::not_tested, .reasons = {}};
    if (bss.empty()) {
        r.reasons.push_back(say("wlan.nothing"));
        return r;
    }
    std::vector<Status> statuses;
    for (const auto& e : bss) {
        auto [status, why] = encryption_verdict(e.security);
        std::vector<model::Sentence> how;
        if (!e.from_ap) how.push_back(say("wlan.from-station"));
        if (e.malformed_source) how.push_back(say("wlan.malformed-only"));
        if (e.malformed_source && e.security.cls == BssClass::unknown) why = say("wlan.cut-short");
        statuses.push_back(status);
        r.reasons.push_back(say(
            "wlan.bss", {arg("bss", bss_label(e)), arg("class", std::string(bss_class_name(e.security.cls))),
                         arg("how", std::move(how), model::Param::Join::none), arg("why", std::move(why))}));
    }
    r.status = combine(statuses);
    return r;
}

model::Requirement decide_eap_methods(const std::vector<model::EnumerationResult>& results, bool complete) {
    model::Requirement req{"8021x-eap-tls", model::Status::inconclusive, {}};
    std::vector<std::string> others, tls;
    for (const auto& r : results) {
        if (r.result != "accepted") continue;
        (parse::eap_credential(r.type) == parse::EapCredential::certificate ? tls : others).push_back(r.name);
    }
    if (!others.empty()) {
        req.status = model::Status::fail;
        req.reasons.push_back(say("enum.accepts-others", {arg("methods", std::move(others))}));
    } else if (!tls.empty() && complete) {
        req.status = model::Status::pass;
        req.reasons.push_back(say("enum.tls-only"));
    } else if (!tls.empty()) {
        req.reasons.push_back(say("enum.tls-first"));
    } else if (results.empty()) {
        req.reasons.push_back(say("enum.no-method"));
    } else {
        req.reasons.push_back(say("enum.none-accepted"));
    }
    return req;
}

} // namespace isoprobe::verdict
