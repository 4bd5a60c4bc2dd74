// Text rendering of the EAP conversations, the BSS table, the enumeration and the inventory findings.
#include "report/text_wlan_eap.hpp"

#include "parse/eap.hpp"
#include "parse/tls_handshake.hpp"
#include "util/escape.hpp"

namespace isoprobe::report {

using model::Report;

namespace {
std::string mac_text(const std::optional<MacAddr>& m) {
    return m ? m->str() : std::string("(unknown)");
}
} // namespace

void eap_text(std::ostream& o, const Report& r) {
    if (r.eap.empty()) return;
    o << "\nEAP conversations (" << r.eap.size() << "):\n";
    for (const auto& s : r.eap) {
        o << "  " << mac_text(s.supplicant) << " -> " << mac_text(s.authenticator);
        if (s.radius)
            o << "  via RADIUS (NAS " << s.radius->nas.str() << ", server " << s.radius->server.str() << ")";
        if (s.identity) o << "  identity \"" << terminal_safe(*s.identity) << "\"" << hex_note(*s.identity);
        o << "  " << model::eap_outcome_name(s.outcome);
        o << "  method " << (s.method ? parse::eap_type_name(*s.method) : std::string("none"));
        std::string offered;
        for (auto t : s.offered)
            offered += (offered.empty() ? "" : ",") + parse::eap_type_name(t);
        if (!offered.empty()) o << " (offered " << offered << ")";
        if (!s.nak_desired.empty()) {
            std::string nak;
            for (auto t : s.nak_desired)
                nak += (nak.empty() ? "" : ",") + parse::eap_type_name(t);
            o << " (NAK asked for " << nak << ")";
        }
        o << "  frames " << s.first_frame << "-" << s.last_frame << "\n";
        if (s.tls) {
            const auto& t = *s.tls;
            o << "      TLS " << (t.version ? parse::tls_version_name(*t.version) : std::string("?"));
            if (t.cipher_suite) o << " " << parse::tls_cipher_suite_name(*t.cipher_suite);
            o << ", client certificate " << model::client_certificate_name(t.client_certificate) << "\n";
            for (const auto& c : t.server_chain)
                o << "      server cert: " << terminal_safe(c.subject) << " (issuer "
                  << terminal_safe(c.issuer) << ", until " << c.not_after << ")\n";
            for (const auto& c : t.client_chain)
                o << "      client cert: " << terminal_safe(c.subject) << " (issuer "
                  << terminal_safe(c.issuer) << ", until " << c.not_after << ")\n";
        }
    }
}

void eap_findings_text(std::ostream& o, const Report& r, model::Lang lang) {
    if (r.eap_findings.empty()) return;
    o << "      Findings (they do not change the status):\n";
    for (const auto& f : r.eap_findings) {
        std::string frames;
        for (auto n : f.frames)
            frames += (frames.empty() ? "" : ",") + std::to_string(n);
        o << "        " << model::eap_finding_kind_name(f.kind) << "  session " << f.session + 1
          << "  frames " << (frames.empty() ? "-" : frames) << "  "
          << terminal_safe(model::render(f.detail, lang)) << "\n";
    }
}

void wlan_text(std::ostream& o, const Report& r) {
    if (r.wlan.empty()) return;
    o << "\nWi-Fi networks (" << r.wlan.size() << "):\n";
    for (const auto& e : r.wlan) {
        const std::string raw(e.ssid.begin(), e.ssid.end());
        o << "  " << e.bssid.str() << "  \"" << (e.ssid_known ? terminal_safe(raw) : "") << "\""
          << (e.ssid_known ? hex_note(raw) : "") << (e.hidden ? " (hidden)" : "");
        if (e.channel) o << "  ch " << int(*e.channel);
        o << "  " << model::bss_class_name(e.security.cls)
          << (e.malformed_source ? " (malformed frames only)" : "") << "  PMF "
          << model::pmf_name(e.security.pmf);
        std::string akms;
        for (const auto& a : e.security.akms)
            akms += (akms.empty() ? "" : ",") + std::to_string(a.type);
        if (!akms.empty()) o << "  AKM " << akms;
        o << "\n";
    }
}

void enumeration_text(std::ostream& o, const Report& r, model::Lang lang) {
    if (r.enumeration.empty()) return;
    o << "\nEAP methods proposed to the authenticator:\n";
    for (const auto& e : r.enumeration)
        o << "  " << e.name << " (" << e.type << "): " << e.result
          << (e.detail.code.empty() ? "" : " - " + terminal_safe(model::render(e.detail, lang))) << "\n";
}

void inventory_text(std::ostream& o, const Report& r, model::Lang lang) {
    if (!r.inventory) return;
    o << "\nAccess-point survey (" << r.inventory->size() << " findings):\n";
    for (const auto& f : *r.inventory)
        o << "  " << (f.failing ? "FAIL " : "     ") << f.kind << "  " << (f.bssid.empty() ? "-" : f.bssid)
          << "  \"" << terminal_safe(f.ssid) << "\"  " << terminal_safe(model::render(f.detail, lang))
          << "\n";
}

} // namespace isoprobe::report
