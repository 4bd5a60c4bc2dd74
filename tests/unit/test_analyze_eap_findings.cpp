// The EAP findings (docs/report.md, "EAP findings"): one row per rule and its edges.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "analyze/eap_findings.hpp"

using namespace isoprobe;
using namespace isoprobe::analyze;
using namespace isoprobe::model;

namespace {

constexpr std::int64_t k_day = 86400;
constexpr std::int64_t k_at_s = 1'796'603'332; // 2026-12-07T00:28:52Z, eap-tls-weak-wired.pcap's last frame
constexpr std::int64_t k_at_ns = k_at_s * 1'000'000'000;

// A certificate no rule objects to: RSA 2048, SHA-256, a year left, no EKU.
CertInfo good() {
    CertInfo c;
    c.parsed = true;
    c.subject = "CN=radius.lab";
    c.issuer = "CN=Lab CA";
    c.key_type = "rsa";
    c.key_bits = 2048;
    c.signature_algorithm = "sha256WithRSAEncryption";
    c.signature_hash = "sha256";
    c.not_after_s = k_at_s + 365 * k_day;
    c.not_after = "2027-12-07T00:28:52Z";
    return c;
}

EapSession tls_session(std::vector<CertInfo> server, std::vector<CertInfo> client = {},
                       std::uint16_t version = 0x0303) {
    EapSession s;
    s.identity = "@example.org";
    s.identity_frame = 3;
    TlsSummary t;
    t.version = version;
    t.server_chain = std::move(server);
    t.client_chain = std::move(client);
    t.server_hello_frames = {6, 8};
    t.server_certificate_frames = {6, 8};
    t.client_certificate_frames = {9};
    s.tls = std::move(t);
    return s;
}

std::vector<std::string> kinds(const std::vector<EapFinding>& found) {
    std::vector<std::string> out;
    for (const auto& f : found)
        out.emplace_back(eap_finding_kind_name(f.kind));
    return out;
}

template <class F> CertInfo with(F change) {
    CertInfo c = good();
    change(c);
    return c;
}

} // namespace

TEST_CASE("certificate rules, one row each") {
    struct Row {
        const char* what;
        CertInfo cert;
        std::vector<std::string> want;
    };
    const std::vector<Row> rows{
        {"nothing to report", good(), {}},
        {"SHA-1", with([](CertInfo& c) { c.signature_hash = "sha1"; }), {"weak-signature-hash"}},
        {"MD5", with([](CertInfo& c) { c.signature_hash = "md5"; }), {"weak-signature-hash"}},
        {"SHA-1 on a self-signed trust anchor: its signature is never checked",
         with([](CertInfo& c) {
             c.signature_hash = "sha1";
             c.self_signed = true;
         }),
         {}},
        {"no digest (Ed25519)", with([](CertInfo& c) { c.signature_hash = ""; }), {}},
        {"RSA 1024", with([](CertInfo& c) { c.key_bits = 1024; }), {"rsa-key-under-2048"}},
        {"RSA 2047", with([](CertInfo& c) { c.key_bits = 2047; }), {"rsa-key-under-2048"}},
        {"RSA-PSS 1024",
         with([](CertInfo& c) {
             c.key_type = "rsa-pss";
             c.key_bits = 1024;
         }),
         {"rsa-key-under-2048"}},
        {"EC P-256",
         with([](CertInfo& c) {
             c.key_type = "ec";
             c.key_bits = 256;
         }),
         {}},
        {"EC P-224",
         with([](CertInfo& c) {
             c.key_type = "ec";
             c.key_bits = 224;
         }),
         {"ec-key-under-256"}},
        {"Ed25519 (256 bits of its own kind)",
         with([](CertInfo& c) {
             c.key_type = "ed25519";
             c.key_bits = 253;
         }),
         {}},
        {"expired a second before the last frame",
         with([](CertInfo& c) { c.not_after_s = k_at_s - 1; }),
         {"certificate-expired"}},
        {"expires at the last frame itself",
         with([](CertInfo& c) { c.not_after_s = k_at_s; }),
         {"certificate-expiring"}},
        {"29 days and 23 hours left",
         with([](CertInfo& c) { c.not_after_s = k_at_s + 30 * k_day - 3600; }),
         {"certificate-expiring"}},
        {"exactly 30 days left", with([](CertInfo& c) { c.not_after_s = k_at_s + 30 * k_day; }), {}},
        {"EKU with serverAuth",
         with([](CertInfo& c) {
             c.extended_key_usage = std::vector<std::string>{"serverAuth", "clientAuth"};
         }),
         {}},
        {"EKU clientAuth only",
         with([](CertInfo& c) { c.extended_key_usage = std::vector<std::string>{"clientAuth"}; }),
         {"server-cert-without-serverauth"}},
        {"EKU anyExtendedKeyUsage (RFC 5280 4.2.1.12)",
         with([](CertInfo& c) { c.extended_key_usage = std::vector<std::string>{"anyExtendedKeyUsage"}; }),
         {}},
        {"EKU present but empty or undecodable",
         with([](CertInfo& c) { c.extended_key_usage = std::vector<std::string>{}; }),
         {"server-cert-without-serverauth"}},
        {"not decoded: nothing to judge",
         [] {
             CertInfo c;
             c.der_bytes = 12;
             return c;
         }(),
         {}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.what);
        auto found = eap_findings({tls_session({row.cert})}, k_at_ns);
        CHECK(kinds(found) == row.want);
        for (const auto& f : found) {
            CHECK(f.chain == "server");
            CHECK(f.certificate == 0u);
            CHECK(f.frames == std::vector<std::uint64_t>{6, 8});
        }
    }
}

TEST_CASE("key purposes are asked of the end-entity certificate of each side only") {
    auto client_only =
        with([](CertInfo& c) { c.extended_key_usage = std::vector<std::string>{"clientAuth"}; });
    auto server_only =
        with([](CertInfo& c) { c.extended_key_usage = std::vector<std::string>{"serverAuth"}; });
    SUBCASE("a CA below the end entity is not asked for serverAuth") {
        CHECK(kinds(eap_findings({tls_session({good(), client_only})}, k_at_ns)).empty());
    }
    SUBCASE("the client's end entity needs clientAuth") {
        auto found = eap_findings({tls_session({good()}, {server_only, good()})}, k_at_ns);
        CHECK(kinds(found) == std::vector<std::string>{"client-cert-without-clientauth"});
        REQUIRE(found.size() == 1);
        CHECK(found[0].chain == "client");
        CHECK(found[0].frames == std::vector<std::uint64_t>{9});
        CHECK(model::english(found[0].detail) ==
              "The client certificate \"CN=radius.lab\" has an extended key usage without "
              "clientAuth (it allows "
              "serverAuth).");
    }
    SUBCASE("absent EKU allows any purpose (RFC 5280 4.2.1.12)") {
        CHECK(kinds(eap_findings({tls_session({good()}, {good()})}, k_at_ns)).empty());
    }
}

TEST_CASE("the negotiated TLS version, from the ServerHello") {
    struct Row {
        std::uint16_t version;
        bool reported;
    };
    for (auto [version, reported] :
         {Row{0x0300, true}, Row{0x0301, true}, Row{0x0302, true}, Row{0x0303, false}, Row{0x0304, false}}) {
        CAPTURE(version);
        auto found = eap_findings({tls_session({}, {}, version)}, k_at_ns);
        CHECK(kinds(found) ==
              (reported ? std::vector<std::string>{"tls-below-1.2"} : std::vector<std::string>{}));
        if (reported) CHECK(found[0].frames == std::vector<std::uint64_t>{6, 8});
    }
    SUBCASE("no ServerHello seen: no version to judge") {
        EapSession s = tls_session({});
        s.tls->version.reset();
        CHECK(eap_findings({s}, k_at_ns).empty());
    }
}

TEST_CASE("outer identities that name their user") {
    struct Row {
        const char* identity;
        bool reveals;
    };
    for (auto [identity, reveals] : {
             Row{"", false}, Row{"anonymous", false}, Row{"anonymous@example.org", false},
             Row{"Anonymous@example.org", false}, Row{"@example.org", false}, Row{"alice@example.org", true},
             Row{"alice", true},
             Row{"host/pc01.example.org", true}, // a machine name identifies the device and often its user
             Row{"anonymousx@example.org", true},
             Row{"alice@anonymous", true}, // the realm is not the user part
             Row{"a@b@example.org", true}, // the user part runs to the last '@'
         }) {
        CAPTURE(identity);
        CHECK(identity_reveals_user(identity) == reveals);
    }
    EapSession s;
    s.identity = "alice@example.org";
    s.identity_frame = 3;
    auto found = eap_findings({EapSession{}, s}, k_at_ns);
    REQUIRE(found.size() == 1);
    CHECK(eap_finding_kind_name(found[0].kind) == "identity-reveals-user");
    CHECK(found[0].session == 1);
    CHECK(found[0].chain.empty());
    CHECK_FALSE(found[0].certificate);
    CHECK(found[0].frames == std::vector<std::uint64_t>{3});
}

TEST_CASE("expiry is measured from the time given, not the wall clock") {
    CertInfo c = good(); // a year left at k_at_s
    CHECK(eap_findings({tls_session({c})}, k_at_ns).empty());
    auto later = eap_findings({tls_session({c})}, k_at_ns + 400 * k_day * 1'000'000'000);
    CHECK(kinds(later) == std::vector<std::string>{"certificate-expired"});
    CHECK(model::english(later[0].detail) ==
          "The server certificate \"CN=radius.lab\" expired at 2027-12-07T00:28:52Z, 35 "
          "whole day(s) before the capture's last frame.");
}
