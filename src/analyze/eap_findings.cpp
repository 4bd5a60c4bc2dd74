// EAP findings: one rule per kind, each on the facts of one attempt.
#include "analyze/eap_findings.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "parse/tls_handshake.hpp"
#include "util/escape.hpp"

namespace isoprobe::analyze {

using model::CertInfo;
using model::EapFinding;
using model::EapFindingKind;
using model::EapSession;

namespace {

constexpr std::uint16_t k_tls_1_2 = 0x0303;
constexpr std::int64_t k_day = 86400;

// Digests whose collisions are practical (SHA-1: SHAttered, 2017; MD5 and older long before).
bool weak_hash(std::string_view md) {
    constexpr std::array<std::string_view, 4> k_weak{"sha1", "md5", "md4", "md2"};
    return std::find(k_weak.begin(), k_weak.end(), md) != k_weak.end();
}

bool has_purpose(const CertInfo& c, std::string_view purpose) {
    const auto& eku = *c.extended_key_usage;
    return std::find(eku.begin(), eku.end(), purpose) != eku.end() ||
           std::find(eku.begin(), eku.end(), "anyExtendedKeyUsage") != eku.end();
}

model::Param allowed(const std::vector<std::string>& v) {
    return v.empty() ? model::arg("allowed", model::say("finding.none")) : model::arg("allowed", v);
}

struct Chain {
    std::string_view name;    // server, client
    std::string_view purpose; // what its end-entity certificate must allow (RFC 5280 4.2.1.12)
    EapFindingKind kind;
    const std::vector<CertInfo>& certs;
    const std::vector<std::uint64_t>& frames;
};

void certificate_findings(std::vector<EapFinding>& out, std::size_t session, const Chain& chain,
                          std::int64_t at_ns) {
    for (std::size_t i = 0; i < chain.certs.size(); ++i) {
        const CertInfo& c = chain.certs[i];
        if (!c.parsed) continue;
        auto add = [&](EapFindingKind k, model::Sentence what) {
            out.push_back(
                {k, session, std::string(chain.name), i, chain.frames,
                 model::say("finding.cert",
                            {model::arg("chain", model::say(chain.name == "server" ? "finding.server"
                                                                                   : "finding.client")),
                             model::arg("subject", terminal_safe(c.subject)),
                             model::arg("what", std::move(what))})});
        };
        // A self-signed certificate is a trust anchor: its own signature is never checked.
        if (weak_hash(c.signature_hash) && !c.self_signed)
            add(EapFindingKind::weak_signature_hash,
                model::say("finding.weak-signature", {model::arg("algorithm", c.signature_algorithm),
                                                      model::arg("hash", c.signature_hash)}));
        if ((c.key_type == "rsa" || c.key_type == "rsa-pss") && c.key_bits < k_min_rsa_bits)
            add(EapFindingKind::rsa_key_under_2048,
                model::say("finding.rsa-key",
                           {model::arg("bits", c.key_bits), model::arg("min", k_min_rsa_bits)}));
        if (c.key_type == "ec" && c.key_bits < k_min_ec_bits)
            add(EapFindingKind::ec_key_under_256,
                model::say("finding.ec-key",
                           {model::arg("bits", c.key_bits), model::arg("min", k_min_ec_bits)}));
        if (c.not_after_s) {
            // Whole days either way: "10 day(s) before" means at least 10 days and less than 11.
            const std::int64_t left = *c.not_after_s - at_ns / 1'000'000'000;
            if (left < 0)
                add(EapFindingKind::certificate_expired,
                    model::say("finding.expired",
                               {model::arg("not_after", c.not_after), model::arg("days", -left / k_day)}));
            else if (left < k_expiry_warning_days * k_day)
                add(EapFindingKind::certificate_expiring,
                    model::say("finding.expiring",
                               {model::arg("not_after", c.not_after), model::arg("days", left / k_day),
                                model::arg("window", k_expiry_warning_days)}));
        }
        // Only the end-entity certificate (the first, RFC 5246 7.4.2) is used for TLS; without the extension
        // it may serve any purpose (RFC 5280 4.2.1.12).
        if (i == 0 && c.extended_key_usage && !has_purpose(c, chain.purpose))
            add(chain.kind, model::say("finding.eku", {model::arg("purpose", chain.purpose),
                                                       allowed(*c.extended_key_usage)}));
    }
}

} // namespace

bool identity_reveals_user(std::string_view identity) {
    std::string_view user = identity.substr(0, std::min(identity.rfind('@'), identity.size()));
    constexpr std::string_view k_anonymous = "anonymous";
    return !user.empty() &&
           !std::equal(user.begin(), user.end(), k_anonymous.begin(), k_anonymous.end(),
                       [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

std::vector<EapFinding> eap_findings(const std::vector<EapSession>& sessions, std::int64_t at_ns) {
    std::vector<EapFinding> out;
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        const EapSession& s = sessions[i];
        if (s.identity && identity_reveals_user(*s.identity))
            out.push_back(
                {EapFindingKind::identity_reveals_user,
                 i,
                 "",
                 std::nullopt,
                 {s.identity_frame},
                 model::say("finding.identity", {model::arg("identity", terminal_safe(*s.identity))})});
        if (!s.tls) continue;
        const auto& t = *s.tls;
        if (t.version && *t.version < k_tls_1_2)
            out.push_back({EapFindingKind::tls_below_1_2, i, "", std::nullopt, t.server_hello_frames,
                           model::say("finding.tls-version",
                                      {model::arg("version", parse::tls_version_name(*t.version))})});
        certificate_findings(out, i,
                             {"server", "serverAuth", EapFindingKind::server_cert_without_server_auth,
                              t.server_chain, t.server_certificate_frames},
                             at_ns);
        certificate_findings(out, i,
                             {"client", "clientAuth", EapFindingKind::client_cert_without_client_auth,
                              t.client_chain, t.client_certificate_frames},
                             at_ns);
    }
    return out;
}

} // namespace isoprobe::analyze
