// TLS records and handshake messages (RFC 5246 6.2.1 and 7.4, RFC 8446 4 and 5.1).
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <vector>

#include "parse/tls_handshake.hpp"

using namespace isoprobe;
using namespace isoprobe::parse;

namespace {

// eap-tls-wired.pcap frame 5: the client's first EAP-TLS message, one record holding the ClientHello.
// tshark: tls.handshake.type 1, tls.handshake.version 0x0303, tls.handshake.cipher_suites_length 56.
const std::vector<std::uint8_t> k_client_hello{
    0x16, 0x03, 0x01, 0x00, 0xb3, 0x01, 0x00, 0x00, 0xaf, 0x03, 0x03, 0xb9, 0x13, 0xaf, 0x29, 0xb1, 0xb8,
    0xd8, 0x67, 0xb6, 0xe8, 0xbf, 0x70, 0xb6, 0x87, 0x11, 0xed, 0xc9, 0x47, 0xfc, 0xb8, 0xa6, 0x01, 0x4d,
    0x4b, 0xf4, 0xae, 0x82, 0x1a, 0x5b, 0x0a, 0x01, 0x0c, 0x00, 0x00, 0x38, 0xc0, 0x2c, 0xc0, 0x30, 0x00,
    0x9f, 0xcc, 0xa9, 0xcc, 0xa8, 0xcc, 0xaa, 0xc0, 0x2b, 0xc0, 0x2f, 0x00, 0x9e, 0xc0, 0x24, 0xc0, 0x28,
    0x00, 0x6b, 0xc0, 0x23, 0xc0, 0x27, 0x00, 0x67, 0xc0, 0x0a, 0xc0, 0x14, 0x00, 0x39, 0xc0, 0x09, 0xc0,
    0x13, 0x00, 0x33, 0x00, 0x9d, 0x00, 0x9c, 0x00, 0x3d, 0x00, 0x3c, 0x00, 0x35, 0x00, 0x2f, 0x00, 0xff,
    0x01, 0x00, 0x00, 0x4e, 0x00, 0x0b, 0x00, 0x04, 0x03, 0x00, 0x01, 0x02, 0x00, 0x0a, 0x00, 0x0c, 0x00,
    0x0a, 0x00, 0x1d, 0x00, 0x17, 0x00, 0x1e, 0x00, 0x19, 0x00, 0x18, 0x00, 0x16, 0x00, 0x00, 0x00, 0x17,
    0x00, 0x00, 0x00, 0x0d, 0x00, 0x2a, 0x00, 0x28, 0x04, 0x03, 0x05, 0x03, 0x06, 0x03, 0x08, 0x07, 0x08,
    0x08, 0x08, 0x09, 0x08, 0x0a, 0x08, 0x0b, 0x08, 0x04, 0x08, 0x05, 0x08, 0x06, 0x04, 0x01, 0x05, 0x01,
    0x06, 0x01, 0x03, 0x03, 0x03, 0x01, 0x03, 0x02, 0x04, 0x02, 0x05, 0x02, 0x06, 0x02,
};

// eap-tls13-wired.pcap frame 6: the first record of the server's first message, the ServerHello.
// tshark (reassembled at frame 8): supported_version 0x0304, ciphersuite 0x1302.
const std::vector<std::uint8_t> k_server_hello_13{
    0x16, 0x03, 0x03, 0x00, 0x5a, 0x02, 0x00, 0x00, 0x56, 0x03, 0x03, 0xf0, 0x86, 0xfe, 0xe0, 0xde,
    0x1d, 0xa4, 0x53, 0x8e, 0xae, 0xeb, 0x73, 0x82, 0xcb, 0xa6, 0x8d, 0xac, 0xb1, 0xbd, 0xd5, 0x62,
    0xba, 0x13, 0xdd, 0x96, 0x4c, 0x83, 0xbc, 0x20, 0xce, 0x63, 0x86, 0x00, 0x13, 0x02, 0x00, 0x00,
    0x2e, 0x00, 0x2b, 0x00, 0x02, 0x03, 0x04, 0x00, 0x33, 0x00, 0x24, 0x00, 0x1d, 0x00, 0x20, 0xe2,
    0xbd, 0x6b, 0xf7, 0xdb, 0xcc, 0x71, 0xa6, 0xfd, 0xc6, 0x3c, 0x89, 0x0b, 0x50, 0x43, 0xb6, 0xcd,
    0xa9, 0xd1, 0x00, 0x9b, 0x85, 0x3f, 0x54, 0x76, 0x58, 0x7d, 0xbb, 0x59, 0xf5, 0xa8, 0x5c,
};

std::vector<std::uint8_t> concat(std::initializer_list<std::vector<std::uint8_t>> parts) {
    std::vector<std::uint8_t> out;
    for (const auto& p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

const std::vector<std::uint8_t> k_ccs{0x14, 0x03, 0x03, 0x00, 0x01, 0x01};
const std::vector<std::uint8_t> k_app_data{0x17, 0x03, 0x03, 0x00, 0x02, 0xaa, 0xbb};

} // namespace

TEST_CASE("ClientHello from eap-tls-wired.pcap") {
    auto s = parse_tls_stream(k_client_hello);
    REQUIRE(s);
    CHECK(s->records == 1);
    CHECK(s->handshake_types == std::vector<std::uint8_t>{k_tls_client_hello});
    REQUIRE(s->client_hello);
    CHECK(s->client_hello->legacy_version == 0x0303);
    CHECK(s->client_hello->cipher_suite_count == 28);
    CHECK(s->client_hello->supported_versions.empty());
    CHECK_FALSE(s->error);
    CHECK_FALSE(s->incomplete);
}

TEST_CASE("TLS 1.3 ServerHello from eap-tls13-wired.pcap, then only encrypted records") {
    auto s = parse_tls_stream(concat({k_server_hello_13, k_ccs, k_app_data, k_app_data}));
    REQUIRE(s);
    REQUIRE(s->server_hello);
    CHECK(s->server_hello->legacy_version == 0x0303);
    CHECK(s->server_hello->selected_version == k_tls_1_3);
    CHECK(s->server_hello->version() == k_tls_1_3);
    CHECK(s->server_hello->cipher_suite == 0x1302);
    CHECK(s->change_cipher_spec);
    CHECK(s->encrypted_records == 2);
    CHECK(s->records == 4);
    CHECK_FALSE(s->certificates);
    REQUIRE(s->server_hello_span); // the whole first record's fragment: bytes 5 to 5 + 0x5a
    CHECK(s->server_hello_span->begin == 5);
    CHECK(s->server_hello_span->end == 95);
}

TEST_CASE("a Certificate message split across two records is reassembled (RFC 5246 6.2.1)") {
    const std::vector<std::uint8_t> rec1{0x16, 0x03, 0x03, 0x00, 0x07, 0x0b,
                                         0x00, 0x00, 0x0d, 0x00, 0x00, 0x0a};
    const std::vector<std::uint8_t> rec2{0x16, 0x03, 0x03, 0x00, 0x0a, 0x00, 0x00, 0x02,
                                         0xaa, 0xbb, 0x00, 0x00, 0x02, 0xcc, 0xdd};
    const std::vector<std::uint8_t> done{0x16, 0x03, 0x03, 0x00, 0x04, 0x0e, 0x00, 0x00, 0x00};
    auto s = parse_tls_stream(concat({rec1, rec2, done}));
    REQUIRE(s);
    CHECK(s->handshake_types == std::vector<std::uint8_t>{k_tls_certificate, k_tls_server_hello_done});
    REQUIRE(s->certificates);
    REQUIRE(s->certificates->size() == 2);
    CHECK((*s->certificates)[0] == std::vector<std::uint8_t>{0xaa, 0xbb});
    CHECK((*s->certificates)[1] == std::vector<std::uint8_t>{0xcc, 0xdd});
    // Its header at byte 5 (after rec1's header), its last byte at 26 (rec2's 10th): record headers inside.
    REQUIRE(s->certificates_span);
    CHECK(s->certificates_span->begin == 5);
    CHECK(s->certificates_span->end == 27);
    CHECK_FALSE(s->server_hello_span);
    SUBCASE("the stream ending inside the message is incomplete, not an error") {
        auto cut = parse_tls_stream(rec1);
        REQUIRE(cut);
        CHECK(cut->incomplete);
        CHECK_FALSE(cut->error);
        CHECK_FALSE(cut->certificates);
    }
}

TEST_CASE("an empty client Certificate (RFC 5246 7.4.6) is a list of zero certificates") {
    const std::vector<std::uint8_t> rec{0x16, 0x03, 0x03, 0x00, 0x07, 0x0b,
                                        0x00, 0x00, 0x03, 0x00, 0x00, 0x00};
    auto s = parse_tls_stream(rec);
    REQUIRE(s);
    REQUIRE(s->certificates);
    CHECK(s->certificates->empty());
}

TEST_CASE("after ChangeCipherSpec, TLS 1.2 handshake records (Finished) are encrypted, not parsed") {
    std::vector<std::uint8_t> finished{0x16, 0x03, 0x03, 0x00, 0x28};
    finished.resize(5 + 0x28, 0x5a);
    auto s = parse_tls_stream(concat({k_ccs, finished}));
    REQUIRE(s);
    CHECK(s->change_cipher_spec);
    CHECK(s->encrypted_records == 1);
    CHECK(s->handshake_types.empty());
    CHECK_FALSE(s->error);
}

TEST_CASE("plaintext alerts are kept (RFC 5246 7.2)") {
    const std::vector<std::uint8_t> alert{0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x30}; // fatal unknown_ca
    auto s = parse_tls_stream(alert);
    REQUIRE(s);
    REQUIRE(s->alerts.size() == 1);
    CHECK(s->alerts[0].level == 2);
    CHECK(s->alerts[0].description == 48);
}

TEST_CASE("malformed and truncated TLS") {
    SUBCASE("input that does not start with a record is an error") {
        const std::vector<std::uint8_t> http{'G', 'E', 'T', ' ', '/', ' '};
        auto s = parse_tls_stream(http);
        REQUIRE_FALSE(s);
        CHECK(s.error().kind == ErrorKind::bad_value);
        CHECK(s.error().offset == 0);
    }
    SUBCASE("garbage after a good record stops the walk and keeps what came before") {
        auto s = parse_tls_stream(concat({k_client_hello, {0x99, 0x03, 0x03, 0x00, 0x00}}));
        REQUIRE(s);
        CHECK(s->client_hello);
        REQUIRE(s->error);
        CHECK(s->error->offset == k_client_hello.size());
    }
    SUBCASE("a record cut short is incomplete") {
        std::vector<std::uint8_t> cut(k_client_hello.begin(), k_client_hello.end() - 10);
        auto s = parse_tls_stream(cut);
        REQUIRE(s);
        CHECK(s->incomplete);
        CHECK(s->records == 0);
        CHECK_FALSE(s->client_hello);
    }
    SUBCASE("a record longer than 2^14 + 2048 bytes is refused") {
        const std::vector<std::uint8_t> huge{0x16, 0x03, 0x03, 0x48, 0x01};
        auto s = parse_tls_stream(concat({k_ccs, huge}));
        REQUIRE(s);
        REQUIRE(s->error);
        CHECK(s->error->kind == ErrorKind::bad_length);
    }
    SUBCASE("a certificate list whose length disagrees with the message is an error") {
        const std::vector<std::uint8_t> rec{0x16, 0x03, 0x03, 0x00, 0x07, 0x0b,
                                            0x00, 0x00, 0x03, 0x00, 0x00, 0x09};
        auto s = parse_tls_stream(rec);
        REQUIRE(s);
        REQUIRE(s->error);
        CHECK_FALSE(s->certificates);
    }
    SUBCASE("a ClientHello cut inside its cipher suites is an error") {
        // legacy_version, 32-byte random, empty session id, then 16 bytes of suites announced but 2 present.
        std::vector<std::uint8_t> body{0x03, 0x03};
        body.resize(2 + 32 + 1, 0x00);
        body.insert(body.end(), {0x00, 0x10, 0xc0, 0x30});
        std::vector<std::uint8_t> rec{0x16,
                                      0x03,
                                      0x01,
                                      0x00,
                                      static_cast<std::uint8_t>(body.size() + 4),
                                      0x01,
                                      0x00,
                                      0x00,
                                      static_cast<std::uint8_t>(body.size())};
        rec.insert(rec.end(), body.begin(), body.end());
        auto s = parse_tls_stream(rec);
        REQUIRE(s);
        CHECK(s->error);
        CHECK_FALSE(s->client_hello);
    }
}

TEST_CASE("TLS version and cipher suite names (IANA)") {
    CHECK(tls_version_name(0x0301) == "1.0");
    CHECK(tls_version_name(0x0303) == "1.2");
    CHECK(tls_version_name(0x0304) == "1.3");
    CHECK(tls_version_name(0x7f1c) == "0x7f1c");
    CHECK(tls_cipher_suite_name(0xc030) == "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    CHECK(tls_cipher_suite_name(0x1302) == "TLS_AES_256_GCM_SHA384");
    CHECK(tls_cipher_suite_name(0x0035) == "TLS_RSA_WITH_AES_256_CBC_SHA");
    CHECK(tls_cipher_suite_name(0x1234) == "0x1234");
}
