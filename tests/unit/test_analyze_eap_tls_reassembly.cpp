// EAP-TLS-family fragment reassembly (RFC 5216 3.1-3.2) and the TLS summary drawn from both directions.
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "analyze/eap_tls_reassembly.hpp"

using namespace isoprobe;
using namespace isoprobe::analyze;
using namespace isoprobe::model;

namespace {

parse::EapTlsFragment frag(const std::vector<std::uint8_t>& data, bool more,
                           std::optional<std::uint32_t> len = {}) {
    parse::EapTlsFragment f;
    f.more_fragments = more;
    f.length_included = len.has_value();
    f.message_length = len;
    f.data = data;
    return f;
}

std::vector<std::uint8_t> stream(const EapTlsReassembler& r) {
    return {r.stream().begin(), r.stream().end()};
}

} // namespace

TEST_CASE("fragments with L on the first and M on all but the last make one message") {
    EapTlsReassembler r;
    const std::vector<std::uint8_t> a{1, 2, 3, 4}, b{5, 6, 7}, c{8, 9, 10};
    r.feed(10, frag(a, true, 10));
    r.feed(11, frag(b, true));
    r.feed(12, frag(c, false));
    CHECK(stream(r) == std::vector<std::uint8_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    CHECK(r.stats().fragments == 3);
    CHECK(r.stats().messages == 1);
    CHECK(r.stats().fragments_missing == 0);
    CHECK(r.stats().length_mismatches == 0);
}

TEST_CASE("L repeated with the same length on every fragment (as in ws-wpa-eap-tls.pcap) is one message") {
    EapTlsReassembler r;
    const std::vector<std::uint8_t> a{1, 2}, b{3, 4}, c{5};
    r.feed(1, frag(a, true, 5));
    r.feed(2, frag(b, true, 5));
    r.feed(3, frag(c, false, 5));
    CHECK(r.stats().messages == 1);
    CHECK(r.stats().fragments_missing == 0);
    CHECK(stream(r).size() == 5);
}

TEST_CASE("retransmissions (same EAP identifier) are dropped; ACKs and Starts carry no TLS") {
    EapTlsReassembler r;
    const std::vector<std::uint8_t> a{1, 2}, b{3};
    parse::EapTlsFragment start;
    start.start = true;
    r.feed(4, start);
    r.feed(5, frag(a, true, 3));
    r.feed(5, frag(a, true, 3));
    r.feed(6, parse::EapTlsFragment{});
    r.feed(7, frag(b, false));
    CHECK(stream(r) == std::vector<std::uint8_t>{1, 2, 3});
    CHECK(r.stats().duplicates == 1);
    CHECK(r.stats().acks == 1);
}

TEST_CASE("missing fragments are counted, never invented") {
    SUBCASE("the message ends short of its announced length") {
        EapTlsReassembler r;
        const std::vector<std::uint8_t> a{1, 2, 3, 4}, c{8, 9, 10};
        r.feed(1, frag(a, true, 10));
        r.feed(3, frag(c, false));
        CHECK(r.stats().fragments_missing == 1);
        CHECK(r.stats().bytes_missing == 3);
        CHECK(stream(r).size() == 7);
    }
    SUBCASE("a new message begins while one still expects fragments") {
        EapTlsReassembler r;
        const std::vector<std::uint8_t> a{1, 2}, b{3, 4, 5};
        r.feed(1, frag(a, true, 6));
        r.feed(2, frag(b, false, 3));
        CHECK(r.stats().messages == 2);
        CHECK(r.stats().fragments_missing == 1);
        CHECK(r.stats().bytes_missing == 4);
    }
    SUBCASE("the exchange ends with M still set and no length announced") {
        EapTlsReassembler r;
        const std::vector<std::uint8_t> a{1, 2};
        r.feed(1, frag(a, true));
        r.finish();
        CHECK(r.stats().fragments_missing == 1);
        CHECK(r.stats().bytes_missing == 0);
    }
    SUBCASE("more bytes than announced") {
        EapTlsReassembler r;
        const std::vector<std::uint8_t> a{1, 2, 3, 4, 5};
        r.feed(1, frag(a, false, 3));
        CHECK(r.stats().length_mismatches == 1);
        CHECK(r.stats().fragments_missing == 0);
    }
}

TEST_CASE("the buffer is capped and the overflow counted") {
    EapTlsReassembler r{8};
    const std::vector<std::uint8_t> a(6, 0xaa), b(6, 0xbb);
    r.feed(1, frag(a, true, 12));
    r.feed(2, frag(b, false));
    CHECK(stream(r).size() == 8);
    CHECK(r.stats().overflow_bytes == 4);
    r.release();
    CHECK(r.stream().empty());
    CHECK(r.stats().fragments == 2);
}

TEST_CASE("summarize_tls decides whether a client certificate was sent") {
    // ServerHello (TLS 1.2, suite 0xc030) with CertificateRequest and ServerHelloDone.
    std::vector<std::uint8_t> hello_body{0x03, 0x03};
    hello_body.resize(2 + 32 + 1, 0);
    hello_body.insert(hello_body.end(), {0xc0, 0x30, 0x00});
    std::vector<std::uint8_t> server{0x16,
                                     0x03,
                                     0x03,
                                     0x00,
                                     static_cast<std::uint8_t>(4 + hello_body.size()),
                                     0x02,
                                     0x00,
                                     0x00,
                                     static_cast<std::uint8_t>(hello_body.size())};
    server.insert(server.end(), hello_body.begin(), hello_body.end());
    server.insert(server.end(),
                  {0x16, 0x03, 0x03, 0x00, 0x08, 0x0d, 0x00, 0x00, 0x00, 0x0e, 0x00, 0x00, 0x00});
    const std::vector<std::uint8_t> empty_cert{0x16, 0x03, 0x03, 0x00, 0x07, 0x0b,
                                               0x00, 0x00, 0x03, 0x00, 0x00, 0x00};
    const std::vector<std::uint8_t> cke_only{0x16, 0x03, 0x03, 0x00, 0x05, 0x10, 0x00, 0x00, 0x01, 0x00};
    // A certificate list announcing 9 bytes where none follow.
    const std::vector<std::uint8_t> junk_cert{0x16, 0x03, 0x03, 0x00, 0x07, 0x0b,
                                              0x00, 0x00, 0x03, 0x00, 0x00, 0x09};
    EapTlsReassembler s;
    s.feed(1, frag(server, false));

    SUBCASE("an empty Certificate message is absent") {
        EapTlsReassembler c;
        c.feed(1, frag(empty_cert, false));
        auto t = summarize_tls(13, s, c, 0);
        CHECK(t.version == 0x0303);
        CHECK(t.cipher_suite == 0xc030);
        CHECK(t.certificate_requested);
        CHECK(t.client_certificate == ClientCertificate::absent);
        CHECK(client_certificate_name(t.client_certificate) == "absent");
    }
    SUBCASE("ClientKeyExchange without Certificate is absent too") {
        EapTlsReassembler c;
        c.feed(1, frag(cke_only, false));
        auto t = summarize_tls(13, s, c, 0);
        CHECK(t.client_certificate == ClientCertificate::absent);
    }
    SUBCASE("nothing from the client is unknown") {
        auto t = summarize_tls(13, s, EapTlsReassembler{}, 0);
        CHECK(t.client_certificate == ClientCertificate::unknown);
        CHECK(client_certificate_name(t.client_certificate) == "unknown");
    }
    SUBCASE("a certificate OpenSSL cannot decode is listed as not parsed") {
        std::vector<std::uint8_t> rec{0x16, 0x03, 0x03, 0x00, 0x0b, 0x0b, 0x00, 0x00,
                                      0x07, 0x00, 0x00, 0x04, 0x00, 0x00, 0x01, 0x30};
        EapTlsReassembler c;
        c.feed(1, frag(rec, false));
        auto t = summarize_tls(13, s, c, 0);
        CHECK(t.client_certificate == ClientCertificate::present);
        REQUIRE(t.client_chain.size() == 1);
        CHECK_FALSE(t.client_chain[0].parsed);
        CHECK(t.client_chain[0].der_bytes == 1);
    }
    SUBCASE("a damaged stream is reported as an anomaly") {
        EapTlsReassembler c;
        c.feed(1, frag(junk_cert, false));
        auto t = summarize_tls(13, s, c, 0);
        CHECK_FALSE(t.anomalies.empty());
    }
}

TEST_CASE("summarize_tls: an abbreviated handshake is resumption, not a missing certificate") {
    std::vector<std::uint8_t> hello_body{0x03, 0x03};
    hello_body.resize(2 + 32 + 1, 0);
    hello_body.insert(hello_body.end(), {0xc0, 0x2f, 0x00});
    std::vector<std::uint8_t> server{0x16,
                                     0x03,
                                     0x03,
                                     0x00,
                                     static_cast<std::uint8_t>(4 + hello_body.size()),
                                     0x02,
                                     0x00,
                                     0x00,
                                     static_cast<std::uint8_t>(hello_body.size())};
    server.insert(server.end(), hello_body.begin(), hello_body.end());
    server.insert(server.end(),
                  {0x14, 0x03, 0x03, 0x00, 0x01, 0x01, 0x16, 0x03, 0x03, 0x00, 0x02, 0xee, 0xee});
    EapTlsReassembler s;
    s.feed(1, frag(server, false));
    auto t = summarize_tls(13, s, EapTlsReassembler{}, 0);
    CHECK(t.resumed);
    CHECK(t.client_certificate == ClientCertificate::not_observable);
    CHECK(client_certificate_name(t.client_certificate) == "not-observable");
}

TEST_CASE("a span of the stream names every frame of the EAP-TLS messages carrying it") {
    EapTlsReassembler r;
    // Message 1: frames 6 and 8 (7 is the peer's ACK, not fed here); message 2: frame 10.
    r.feed(1, frag({1, 2, 3, 4}, true, 7), 6);
    r.feed(2, frag({5, 6, 7}, false), 8);
    r.feed(3, frag({8, 9}, false, 2), 10);
    CHECK(r.frames({0, 2}) == std::vector<std::uint64_t>{6, 8}); // inside frame 6: tshark shows it in 8
    CHECK(r.frames({5, 6}) == std::vector<std::uint64_t>{6, 8});
    CHECK(r.frames({6, 9}) == std::vector<std::uint64_t>{6, 8, 10});
    CHECK(r.frames({7, 9}) == std::vector<std::uint64_t>{10});
    r.release();
    CHECK(r.frames({0, 9}).empty());
}
