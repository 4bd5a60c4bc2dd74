// HTML sections for 802.1X and Wi-Fi: the EAP conversations with their TLS and certificates, the methods an
// authenticator accepts, the BSS table and the access-point survey. Every string from the air is escaped.
#include "parse/eap.hpp"
#include "parse/rsn.hpp"
#include "parse/tls_handshake.hpp"
#include "report/html_parts.hpp"
#include "util/escape.hpp"

namespace isoprobe::report::html {

using model::Report;
using model::Status;

namespace {

std::string mac_html(const Strings& s, const std::optional<MacAddr>& m) {
    return m ? mono(m->str()) : "<span class=\"small\">" + std::string(s.unknown) + "</span>";
}

std::string types_html(const std::vector<std::uint32_t>& types) {
    std::string out;
    for (auto t : types)
        out += (out.empty() ? "" : ", ") + mono(parse::eap_type_name(t) + " (" + std::to_string(t) + ")");
    return out;
}

void certificate_rows(std::string& out, const Strings& s, std::size_t session, std::string_view chain,
                      const std::vector<model::CertInfo>& certs) {
    for (const auto& c : certs) {
        if (!c.parsed) {
            row(out, {std::to_string(session), std::string(chain),
                      std::string(s.not_decodable) + " (" + std::to_string(c.der_bytes) + " " +
                          std::string(s.bytes_unit) + ")",
                      "", "", "", "", ""});
            continue;
        }
        std::string expiry =
            c.days_to_expiry ? std::to_string(*c.days_to_expiry) + " " + std::string(s.days_unit) : "";
        row(out,
            {std::to_string(session), std::string(chain),
             raw(c.subject) +
                 (c.self_signed ? "<br><span class=\"small\">" + std::string(s.self_signed) + "</span>" : ""),
             raw(c.issuer), mono(c.not_before) + " –<br>" + mono(c.not_after),
             mono(c.key_type + " " + std::to_string(c.key_bits)), mono(c.signature_algorithm), expiry});
    }
}

std::string finding_about(const Strings& s, const Report& r, const model::EapFinding& f) {
    if (!f.certificate) return "";
    const auto& t = *r.eap[f.session].tls;
    const bool client = f.chain == "client";
    const auto& c = (client ? t.client_chain : t.server_chain)[*f.certificate];
    return std::string(client ? s.chain_client : s.chain_server) + ": " + raw(c.subject);
}

void findings(std::string& out, const Report& r, const Strings& s) {
    out += "<h3 id=\"eap-findings\">" + std::string(s.eap_findings) + "</h3><p class=\"note\">" +
           std::string(s.eap_findings_intro) + "</p>";
    table_open(out, {s.col_finding, s.col_session, s.col_about, s.col_frames, s.col_detail});
    for (const auto& f : r.eap_findings) {
        std::string frames;
        for (auto n : f.frames)
            frames += (frames.empty() ? "" : ", ") + std::to_string(n);
        row(out, {std::string(s.eap_finding[static_cast<std::size_t>(f.kind)]) + "<br>" +
                      mono(model::eap_finding_kind_name(f.kind)),
                  std::to_string(f.session + 1), finding_about(s, r, f), mono(frames),
                  sentence_html(s, f.detail)});
    }
    table_close(out);
}

void eap(std::string& out, const Report& r, const Strings& s) {
    section_open(out, "eap", s.eap, s.eap_intro, r.eap.size());
    table_open(out, {"#", s.col_supplicant, s.col_authenticator, s.col_identity, s.col_method_done,
                     s.col_offered, s.col_nak, s.col_outcome, s.col_frames});
    bool any_tls = false, any_certificate = false;
    for (std::size_t i = 0; i < r.eap.size(); ++i) {
        const auto& e = r.eap[i];
        any_tls = any_tls || e.tls;
        any_certificate =
            any_certificate || (e.tls && (!e.tls->server_chain.empty() || !e.tls->client_chain.empty()));
        row(out,
            {std::to_string(i + 1), mac_html(s, e.supplicant),
             mac_html(s, e.authenticator) +
                 (e.radius ? "<br><span class=\"small\">" + std::string(s.via_radius) + " " +
                                 mono(e.radius->nas.str() + " → " + e.radius->server.str()) + "</span>"
                           : ""),
             e.identity ? raw(*e.identity) + hex_note(*e.identity) : "",
             e.method ? mono(parse::eap_type_name(*e.method) + " (" + std::to_string(*e.method) + ")") : "",
             types_html(e.offered), types_html(e.nak_desired),
             std::string(s.eap_outcome[static_cast<std::size_t>(e.outcome)]),
             mono(std::to_string(e.first_frame) + "–" + std::to_string(e.last_frame))});
    }
    table_close(out);
    if (any_tls) {
        out += "<h3>" + std::string(s.tls) + "</h3>";
        table_open(out, {"#", s.col_tls_version, s.col_cipher, s.col_client_cert});
        for (std::size_t i = 0; i < r.eap.size(); ++i) {
            if (!r.eap[i].tls) continue;
            const auto& t = *r.eap[i].tls;
            std::string client(s.client_cert[static_cast<std::size_t>(t.client_certificate)]);
            if (!t.client_certificate_why.code.empty())
                client +=
                    "<br><span class=\"small\">" + sentence_html(s, t.client_certificate_why) + "</span>";
            row(out, {std::to_string(i + 1), t.version ? mono(parse::tls_version_name(*t.version)) : "",
                      t.cipher_suite ? mono(parse::tls_cipher_suite_name(*t.cipher_suite)) : "", client});
        }
        table_close(out);
    }
    if (any_certificate) {
        out += "<h3>" + std::string(s.certificates) + "</h3>";
        table_open(out, {"#", s.col_chain, s.col_subject, s.col_issuer, s.col_validity, s.col_key,
                         s.col_signature, s.col_expiry});
        for (std::size_t i = 0; i < r.eap.size(); ++i) {
            if (!r.eap[i].tls) continue;
            certificate_rows(out, s, i + 1, s.chain_server, r.eap[i].tls->server_chain);
            certificate_rows(out, s, i + 1, s.chain_client, r.eap[i].tls->client_chain);
        }
        table_close(out);
    }
    if (!r.eap_findings.empty()) findings(out, r, s);
    section_close(out);
}

std::string enumeration_word(const Strings& s, const std::string& result) {
    if (result == "accepted") return std::string(s.accepted);
    if (result == "refused") return std::string(s.refused);
    if (result == "no-answer") return std::string(s.no_answer);
    return html_escape(result);
}

void enumeration(std::string& out, const Report& r, const Strings& s) {
    section_open(out, "enumeration", s.enumeration);
    table_open(out, {s.col_method, s.col_eap_type, s.col_result, s.col_detail});
    for (const auto& e : r.enumeration)
        row(out, {mono(e.name), std::to_string(e.type), enumeration_word(s, e.result),
                  sentence_html(s, e.detail)});
    table_close(out);
    section_close(out);
}

void bss(std::string& out, const Report& r, const Strings& s) {
    section_open(out, "wlan", s.wlan, s.wlan_intro, r.wlan.size());
    table_open(out, {s.col_bssid, s.col_ssid, s.col_channel, s.col_security, s.col_akm, s.col_ciphers,
                     s.col_pmf, s.col_seen, s.col_frames});
    for (const auto& e : r.wlan) {
        const auto& sec = e.security;
        const std::string ssid_bytes(e.ssid.begin(), e.ssid.end());
        std::string ssid = e.ssid_known ? raw(ssid_bytes) + hex_note(ssid_bytes) : "";
        if (e.hidden) ssid += "<br><span class=\"small\">" + std::string(s.hidden) + "</span>";
        std::string security = mono(model::bss_class_name(sec.cls));
        if (!e.from_ap) security += "<br><span class=\"small\">" + std::string(s.from_assoc) + "</span>";
        std::string akms, ciphers;
        for (const auto& a : sec.akms)
            akms += (akms.empty() ? "" : "<br>") + mono(parse::akm_suite_name(a));
        for (const auto& p : sec.pairwise)
            ciphers += (ciphers.empty() ? "" : ", ") + mono(parse::cipher_suite_name(p));
        if (sec.group) ciphers += " / " + mono(parse::cipher_suite_name(*sec.group));
        row(out, {mono(e.bssid.str()), ssid, e.channel ? std::to_string(*e.channel) : "", security, akms,
                  ciphers, mono(model::pmf_name(sec.pmf)),
                  std::to_string(e.beacons) + " / " + std::to_string(e.probe_responses) + " / " +
                      std::to_string(e.assoc_requests),
                  mono(std::to_string(e.first_frame) + "–" + std::to_string(e.last_frame))});
    }
    table_close(out);
    if (r.wlan_malformed > 0)
        out += "<p class=\"note\">" + std::string(s.wlan_malformed) + ": " +
               std::to_string(r.wlan_malformed) + "</p>";
    section_close(out);
}

void inventory(std::string& out, const Report& r, const Strings& s) {
    section_open(out, "inventory", s.inventory, {}, r.inventory->size());
    table_open(out, {s.col_finding, s.col_status, s.col_bssid, s.col_ssid, s.col_detail});
    for (const auto& f : *r.inventory) {
        // Findings that do not fail the survey still ask a person to look (an unknown SSID, an unused AP).
        std::string status = f.failing        ? status_badge(s, Status::fail)
                             : f.kind == "ok" ? status_badge(s, Status::pass)
                                              : badge("inconclusive", s.needs_review);
        row(out, {mono(f.kind), status, f.bssid.empty() ? "–" : mono(f.bssid), raw(f.ssid),
                  sentence_html(s, f.detail)});
    }
    table_close(out);
    section_close(out);
}

} // namespace

void eap_sections(std::string& out, const Report& r, const Strings& s) {
    if (!r.eap.empty()) eap(out, r, s);
    if (!r.enumeration.empty()) enumeration(out, r, s);
}

void wlan_sections(std::string& out, const Report& r, const Strings& s) {
    if (!r.wlan.empty()) bss(out, r, s);
    if (r.inventory && !r.inventory->empty()) inventory(out, r, s);
}

} // namespace isoprobe::report::html
