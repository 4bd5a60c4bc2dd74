// EAP packets (RFC 3748 4-5) and the TLS-family fragment header (RFC 5216 3.1, RFC 7170 4.1).
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <vector>

#include "parse/eap.hpp"

using namespace isoprobe;
using namespace isoprobe::parse;

TEST_CASE("Response/Identity from tcpdump-eapon1.pcap frame 19") {
    // tshark: eap.code 2, eap.id 2, eap.len 45, eap.type 1, eap.identity
    // 1295023820005391@mnc023.mcc295.owlan.org
    const std::array<std::uint8_t, 45> eap{
        0x02, 0x02, 0x00, 0x2d, 0x01, 0x31, 0x32, 0x39, 0x35, 0x30, 0x32, 0x33, 0x38, 0x32, 0x30,
        0x30, 0x30, 0x35, 0x33, 0x39, 0x31, 0x40, 0x6d, 0x6e, 0x63, 0x30, 0x32, 0x33, 0x2e, 0x6d,
        0x63, 0x63, 0x32, 0x39, 0x35, 0x2e, 0x6f, 0x77, 0x6c, 0x61, 0x6e, 0x2e, 0x6f, 0x72, 0x67};
    auto m = parse_eap(eap);
    REQUIRE(m);
    CHECK(m->code == k_eap_response);
    CHECK(m->id == 2);
    CHECK(m->length == 45);
    CHECK_FALSE(m->length_mismatch);
    CHECK(m->type == k_eap_identity);
    CHECK(m->identity == "1295023820005391@mnc023.mcc295.owlan.org");
}

TEST_CASE("Request/EAP-SIM from tcpdump-eapon1.pcap frame 20 carries type 18") {
    const std::array<std::uint8_t, 20> eap{0x01, 0x10, 0x00, 0x14, 0x12, 0x0a, 0x00, 0x00, 0x0f, 0x02,
                                           0x00, 0x02, 0x00, 0x01, 0x00, 0x00, 0x11, 0x01, 0x01, 0x00};
    auto m = parse_eap(eap);
    REQUIRE(m);
    CHECK(m->code == k_eap_request);
    CHECK(m->id == 16);
    CHECK(m->type == k_eap_sim);
    CHECK(m->type_data.size() == 15);
}

TEST_CASE("Legacy NAK from eap-tls-nocert-wired.pcap frame 5: desired type 0 (no alternative)") {
    const std::array<std::uint8_t, 6> eap{0x02, 0x88, 0x00, 0x06, 0x03, 0x00};
    auto m = parse_eap(eap);
    REQUIRE(m);
    CHECK(m->id == 136);
    CHECK(m->type == k_eap_nak);
    CHECK(m->nak_desired == std::vector<std::uint32_t>{0});
    CHECK(eap_type_name(0) == "none");
}

TEST_CASE("Legacy NAK asking for PEAP then TTLS (RFC 3748 5.3.1)") {
    const std::array<std::uint8_t, 7> eap{0x02, 0x05, 0x00, 0x07, 0x03, 25, 21};
    auto m = parse_eap(eap);
    REQUIRE(m);
    CHECK(m->nak_desired == std::vector<std::uint32_t>{25, 21});
}

TEST_CASE("Expanded types (RFC 3748 5.7) and the Expanded NAK (5.3.2)") {
    SUBCASE("a vendor method is noted with vendor id and type") {
        const std::array<std::uint8_t, 13> eap{0x01, 0x07, 0x00, 0x0d, 0xfe, 0x00, 0x37,
                                               0x2a, 0x00, 0x00, 0x00, 0x01, 0xaa};
        auto m = parse_eap(eap);
        REQUIRE(m);
        CHECK(m->type == k_eap_expanded);
        REQUIRE(m->expanded);
        CHECK(m->expanded->vendor_id == 0x00372a); // WFA
        CHECK(m->expanded->vendor_type == 1);
        CHECK(m->type_data.size() == 1);
    }
    SUBCASE("an Expanded NAK lists IETF types as vendor 0") {
        const std::array<std::uint8_t, 28> eap{
            0x02, 0x07, 0x00, 0x1c, 0xfe, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, // header, vendor 0 type 3
            0xfe, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0d,                         // EAP-TLS
            0xfe, 0x00, 0x37, 0x2a, 0x00, 0x00, 0x00, 0x01};                        // a WFA method
        auto m = parse_eap(eap);
        REQUIRE(m);
        CHECK(m->nak_desired == std::vector<std::uint32_t>{13, 254});
    }
    SUBCASE("a cut expanded header is an error") {
        const std::array<std::uint8_t, 8> eap{0x01, 0x07, 0x00, 0x08, 0xfe, 0x00, 0x00, 0x00};
        auto m = parse_eap(eap);
        REQUIRE_FALSE(m);
        CHECK(m.error().kind == ErrorKind::truncated);
    }
}

TEST_CASE("EAP-Success with Ethernet padding (tcpdump-eapon1.pcap frame 24) and length mismatches") {
    SUBCASE("trailing bytes beyond the length are not EAP, and are flagged") {
        const std::array<std::uint8_t, 8> eap{0x03, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00};
        auto m = parse_eap(eap);
        REQUIRE(m);
        CHECK(m->code == k_eap_success);
        CHECK(m->type == 0);
        CHECK(m->length_mismatch);
    }
    SUBCASE("a length longer than the frame is trusted only within the frame") {
        const std::array<std::uint8_t, 7> eap{0x02, 0x01, 0x00, 0x40, 0x01, 'a', 'b'};
        auto m = parse_eap(eap);
        REQUIRE(m);
        CHECK(m->length_mismatch);
        CHECK(m->identity == "ab");
    }
    SUBCASE("a length under the 4-byte header is malformed") {
        const std::array<std::uint8_t, 4> eap{0x03, 0x00, 0x00, 0x03};
        auto m = parse_eap(eap);
        REQUIRE_FALSE(m);
        CHECK(m.error().kind == ErrorKind::bad_length);
    }
    SUBCASE("a Request without a type is truncated") {
        const std::array<std::uint8_t, 4> eap{0x01, 0x00, 0x00, 0x04};
        CHECK_FALSE(parse_eap(eap));
    }
    SUBCASE("fewer than 4 bytes") {
        const std::array<std::uint8_t, 3> eap{0x01, 0x00, 0x00};
        CHECK_FALSE(parse_eap(eap));
    }
}

TEST_CASE("Identity keeps the bytes after a NUL") {
    const std::array<std::uint8_t, 12> eap{0x02, 0x01, 0x00, 0x0c, 0x01, 'u', 's', 'r', 0x00, 'n', 'a', 'i'};
    auto m = parse_eap(eap);
    REQUIRE(m);
    CHECK(m->identity == std::string("usr\0nai", 7));
}

TEST_CASE("EAP type and code names follow IANA") {
    CHECK(eap_code_name(1) == "request");
    CHECK(eap_code_name(4) == "failure");
    CHECK(eap_code_name(9) == "unknown(9)");
    CHECK(eap_type_name(13) == "tls");
    CHECK(eap_type_name(25) == "peap");
    CHECK(eap_type_name(23) == "aka"); // the GUIDELINE's "AKA'" is 50 in the IANA registry
    CHECK(eap_type_name(50) == "aka-prime");
    CHECK(eap_type_name(55) == "teap");
    CHECK(eap_type_name(200) == "unknown(200)");
    CHECK(eap_is_tls_family(k_eap_tls));
    CHECK(eap_is_tls_family(k_eap_peap));
    CHECK(eap_is_tls_family(k_eap_ttls));
    CHECK(eap_is_tls_family(k_eap_fast));
    CHECK(eap_is_tls_family(k_eap_teap));
    CHECK_FALSE(eap_is_tls_family(k_eap_md5));
}

TEST_CASE("EAP-TLS fragment headers from real captures") {
    SUBCASE("EAP-TLS Start, eap-tls-wired.pcap frame 4 (flags 0x20)") {
        const std::array<std::uint8_t, 6> eap{0x01, 0x99, 0x00, 0x06, 0x0d, 0x20};
        auto m = parse_eap(eap);
        REQUIRE(m);
        auto f = parse_eap_tls(m->type, m->type_data);
        REQUIRE(f);
        CHECK(f->start);
        CHECK_FALSE(f->length_included);
        CHECK(f->data.empty());
        CHECK_FALSE(f->is_ack());
    }
    SUBCASE("first fragment with L and M, eap-tls-wired.pcap frame 6 (flags 0xc0, length 2122)") {
        // The EAP header and the first bytes of the fragment: tshark eap.tls.len 2122.
        const std::array<std::uint8_t, 15> type_data{0xc0, 0x00, 0x00, 0x08, 0x4a, 0x16, 0x03, 0x03,
                                                     0x00, 0x3d, 0x02, 0x00, 0x00, 0x39, 0x03};
        auto f = parse_eap_tls(k_eap_tls, type_data);
        REQUIRE(f);
        CHECK(f->length_included);
        CHECK(f->more_fragments);
        CHECK(f->message_length == 2122u);
        CHECK(f->data.size() == 10);
        CHECK(f->data[0] == 0x16); // a TLS handshake record begins the data
    }
    SUBCASE("ACK, ws-wpa-eap-tls.pcap frame 8 (flags 0x00, no data)") {
        const std::array<std::uint8_t, 6> eap{0x02, 0xc8, 0x00, 0x06, 0x0d, 0x00};
        auto m = parse_eap(eap);
        REQUIRE(m);
        auto f = parse_eap_tls(m->type, m->type_data);
        REQUIRE(f);
        CHECK(f->is_ack());
    }
    SUBCASE("PEAP Start with version bits, ws-wpa2-ft-eap.pcapng frame 12 (flags 0x21)") {
        const std::array<std::uint8_t, 6> eap{0x01, 0x15, 0x00, 0x06, 0x19, 0x21};
        auto m = parse_eap(eap);
        REQUIRE(m);
        CHECK(m->type == k_eap_peap);
        auto f = parse_eap_tls(m->type, m->type_data);
        REQUIRE(f);
        CHECK(f->start);
        CHECK(f->version == 1);
    }
    SUBCASE("L set but the length cut short is an error") {
        const std::array<std::uint8_t, 3> type_data{0x80, 0x00, 0x00};
        auto f = parse_eap_tls(k_eap_tls, type_data);
        REQUIRE_FALSE(f);
        CHECK(f.error().kind == ErrorKind::truncated);
    }
    SUBCASE("empty type data is an error") {
        CHECK_FALSE(parse_eap_tls(k_eap_tls, Bytes{}));
    }
}

TEST_CASE("TEAP outer TLVs (RFC 7170 4.1) are not part of the TLS data") {
    // Flags L|O, message length 3, outer TLV length 2; 3 TLS bytes then 2 bytes of outer TLV.
    const std::array<std::uint8_t, 14> type_data{0x90, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00,
                                                 0x00, 0x02, 0x16, 0x03, 0x03, 0xaa, 0xbb};
    auto f = parse_eap_tls(k_eap_teap, type_data);
    REQUIRE(f);
    CHECK(f->outer_tlv_length == 2u);
    CHECK(f->data.size() == 3);
    SUBCASE("the same flags under EAP-TLS keep every byte as TLS (bit 0x10 is reserved there)") {
        auto g = parse_eap_tls(k_eap_tls, type_data);
        REQUIRE(g);
        CHECK_FALSE(g->outer_tlv_length);
        CHECK(g->data.size() == 9);
    }
    SUBCASE("an outer TLV length beyond the data is malformed") {
        auto bad = type_data;
        bad[8] = 0x20;
        auto g = parse_eap_tls(k_eap_teap, bad);
        REQUIRE_FALSE(g);
        CHECK(g.error().kind == ErrorKind::bad_length);
    }
}

TEST_CASE("the EAP method table: what each method authenticates with (GUIDELINE 8021x-eap-tls)") {
    CHECK(eap_credential(k_eap_tls) == EapCredential::certificate);
    for (auto t : {k_eap_peap, k_eap_ttls, k_eap_fast, k_eap_teap})
        CHECK(eap_credential(t) == EapCredential::tunnel);
    for (auto t : {k_eap_md5, k_eap_gtc, k_eap_leap, k_eap_mschapv2, k_eap_pwd})
        CHECK(eap_credential(t) == EapCredential::password);
    for (auto t : {k_eap_sim, k_eap_aka, k_eap_aka_prime})
        CHECK(eap_credential(t) == EapCredential::sim);
    CHECK(eap_credential(k_eap_identity) == EapCredential::none);
    CHECK(eap_credential(200) == EapCredential::other);
    CHECK_FALSE(eap_password_capable(k_eap_sim));
    CHECK(eap_password_capable(k_eap_peap));
    CHECK_FALSE(eap_is_tls_family(k_eap_sim));
}
