// The pure parts of the wired 802.1X check: EAPOL/EAP frames we build (IEEE 802.1X-2010 11.3, RFC 3748
// 4, 5.1, 5.3.1) and the decision from a scripted sequence of authenticator answers.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "parse/eap.hpp"
#include "parse/eapol.hpp"
#include "probe/eap_enumerate.hpp"
#include "test_hex_util.hpp"
#include "verdict/security.hpp"

using namespace isoprobe;
using namespace isoprobe::probe;
using namespace isoprobe::model;
using isoprobe::test::hex;

namespace {
const MacAddr k_self = *MacAddr::parse("02:b1:00:00:00:0a");
const MacAddr k_auth = *MacAddr::parse("02:b1:00:00:00:fe");

// An EAP packet from the authenticator to the PAE group address, as hostapd (eapol_version=2) sends it.
std::vector<std::uint8_t> from_auth(const std::vector<std::uint8_t>& eap, const MacAddr& dst = k_pae_group) {
    std::vector<std::uint8_t> f(dst.b.begin(), dst.b.end());
    f.insert(f.end(), k_auth.b.begin(), k_auth.b.end());
    f.insert(f.end(), {0x88, 0x8e, 0x02, 0x00});
    f.push_back(static_cast<std::uint8_t>(eap.size() >> 8));
    f.push_back(static_cast<std::uint8_t>(eap.size()));
    f.insert(f.end(), eap.begin(), eap.end());
    return f;
}
std::vector<std::uint8_t> request(std::uint8_t id, std::uint8_t type) {
    return from_auth({1, id, 0, 5, type});
}
std::vector<std::uint8_t> tls_start(std::uint8_t id, std::uint8_t type) {
    return from_auth({1, id, 0, 6, type, 0x20});
}
std::vector<std::uint8_t> failure(std::uint8_t id) {
    return from_auth({4, id, 0, 4});
}

// The EAP packet inside a frame we built.
parse::EapMessage eap_of(const std::vector<std::uint8_t>& frame) {
    auto pdu = parse::parse_eapol(Bytes(frame).subspan(14));
    REQUIRE(pdu);
    REQUIRE(pdu->type == parse::k_eapol_eap);
    auto m = parse::parse_eap(pdu->body);
    REQUIRE(m);
    return *m;
}
} // namespace

TEST_CASE(
    "EAPOL-Start: to 01:80:c2:00:00:03, EtherType 0x888e, version 1, type 1, no body, padded to 60 bytes") {
    auto f = eapol_frame(k_self, parse::k_eapol_start, {});
    CHECK(f == hex("0180c2000003 02b10000000a 888e | 01 01 0000 | " + std::string(2 * 42, '0')));
    CHECK(f.size() == 60);
    auto pdu = parse::parse_eapol(Bytes(f).subspan(14));
    REQUIRE(pdu);
    CHECK(pdu->body.empty()); // the padding is not the body
}

TEST_CASE("EAPOL-Logoff is type 2") {
    auto f = eapol_frame(k_self, parse::k_eapol_logoff, {});
    CHECK(f[15] == 2);
    CHECK(f[16] == 0);
    CHECK(f[17] == 0);
}

TEST_CASE("Response/Identity: code 2, the request's id, length 5 + identity, type 1 (RFC 3748 5.1)") {
    CHECK(eap_identity_response(0x61, "anonymous") == hex("02 61 000e 01 616e6f6e796d6f7573"));
    auto m = parse::parse_eap(Bytes(eap_identity_response(7, "anonymous")));
    REQUIRE(m);
    CHECK(m->identity == "anonymous");
    CHECK_FALSE(m->length_mismatch);
}

TEST_CASE("Legacy Nak: code 2, the request's id, length 6, type 3, the desired type (RFC 3748 5.3.1)") {
    CHECK(eap_nak(0x70, 25) == hex("02 70 0006 03 19"));
    auto m = parse::parse_eap(Bytes(eap_nak(0x70, 13)));
    REQUIRE(m);
    CHECK(m->type == parse::k_eap_nak);
    REQUIRE(m->nak_desired.size() == 1);
    CHECK(m->nak_desired[0] == 13);
}

TEST_CASE("An EAP packet longer than the padding is carried whole with its length") {
    std::string id(100, 'x');
    auto f = eapol_frame(k_self, parse::k_eapol_eap, Bytes(eap_identity_response(1, id)));
    CHECK(f.size() == 14 + 4 + 105);
    CHECK(eap_of(f).identity == id);
}

TEST_CASE("enumerated methods: the ten of the brief, TLS last; only TLS is password-free") {
    const std::vector<std::uint8_t> want{25, 21, 43, 55, 4, 6, 26, 17, 52, 13};
    CHECK(enumerated_methods() == want);
    CHECK_FALSE(parse::eap_password_capable(13));
    for (std::uint32_t t : {25u, 21u, 43u, 55u, 4u, 6u, 26u, 17u, 52u})
        CHECK(parse::eap_password_capable(t));
}

TEST_CASE("decide_eap_methods: an accepted method that is neither a password nor a certificate (EAP-SIM) "
          "fails too") {
    std::vector<model::EnumerationResult> sim{{18, "sim", "accepted", {}}, {13, "tls", "accepted", {}}};
    auto r = verdict::decide_eap_methods(sim, true);
    CHECK(r.status == model::Status::fail);
    CHECK(model::english(r.reasons.front()) ==
          "the authenticator accepts EAP methods other than certificate-only EAP-TLS: sim");
}

TEST_CASE("Trial: identity, TLS offered, Nak proposing PEAP, PEAP started: accepted") {
    Trial t(k_self, "anonymous", std::uint8_t{25}, 2);
    CHECK(t.start() == eapol_frame(k_self, parse::k_eapol_start, {}));
    auto id = t.on_frame(request(0x61, 1));
    REQUIRE(id);
    CHECK(eap_of(*id).identity == "anonymous");
    CHECK(eap_of(*id).id == 0x61);
    auto nak = t.on_frame(tls_start(0x62, 13));
    REQUIRE(nak);
    CHECK(eap_of(*nak).id == 0x62);
    CHECK(eap_of(*nak).nak_desired == std::vector<std::uint32_t>{25});
    CHECK(t.result() == TrialResult::pending);
    CHECK_FALSE(t.on_frame(tls_start(0x63, 25)));
    CHECK(t.result() == TrialResult::accepted);
    CHECK(t.offered() == std::optional<std::uint8_t>{13});
    CHECK(t.authenticator() == k_auth);
    CHECK(model::english(t.detail()).find("peap (25)") != std::string::npos);
}

TEST_CASE("Trial: EAP-Failure after the Nak: refused") {
    Trial t(k_self, "anonymous", std::uint8_t{4}, 2);
    t.start();
    REQUIRE(t.on_frame(request(1, 1)));
    REQUIRE(t.on_frame(tls_start(2, 13)));
    CHECK_FALSE(t.on_frame(failure(2)));
    CHECK(t.result() == TrialResult::refused);
    CHECK(model::english(t.detail()).find("EAP-Failure") != std::string::npos);
}

TEST_CASE("Trial: another method offered after the Nak: refused") {
    Trial t(k_self, "anonymous", std::uint8_t{4}, 2);
    t.start();
    REQUIRE(t.on_frame(request(1, 1)));
    REQUIRE(t.on_frame(tls_start(2, 25)));
    CHECK_FALSE(t.on_frame(tls_start(3, 21)));
    CHECK(t.result() == TrialResult::refused);
    CHECK(model::english(t.detail()).find("ttls (21)") != std::string::npos);
}

TEST_CASE("Trial: the wanted method offered first is accepted without a Nak") {
    Trial t(k_self, "anonymous", std::uint8_t{13}, 2);
    t.start();
    REQUIRE(t.on_frame(request(1, 1)));
    CHECK_FALSE(t.on_frame(tls_start(2, 13)));
    CHECK(t.result() == TrialResult::accepted);
}

TEST_CASE("Trial without a wanted method records the first offer") {
    Trial t(k_self, "anonymous", std::nullopt, 2);
    t.start();
    REQUIRE(t.on_frame(request(1, 1)));
    CHECK_FALSE(t.on_frame(tls_start(2, 21)));
    CHECK(t.result() == TrialResult::accepted);
    CHECK(t.offered() == std::optional<std::uint8_t>{21});
}

TEST_CASE("Trial: timeouts resend the last frame, then give up as no-answer") {
    Trial t(k_self, "anonymous", std::uint8_t{25}, 2);
    auto start = t.start();
    CHECK(t.on_timeout() == start);
    CHECK(t.on_timeout() == start);
    CHECK_FALSE(t.on_timeout());
    CHECK(t.result() == TrialResult::no_answer);
    CHECK(model::english(t.detail()).find("EAPOL-Start") != std::string::npos);
}

TEST_CASE("Trial: retries count per step; a Nak left unanswered is no-answer") {
    Trial t(k_self, "anonymous", std::uint8_t{25}, 1);
    t.start();
    CHECK(t.on_timeout());
    REQUIRE(t.on_frame(request(1, 1)));
    auto nak = t.on_frame(tls_start(2, 13));
    REQUIRE(nak);
    CHECK(t.on_timeout() == nak);
    CHECK_FALSE(t.on_timeout());
    CHECK(t.result() == TrialResult::no_answer);
    CHECK(model::english(t.detail()).find("Nak") != std::string::npos);
}

TEST_CASE("Trial: a retransmitted request gets the same answer again, not a step further") {
    Trial t(k_self, "anonymous", std::uint8_t{25}, 2);
    t.start();
    REQUIRE(t.on_frame(request(1, 1)));
    auto nak = t.on_frame(tls_start(2, 13));
    REQUIRE(nak);
    CHECK(t.on_frame(tls_start(2, 13)) == nak);
    CHECK(t.result() == TrialResult::pending);
}

TEST_CASE(
    "Trial ignores frames not for us: our own, other EtherTypes, unicast to others, responses, garbage") {
    Trial t(k_self, "anonymous", std::uint8_t{25}, 2);
    auto start = t.start();
    CHECK_FALSE(t.on_frame(start));                              // our own, looped back by the capture
    CHECK_FALSE(t.on_frame(from_auth({1, 1, 0, 5, 1}, k_auth))); // unicast to another station
    CHECK_FALSE(t.on_frame(from_auth({2, 1, 0, 5, 1})));         // a Response
    CHECK_FALSE(t.on_frame(from_auth({1, 1, 0})));               // truncated EAP header
    CHECK_FALSE(t.on_frame(hex("0180c2000003 02b1000000fe 0800 4500"))); // IPv4
    CHECK_FALSE(t.on_frame(hex("0180c2")));                              // truncated Ethernet header
    CHECK(t.result() == TrialResult::pending);
    // Unicast to us counts as much as the group address.
    CHECK(t.on_frame(from_auth({1, 9, 0, 5, 1}, k_self)));
}

TEST_CASE("Trial answers a Notification and keeps waiting (RFC 3748 5.2)") {
    Trial t(k_self, "anonymous", std::uint8_t{25}, 2);
    t.start();
    auto r = t.on_frame(request(4, 2));
    REQUIRE(r);
    CHECK(eap_of(*r).code == parse::k_eap_response);
    CHECK(eap_of(*r).type == parse::k_eap_notification);
    CHECK(t.result() == TrialResult::pending);
}

TEST_CASE("decide_eap_methods: password-capable accepted fails; TLS alone passes only when complete") {
    using model::Status;
    std::vector<model::EnumerationResult> tls_only{{25, "peap", "refused", {}}, {13, "tls", "accepted", {}}};
    CHECK(verdict::decide_eap_methods(tls_only, true).status == Status::pass);
    CHECK(verdict::decide_eap_methods(tls_only, false).status == Status::inconclusive);
    std::vector<model::EnumerationResult> peap{{25, "peap", "accepted", {}}, {13, "tls", "accepted", {}}};
    auto r = verdict::decide_eap_methods(peap, true);
    CHECK(r.status == Status::fail);
    CHECK(r.id == "8021x-eap-tls");
    CHECK(model::english(r.reasons.front()).find("peap") != std::string::npos);
    std::vector<model::EnumerationResult> silent{{25, "peap", "no-answer", {}}, {13, "tls", "no-answer", {}}};
    CHECK(verdict::decide_eap_methods(silent, true).status == Status::inconclusive);
    CHECK(verdict::decide_eap_methods({}, false).status == Status::inconclusive);
}
