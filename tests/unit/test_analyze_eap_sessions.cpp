// EAP conversations (IEEE 802.1X-2010 8, RFC 3748): attempts, roles, methods, outcomes, and real captures.
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "analyze/eap_sessions.hpp"
#include "test_analyze_util.hpp"

using namespace isoprobe;
using namespace isoprobe::analyze;
using namespace isoprobe::model;
using Pdu = std::vector<std::uint8_t>;

namespace {

const MacAddr k_sup = *MacAddr::parse("02:13:00:00:01:02");
const MacAddr k_auth = *MacAddr::parse("02:13:00:00:01:01");
const MacAddr k_pae = *MacAddr::parse("01:80:c2:00:00:03"); // the PAE group address

struct Wire {
    EapSessions eap;
    std::uint64_t number = 0;
    void send(const MacAddr& src, const MacAddr& dst, const Pdu& pdu, bool bad_fcs = false) {
        capture::Frame f;
        f.number = ++number;
        f.ts_ns = static_cast<std::int64_t>(number) * 1'000'000;
        decode::Packet p;
        p.frame = &f;
        p.has_l2 = true;
        p.src = src;
        p.dst = dst;
        p.bad_fcs = bad_fcs;
        p.eapol = pdu;
        eap.feed(p);
    }
};

Pdu eapol(std::uint8_t type, const Pdu& body = {}) {
    Pdu out{0x02, type, static_cast<std::uint8_t>(body.size() >> 8), static_cast<std::uint8_t>(body.size())};
    out.insert(out.end(), body.begin(), body.end());
    return out;
}

Pdu eap(std::uint8_t code, std::uint8_t id, std::optional<std::uint8_t> type = {}, const Pdu& data = {}) {
    Pdu body{code, id, 0, 0};
    if (type) body.push_back(*type);
    body.insert(body.end(), data.begin(), data.end());
    body[3] = static_cast<std::uint8_t>(body.size());
    return eapol(0, body);
}

const Pdu k_start = eapol(1);

} // namespace

TEST_CASE("eap-tls-nocert-wired.pcap frames: every frame to the PAE group, roles learned from EAP codes") {
    Wire w;
    w.send(k_sup, k_pae, {0x02, 0x01, 0x00, 0x00});
    w.send(k_auth, k_pae, {0x02, 0x00, 0x00, 0x05, 0x01, 0x87, 0x00, 0x05, 0x01});
    w.send(k_sup, k_pae,
           {0x02, 0x00, 0x00, 0x0f, 0x02, 0x87, 0x00, 0x0f, 0x01, 0x63, 0x6c, 0x69, 0x65, 0x6e, 0x74, 0x2e,
            0x6c, 0x61, 0x62});
    w.send(k_auth, k_pae, {0x02, 0x00, 0x00, 0x06, 0x01, 0x88, 0x00, 0x06, 0x0d, 0x20});
    w.send(k_sup, k_pae, {0x02, 0x00, 0x00, 0x06, 0x02, 0x88, 0x00, 0x06, 0x03, 0x00});
    w.send(k_auth, k_pae, {0x02, 0x00, 0x00, 0x04, 0x04, 0x88, 0x00, 0x04});
    auto s = w.eap.sessions();
    REQUIRE(s.size() == 1);
    CHECK(s[0].supplicant == k_sup);
    CHECK(s[0].authenticator == k_auth);
    CHECK(s[0].identity == "client.lab");
    CHECK(s[0].offered == std::vector<std::uint32_t>{13});
    CHECK(s[0].nak_desired == std::vector<std::uint32_t>{0});
    CHECK(s[0].naks == 1);
    CHECK_FALSE(s[0].method); // TLS was offered, never exchanged
    CHECK(s[0].outcome == EapOutcome::failure);
    CHECK(s[0].started_by_supplicant);
    CHECK(s[0].frames == 6);
    CHECK(s[0].first_frame == 1);
    CHECK(s[0].last_frame == 6);
    CHECK_FALSE(s[0].tls);
    CHECK(w.eap.stats().eapol_frames == 6);
}

TEST_CASE("a server offering TLS and a client NAKing to PEAP completes PEAP") {
    Wire w;
    const Pdu client_hello{0x16, 0x03, 0x01, 0x00, 0x00};
    w.send(k_auth, k_sup, eap(1, 1, 1));
    w.send(k_sup, k_auth, eap(2, 1, 1, {'u'}));
    w.send(k_auth, k_sup, eap(1, 2, 13, {0x20}));
    w.send(k_sup, k_auth, eap(2, 2, 3, {25}));
    w.send(k_auth, k_sup, eap(1, 3, 25, {0x21}));
    Pdu response{0x00};
    response.insert(response.end(), client_hello.begin(), client_hello.end());
    w.send(k_sup, k_auth, eap(2, 3, 25, response));
    w.send(k_auth, k_sup, eap(3, 3));
    auto s = w.eap.sessions();
    REQUIRE(s.size() == 1);
    CHECK(s[0].offered == std::vector<std::uint32_t>{13, 25});
    CHECK(s[0].nak_desired == std::vector<std::uint32_t>{25});
    CHECK(s[0].method == 25);
    CHECK(s[0].outcome == EapOutcome::success);
    REQUIRE(s[0].tls);
    CHECK(s[0].tls->eap_type == 25);
    CHECK(s[0].tls->client.fragments == 1);
}

TEST_CASE("a repeated identifier is a retransmission (ws-wpa-eap-tls.pcap frames 1-4)") {
    Wire w;
    const MacAddr ap = *MacAddr::parse("10:6f:3f:0e:33:3c"), sta = *MacAddr::parse("24:77:03:d2:5e:a8");
    const Pdu request{0x02, 0x00, 0x00, 0x05, 0x01, 0xc6, 0x00, 0x05, 0x01};
    for (int i = 0; i < 3; ++i)
        w.send(ap, sta, request);
    w.send(sta, ap, {0x01, 0x00, 0x00, 0x11, 0x02, 0xc6, 0x00, 0x11, 0x01, 0x70, 0x65,
                     0x72, 0x72, 0x79, 0x2e, 0x6d, 0x6f, 0x72, 0x64, 0x6f, 0x72});
    auto s = w.eap.sessions();
    REQUIRE(s.size() == 1);
    CHECK(s[0].retransmissions == 2);
    CHECK(s[0].identity == "perry.mordor");
    CHECK(s[0].outcome == EapOutcome::incomplete);
}

TEST_CASE("attempts: where a new one starts") {
    Wire w;
    SUBCASE(
        "an EAPOL-Start after an unanswered Request-Identity joins it (tcpdump-eapon1.pcap frames 14-18)") {
        w.send(k_auth, k_sup, eap(1, 1, 1));
        w.send(k_sup, k_auth, k_start);
        w.send(k_auth, k_sup, eap(1, 2, 1));
        CHECK(w.eap.sessions().size() == 1);
    }
    SUBCASE("an EAPOL-Start after a finished attempt opens another") {
        w.send(k_sup, k_pae, k_start);
        w.send(k_auth, k_pae, eap(1, 1, 1));
        w.send(k_sup, k_pae, eap(2, 1, 1, {'a'}));
        w.send(k_auth, k_pae, eap(3, 1));
        w.send(k_sup, k_pae, k_start);
        w.send(k_auth, k_pae, eap(1, 2, 1));
        auto s = w.eap.sessions();
        REQUIRE(s.size() == 2);
        CHECK(s[0].outcome == EapOutcome::success);
        CHECK(s[1].outcome == EapOutcome::incomplete);
        CHECK(s[1].supplicant == k_sup);
        CHECK(s[1].authenticator == k_auth);
        CHECK(s[1].first_frame == 5);
    }
    SUBCASE("a Request-Identity after an outcome opens another without a Start") {
        w.send(k_auth, k_sup, eap(1, 1, 1));
        w.send(k_sup, k_auth, eap(2, 1, 1, {'a'}));
        w.send(k_auth, k_sup, eap(4, 1));
        w.send(k_auth, k_sup, eap(1, 2, 1));
        CHECK(w.eap.sessions().size() == 2);
    }
    SUBCASE("a Request-Identity after an abandoned method exchange opens another") {
        w.send(k_auth, k_sup, eap(1, 1, 1));
        w.send(k_sup, k_auth, eap(2, 1, 1, {'a'}));
        w.send(k_auth, k_sup, eap(1, 2, 4, {0x10}));
        w.send(k_auth, k_sup, eap(1, 7, 1));
        auto s = w.eap.sessions();
        REQUIRE(s.size() == 2);
        CHECK(s[0].outcome == EapOutcome::incomplete);
    }
    SUBCASE("EAPOL-Logoff is noted on the current attempt") {
        w.send(k_sup, k_auth, k_start);
        w.send(k_sup, k_auth, eapol(2));
        auto s = w.eap.sessions();
        REQUIRE(s.size() == 1);
        CHECK(s[0].logoff);
    }
}

TEST_CASE("two stations on one access point are two conversations; EAPOL-Key joins the right one") {
    Wire w;
    const MacAddr ap = *MacAddr::parse("10:6f:3f:0e:33:3c");
    const MacAddr a = *MacAddr::parse("24:77:03:d2:5e:a8"), b = *MacAddr::parse("24:77:03:d2:5e:a9");
    w.send(ap, a, eap(1, 1, 1));
    w.send(ap, b, eap(1, 9, 1));
    w.send(b, ap, eap(2, 9, 1, {'b'}));
    w.send(a, ap, eap(2, 1, 1, {'a'}));
    w.send(ap, a, eap(3, 1));
    w.send(ap, a, eapol(3, {0x02, 0x00, 0x8a}));
    w.send(a, ap, eapol(3, {0x02, 0x01, 0x0a}));
    auto s = w.eap.sessions();
    REQUIRE(s.size() == 2);
    CHECK(s[0].supplicant == a);
    CHECK(s[0].identity == "a");
    CHECK(s[0].key_frames == 2);
    CHECK(s[0].frames == 5);
    CHECK(s[1].supplicant == b);
    CHECK(s[1].identity == "b");
    CHECK(s[1].outcome == EapOutcome::incomplete);
}

TEST_CASE("damage and limits are counted") {
    Wire w;
    SUBCASE("malformed EAPOL and EAP, and frames that failed their FCS") {
        w.send(k_sup, k_auth, {0x02, 0x00});
        w.send(k_sup, k_auth, eapol(0, {0x02, 0x01, 0x00, 0x02}));
        w.send(k_sup, k_auth, k_start, true);
        CHECK(w.eap.stats().malformed == 3);
        CHECK(w.eap.sessions().empty());
    }
    SUBCASE("an EAPOL-Key or Logoff with no attempt is unattributed") {
        w.send(k_auth, k_sup, eapol(3, {0x02}));
        w.send(k_sup, k_pae, eapol(2));
        CHECK(w.eap.stats().unattributed == 2);
        CHECK(w.eap.sessions().empty());
    }
    SUBCASE("a bad TLS-family header is counted on the attempt") {
        w.send(k_auth, k_sup, eap(1, 1, 13, {0x80, 0x00}));
        auto s = w.eap.sessions();
        REQUIRE(s.size() == 1);
        CHECK(s[0].malformed == 1);
    }
    SUBCASE("attempts beyond max_sessions are dropped") {
        Wire small{EapSessions{EapSessions::Limits{.max_sessions = 1, .max_tls_bytes = 1024}}};
        small.send(k_auth, k_sup, eap(4, 1));
        small.send(k_auth, k_sup, eap(1, 2, 1));
        CHECK(small.eap.sessions().size() == 1);
        CHECK(small.eap.stats().sessions_dropped == 1);
    }
    SUBCASE("EAP-Success with no method exchange seen") {
        w.send(k_auth, k_sup, eap(3, 5));
        auto s = w.eap.sessions();
        REQUIRE(s.size() == 1);
        CHECK(s[0].outcome == EapOutcome::success);
        CHECK_FALSE(s[0].method);
    }
}

// End to end: captures/ through open_capture_file and decode::classify. Expected values from tshark 4.0, e.g.
// tshark -r F -Y eap -T fields -e eap.code -e eap.type -e eap.identity -e tls.handshake.type
// -e tls.handshake.version -e tls.handshake.ciphersuite -e x509sat.printableString -e x509af.utcTime

namespace {
std::vector<EapSession> sessions_of(const std::string& capture) {
    EapSessions eap;
    test::for_each_packet(capture, [&](const decode::Packet& p) { eap.feed(p); });
    return eap.sessions();
}
} // namespace

TEST_CASE("eap-tls-wired.pcap: EAP-TLS, TLS 1.2, client certificate, EAP-Success") {
    auto s = sessions_of("eap-tls-wired.pcap");
    REQUIRE(s.size() == 1);
    CHECK(s[0].supplicant == k_sup);
    CHECK(s[0].authenticator == k_auth);
    CHECK(s[0].identity == "client.lab");
    CHECK(s[0].method == 13);
    CHECK(s[0].outcome == EapOutcome::success);
    CHECK(s[0].frames == 14);
    REQUIRE(s[0].tls);
    const auto& t = *s[0].tls;
    CHECK(t.version == 0x0303);
    CHECK(t.cipher_suite == 0xc030); // ECDHE-RSA-AES256-GCM-SHA384
    CHECK(t.certificate_requested);  // tshark: handshake types 2,11,12,13,14 in frame 8
    CHECK(t.client_certificate == ClientCertificate::present);
    CHECK(t.server.fragments_missing + t.client.fragments_missing == 0);
    REQUIRE(t.server_chain.size() == 2);
    CHECK(t.server_chain[0].subject == "CN=radius.lab");
    CHECK(t.server_chain[0].issuer == "CN=Lab Test CA");
    CHECK(t.server_chain[0].serial == "4E425331C166E1C94F75E2EB3052465B8B5C5C40");
    CHECK(t.server_chain[0].not_before == "2026-11-25T22:38:05Z");
    CHECK(t.server_chain[0].not_after == "2029-02-27T22:38:05Z");
    CHECK(t.server_chain[0].key_type == "rsa");
    CHECK(t.server_chain[0].key_bits == 2048);
    CHECK(t.server_chain[0].signature_algorithm == "sha256WithRSAEncryption");
    // Frame 1 is 2026-11-25 22:38:09 UTC: 824 whole days and some hours before notAfter.
    CHECK(t.server_chain[0].days_to_expiry == 824);
    CHECK(t.server_chain[1].self_signed);
    REQUIRE(t.client_chain.size() == 2);
    CHECK(t.client_chain[0].subject == "CN=client.lab");
    CHECK(t.client_chain[0].not_after == "2029-02-27T22:38:06Z");
}

TEST_CASE("eap-tls13-wired.pcap: EAP-TLS with TLS 1.3, client certificate not observable") {
    auto s = sessions_of("eap-tls13-wired.pcap");
    REQUIRE(s.size() == 1);
    CHECK(s[0].method == 13);
    CHECK(s[0].outcome == EapOutcome::success);
    REQUIRE(s[0].tls);
    CHECK(s[0].tls->version == 0x0304);
    CHECK(s[0].tls->cipher_suite == 0x1302);
    CHECK(s[0].tls->client_certificate == ClientCertificate::not_observable);
    CHECK(s[0].tls->server_chain.empty()); // encrypted after the ServerHello
    CHECK(s[0].tls->client_chain.empty());
}

TEST_CASE("eap-peap-wired.pcap: PEAP completes, no client certificate") {
    auto s = sessions_of("eap-peap-wired.pcap");
    REQUIRE(s.size() == 1);
    CHECK(s[0].identity == "anonymous");
    CHECK(s[0].offered == std::vector<std::uint32_t>{25});
    CHECK(s[0].method == 25);
    CHECK(s[0].outcome == EapOutcome::success);
    REQUIRE(s[0].tls);
    CHECK(s[0].tls->version == 0x0303);
    CHECK_FALSE(s[0].tls->certificate_requested); // tshark: server handshake types 2,11,12,14
    CHECK(s[0].tls->client_certificate == ClientCertificate::absent);
    REQUIRE_FALSE(s[0].tls->server_chain.empty());
    CHECK(s[0].tls->server_chain[0].subject == "CN=radius.lab");
}

TEST_CASE("eap-tls-nocert-wired.pcap: Legacy NAK to TLS, EAP-Failure, no TLS") {
    auto s = sessions_of("eap-tls-nocert-wired.pcap");
    REQUIRE(s.size() == 1);
    CHECK(s[0].nak_desired == std::vector<std::uint32_t>{0});
    CHECK_FALSE(s[0].method);
    CHECK(s[0].outcome == EapOutcome::failure);
    CHECK_FALSE(s[0].tls);
}

TEST_CASE("eap-tls-badcert-wired.pcap: client Certificate sent, then EAP-Failure") {
    auto s = sessions_of("eap-tls-badcert-wired.pcap");
    REQUIRE(s.size() == 1);
    CHECK(s[0].method == 13);
    CHECK(s[0].outcome == EapOutcome::failure);
    REQUIRE(s[0].tls);
    CHECK(s[0].tls->client_certificate == ClientCertificate::present);
    REQUIRE(s[0].tls->client_chain.size() == 1);
    CHECK(s[0].tls->client_chain[0].subject == "CN=client.lab");
    CHECK(s[0].tls->alerts.empty()); // no TLS alert frame on the wire
}

TEST_CASE("tcpdump-eapon1.pcap: four EAP-SIM authentications, each a Start then Success") {
    auto s = sessions_of("tcpdump-eapon1.pcap");
    REQUIRE(s.size() == 4);
    const std::uint64_t first_frames[] = {14, 30, 53, 104};
    for (std::size_t i = 0; i < s.size(); ++i) {
        CAPTURE(i);
        CHECK(s[i].supplicant == MacAddr::parse("00:04:23:57:a5:7a"));
        CHECK(s[i].authenticator == MacAddr::parse("00:0c:ce:88:31:9a"));
        CHECK(s[i].identity == "1295023820005391@mnc023.mcc295.owlan.org");
        CHECK(s[i].method == 18);
        CHECK(s[i].outcome == EapOutcome::success);
        CHECK(s[i].first_frame == first_frames[i]);
        CHECK(s[i].key_frames == 2); // tshark: two EAPOL-Key frames after each Success
        CHECK_FALSE(s[i].tls);
    }
}

TEST_CASE("ws-wpa-eap-tls.pcap.gz: EAP-TLS over 802.11 with client certificate; TLS 1.0 on the wire") {
    // MANIFEST.md says TLS 1.2, but tshark shows ServerHello version 0x0301 and no supported_versions.
    auto s = sessions_of("ws-wpa-eap-tls.pcap.gz");
    REQUIRE(s.size() == 1);
    CHECK(s[0].supplicant == MacAddr::parse("24:77:03:d2:5e:a8"));
    CHECK(s[0].authenticator == MacAddr::parse("10:6f:3f:0e:33:3c"));
    CHECK(s[0].identity == "perry.mordor");
    CHECK(s[0].retransmissions == 2); // Request-Identity id 198 three times
    CHECK(s[0].method == 13);
    CHECK(s[0].outcome == EapOutcome::success);
    CHECK(s[0].key_frames == 4);
    REQUIRE(s[0].tls);
    CHECK(s[0].tls->version == 0x0301);
    CHECK(s[0].tls->cipher_suite == 0xc014);
    CHECK(s[0].tls->client_certificate == ClientCertificate::present);
    CHECK(s[0].tls->server.fragments_missing == 0);
    CHECK(s[0].tls->server.length_mismatches == 0);
    REQUIRE(s[0].tls->client_chain.size() == 2);
    CHECK(s[0].tls->client_chain[0].subject == "CN=perry.mordor,O=Mordor,C=DE");
    CHECK(s[0].tls->client_chain[0].not_after == "2046-03-04T16:45:27Z");
}

TEST_CASE("ws-wpa2-ft-eap.pcapng.gz: PEAP") {
    auto s = sessions_of("ws-wpa2-ft-eap.pcapng.gz");
    REQUIRE(s.size() == 1);
    CHECK(s[0].identity == "user");
    CHECK(s[0].method == 25);
    CHECK(s[0].outcome == EapOutcome::success);
    REQUIRE(s[0].tls);
    CHECK(s[0].tls->client_certificate == ClientCertificate::absent);
}

// ---- EAP inside RADIUS (RFC 2865, RFC 3579) ----

TEST_CASE("radius-eap-tls.pcap: the EAP-TLS of eap-tls-wired.pcap as its RADIUS server sees it") {
    // tshark: Access-Request 1,3,...,11 from 192.0.2.10 with Calling-Station-Id 02-13-00-00-01-02 and
    // Called-Station-Id 02:13:00:00:01:01:wired; Access-Challenge 2,...,10; Access-Accept 12 with
    // EAP-Success.
    auto s = sessions_of("radius-eap-tls.pcap");
    REQUIRE(s.size() == 1);
    REQUIRE(s[0].radius);
    CHECK(s[0].radius->nas.str() == "192.0.2.10");
    CHECK(s[0].radius->server.str() == "192.0.2.1");
    CHECK(s[0].radius->nas_ip_address == IpAddr::parse("192.0.2.10"));
    CHECK(s[0].radius->calling_station_id == "02-13-00-00-01-02");
    CHECK(s[0].supplicant == k_sup);
    CHECK(s[0].authenticator == k_auth);
    CHECK(s[0].identity == "client.lab");
    CHECK(s[0].offered == std::vector<std::uint32_t>{13});
    CHECK(s[0].method == 13);
    CHECK(s[0].outcome == EapOutcome::success);
    CHECK(s[0].frames == 12);
    REQUIRE(s[0].tls);
    CHECK(s[0].tls->client_certificate == ClientCertificate::present);
    REQUIRE(s[0].tls->server_chain.size() == 2);
    CHECK(s[0].tls->server_chain[0].subject == "CN=radius.lab");
    REQUIRE(s[0].tls->client_chain.size() == 2);
    CHECK(s[0].tls->client_chain[0].subject == "CN=client.lab");
}

TEST_CASE("zeek-radius-eap-md5.pcap: EAP-MD5 inside RADIUS on the legacy port") {
    // tshark: 10.0.0.1:1645 -> 10.0.0.100:1812, Calling-Station-Id 00-14-22-E9-54-5E, Called-Station-Id
    // 00-19-06-EA-B8-8C; Response/Identity, MD5-Challenge (4), Response MD5, Access-Accept with EAP-Success.
    auto s = sessions_of("zeek-radius-eap-md5.pcap");
    REQUIRE(s.size() == 1);
    CHECK(s[0].supplicant == MacAddr::parse("00:14:22:e9:54:5e"));
    CHECK(s[0].authenticator == MacAddr::parse("00:19:06:ea:b8:8c"));
    CHECK(s[0].identity == "John.McGuirk");
    CHECK(s[0].method == 4);
    CHECK(s[0].outcome == EapOutcome::success);
    CHECK(s[0].frames == 4);
}

namespace {

// A NAS (10.0.0.1:40000) and its server (10.0.0.2:1812).
struct Radius {
    EapSessions eap;
    std::uint64_t number = 0;
    void send(bool from_nas, std::uint8_t code, std::uint8_t id,
              const std::vector<std::pair<std::uint8_t, Pdu>>& attrs) {
        Pdu r{code, id, 0, 0};
        r.resize(20);
        for (const auto& [type, value] : attrs) {
            r.push_back(type);
            r.push_back(static_cast<std::uint8_t>(value.size() + 2));
            r.insert(r.end(), value.begin(), value.end());
        }
        r[3] = static_cast<std::uint8_t>(r.size());
        capture::Frame f;
        f.number = ++number;
        decode::Packet p;
        p.frame = &f;
        IpAddr nas = *IpAddr::parse("10.0.0.1"), server = *IpAddr::parse("10.0.0.2");
        p.ip_src = from_nas ? nas : server;
        p.ip_dst = from_nas ? server : nas;
        p.sport = from_nas ? 40000 : 1812;
        p.dport = from_nas ? 1812 : 40000;
        p.radius = r;
        eap.feed(p);
    }
};

// The EAP packet without its EAPOL header.
Pdu bare(const Pdu& eapol_pdu) {
    return Pdu(eapol_pdu.begin() + 4, eapol_pdu.end());
}

Pdu bytes(std::string_view s) {
    return Pdu(s.begin(), s.end());
}

} // namespace

TEST_CASE("RADIUS: replies join by identifier, requests by station or State; Reject is a failure") {
    Radius r;
    const auto calling = std::make_pair(parse::k_radius_calling_station_id, bytes("0011.2233.4455"));
    r.send(true, 1, 7, {calling, {79, bare(eap(2, 1, 1, bytes("alice")))}});
    r.send(false, 11, 7, {{79, bare(eap(1, 2, 4, {0x01, 0xaa}))}, {24, bytes("s1")}});
    // The next request carries only the State: it still joins.
    r.send(true, 1, 8, {{24, bytes("s1")}, {79, bare(eap(2, 2, 4, {0x01, 0xbb}))}});
    // A reply with another identifier answers nothing we saw.
    r.send(false, 3, 99, {{79, bare(eap(4, 2))}});
    CHECK(r.eap.stats().unattributed == 1);
    r.send(false, 3, 8, {{79, bare(eap(4, 2))}});
    // A second Response-Identity without State after the method exchange is a new attempt.
    r.send(true, 1, 9, {calling, {79, bare(eap(2, 3, 1, bytes("alice")))}});
    auto s = r.eap.sessions();
    REQUIRE(s.size() == 2);
    CHECK(s[0].supplicant == MacAddr::parse("00:11:22:33:44:55"));
    CHECK_FALSE(s[0].authenticator);
    CHECK(s[0].identity == "alice");
    CHECK(s[0].method == 4);
    CHECK(s[0].outcome == EapOutcome::failure);
    CHECK(s[0].frames == 4);
    CHECK(s[1].outcome == EapOutcome::incomplete);
    CHECK(r.eap.stats().radius_packets == 6);
    CHECK(r.eap.stats().eapol_frames == 0);
}

TEST_CASE("RADIUS: packets that do not parse, and RADIUS without EAP, make no attempt") {
    Radius r;
    r.send(true, 1, 1, {{1, bytes("bob")}, {2, bytes("password-hidden")}}); // PAP
    decode::Packet p;
    capture::Frame f;
    p.frame = &f;
    const Pdu short_packet{1, 1, 0};
    p.radius = short_packet;
    r.eap.feed(p);
    CHECK(r.eap.sessions().empty());
    CHECK(r.eap.stats().malformed == 1);
    CHECK(r.eap.stats().radius_packets == 2);
}

TEST_CASE("asleap-leap2.pcap: Cisco LEAP is one attempt, its second leg the client's challenge to the AP") {
    // tshark: AP 00:40:96:5b:37:af, client 00:40:96:59:d9:a4; identity RSAINI; LEAP Request/Response ids 2
    // (frames 11-12), EAP-Success (13), then the client's LEAP Request (14) and the AP's Response (15), both
    // id 3.
    auto s = sessions_of("asleap-leap2.pcap");
    REQUIRE(s.size() == 1);
    CHECK(s[0].supplicant == MacAddr::parse("00:40:96:59:d9:a4"));
    CHECK(s[0].authenticator == MacAddr::parse("00:40:96:5b:37:af"));
    CHECK(s[0].identity == "RSAINI");
    CHECK(s[0].offered == std::vector<std::uint32_t>{17});
    CHECK(s[0].method == 17);
    CHECK(s[0].outcome == EapOutcome::success);
    CHECK(s[0].peer_challenges == 2);
    CHECK(s[0].malformed == 0);
}

TEST_CASE("RADIUS: LEAP's second leg rides in an Access-Request and the Access-Accept") {
    Radius r;
    const auto calling = std::make_pair(parse::k_radius_calling_station_id, bytes("00-11-22-33-44-55"));
    r.send(true, 1, 1, {calling, {79, bare(eap(2, 1, 1, bytes("leapuser")))}});
    r.send(false, 11, 1, {{79, bare(eap(1, 2, 17, {0x01, 0x00, 0x08}))}, {24, bytes("a")}});
    r.send(true, 1, 2, {calling, {24, bytes("a")}, {79, bare(eap(2, 2, 17, {0x01, 0x00, 0x18}))}});
    r.send(false, 11, 2, {{79, bare(eap(3, 2))}, {24, bytes("b")}});
    // The client's challenge to the AP, then the server's answer inside the Accept.
    r.send(true, 1, 3, {calling, {24, bytes("b")}, {79, bare(eap(1, 3, 17, {0x01, 0x00, 0x08}))}});
    r.send(false, 2, 3, {{79, bare(eap(2, 3, 17, {0x01, 0x00, 0x18}))}});
    auto s = r.eap.sessions();
    REQUIRE(s.size() == 1);
    CHECK(s[0].offered == std::vector<std::uint32_t>{17});
    CHECK(s[0].method == 17);
    CHECK(s[0].outcome == EapOutcome::success);
    CHECK(s[0].peer_challenges == 2);
    CHECK(s[0].malformed == 0);
    CHECK(s[0].frames == 6);
}
