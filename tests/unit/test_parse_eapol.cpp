// EAPOL PDUs (IEEE 802.1X-2010 11.3): header fields, padding, truncation.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>

#include "parse/eapol.hpp"

using namespace isoprobe;
using namespace isoprobe::parse;

TEST_CASE("EAPOL-Start from tcpdump-eapon1.pcap frame 17: version 1, type 1, empty body, padding ignored") {
    const std::array<std::uint8_t, 5> pdu{0x01, 0x01, 0x00, 0x00, 0x00};
    auto p = parse_eapol(pdu);
    REQUIRE(p);
    CHECK(p->version == 1);
    CHECK(p->type == k_eapol_start);
    CHECK(p->body_length == 0);
    CHECK(p->body.empty());
    CHECK_FALSE(p->truncated);
}

TEST_CASE(
    "EAPOL EAP-Packet from tcpdump-eapon1.pcap frame 24: the body stops at the length, not the padding") {
    // tshark: eapol.version 1, eapol.type 0, eapol.len 4 (EAP-Success), 42 bytes of Ethernet padding after
    // it.
    std::array<std::uint8_t, 46> pdu{0x01, 0x00, 0x00, 0x04, 0x03, 0x00, 0x00, 0x04};
    auto p = parse_eapol(pdu);
    REQUIRE(p);
    CHECK(p->type == k_eapol_eap);
    CHECK(p->body_length == 4);
    REQUIRE(p->body.size() == 4);
    CHECK(p->body[0] == 0x03);
    CHECK_FALSE(p->truncated);
}

TEST_CASE("EAPOL from eap-tls-nocert-wired.pcap frame 5: version 2 (802.1X-2004), Legacy NAK body") {
    const std::array<std::uint8_t, 10> pdu{0x02, 0x00, 0x00, 0x06, 0x02, 0x88, 0x00, 0x06, 0x03, 0x00};
    auto p = parse_eapol(pdu);
    REQUIRE(p);
    CHECK(p->version == 2);
    CHECK(p->body.size() == 6);
}

TEST_CASE("EAPOL truncation") {
    SUBCASE("header shorter than 4 bytes is an error") {
        const std::array<std::uint8_t, 3> pdu{0x02, 0x00, 0x00};
        auto p = parse_eapol(pdu);
        REQUIRE_FALSE(p);
        CHECK(p.error().kind == ErrorKind::truncated);
    }
    SUBCASE("body shorter than declared is kept and flagged") {
        const std::array<std::uint8_t, 6> pdu{0x02, 0x00, 0x00, 0x0a, 0x01, 0x02};
        auto p = parse_eapol(pdu);
        REQUIRE(p);
        CHECK(p->truncated);
        CHECK(p->body_length == 10);
        CHECK(p->body.size() == 2);
    }
}

TEST_CASE("EAPOL packet type names (IEEE 802.1X-2010 Table 11-3)") {
    CHECK(eapol_type_name(0) == "eap-packet");
    CHECK(eapol_type_name(1) == "start");
    CHECK(eapol_type_name(2) == "logoff");
    CHECK(eapol_type_name(3) == "key");
    CHECK(eapol_type_name(5) == "mka");
    CHECK(eapol_type_name(42) == "unknown(42)");
}
