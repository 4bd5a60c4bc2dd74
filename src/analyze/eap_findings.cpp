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

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& x : v)
        out += (out.empty() ? "" : ", ") + x;
    return out.empty() ? "none" : out;
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
        auto add = [&](EapFindingKind k, const std::string& what) {
            out.push_back({k, session, std::string(chain.name), i, chain.frames,
                           "The " + std::string(chain.name) + " certificate \"" + terminal_safe(c.subject) +
                               "\" " + what});
        };
        // A self-signed certificate is a trust anchor: its own signature is never checked.
        if (weak_hash(c.signature_hash) && !c.self_signed)
            add(EapFindingKind::weak_signature_hash, "is signed with " + c.signature_algorithm +
                                                         ": forging a certificate under a " +
                                                         c.signature_hash + " signature is feasible.");
        if ((c.key_type == "rsa" || c.key_type == "rsa-pss") && c.key_bits < k_min_rsa_bits)
            add(EapFindingKind::rsa_key_under_2048, "has a " + std::to_string(c.key_bits) +
                                                        "-bit RSA key, under " +
                                                        std::to_string(k_min_rsa_bits) + " bits.");
        if (c.key_type == "ec" && c.key_bits < k_min_ec_bits)
            add(EapFindingKind::ec_key_under_256, "has a " + std::to_string(c.key_bits) +
                                                      "-bit EC key, under " + std::to_string(k_min_ec_bits) +
                                                      " bits.");
        if (c.not_after_s) {
            // Whole days either way: "10 day(s) before" means at least 10 days and less than 11.
            const std::int64_t left = *c.not_after_s - at_ns / 1'000'000'000;
            if (left < 0)
                add(EapFindingKind::certificate_expired,
                    "expired at " + c.not_after + ", " + std::to_string(-left / k_day) +
                        " whole day(s) before the capture's last frame.");
            else if (left < k_expiry_warning_days * k_day)
                add(EapFindingKind::certificate_expiring,
                    "expires at " + c.not_after + ", " + std::to_string(left / k_day) +
                        " whole day(s) after the capture's last frame (within " +
                        std::to_string(k_expiry_warning_days) + ").");
        }
        // Only the end-entity certificate (the first, RFC 5246 7.4.2) is used for TLS; without the extension
        // it may serve any purpose (RFC 5280 4.2.1.12).
        if (i == 0 && c.extended_key_usage && !has_purpose(c, chain.purpose))
            add(chain.kind, "has an extended key usage without " + std::string(chain.purpose) +
                                " (it allows " + joined(*c.extended_key_usage) + ").");
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
                 "The outer identity \"" + terminal_safe(*s.identity) +
                     "\" (EAP-Response/Identity, sent in clear) names a user or device; an anonymous "
                     "one (anonymous@realm or @realm) would not."});
        if (!s.tls) continue;
        const auto& t = *s.tls;
        if (t.version && *t.version < k_tls_1_2)
            out.push_back({EapFindingKind::tls_below_1_2, i, "", std::nullopt, t.server_hello_frames,
                           "The server chose TLS " + parse::tls_version_name(*t.version) +
                               " in its ServerHello; TLS 1.2 or later is expected."});
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
