// RADIUS packets (RFC 2865 3, 5; RFC 3579 3) and the station ids of RFC 3580 3.20-3.21.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parse/eap.hpp"
#include "parse/radius.hpp"
#include "test_hex_util.hpp"

using namespace isoprobe;
using namespace isoprobe::parse;
using isoprobe::test::hex;

namespace {

std::string text(const std::optional<Bytes>& b) {
    return b ? std::string(b->begin(), b->end()) : std::string("(none)");
}

// Zeek testing/btest/Traces/radius/radius.pcap frame 1 (tshark: Access-Request, id 5, length 139, 10 AVPs).
const std::vector<std::uint8_t> k_zeek_request = hex(
    "0105008b ecfe3d2fe4473ec6299095ee46aedf77 04060a000001 05060000c35c 3d060000000f "
    "010e4a6f686e2e4d63477569726b"
    "1e1330302d31392d30362d45412d42382d3843 1f1330302d31342d32322d45392d35342d3545 0606000000020c06000005dc"
    "4f1302000011014a6f686e2e4d63477569726b 501228c5beb8842486da70db51316f9d7889");

} // namespace

TEST_CASE("Access-Request from zeek radius.pcap frame 1") {
    auto p = parse_radius(k_zeek_request);
    REQUIRE(p);
    CHECK(p->code == k_radius_access_request);
    CHECK(p->id == 5);
    CHECK(p->length == 139);
    CHECK(p->authenticator[0] == 0xec);
    CHECK(p->authenticator[15] == 0x77);
    CHECK(p->attributes.size() == 10);
    CHECK(text(p->user_name) == "John.McGuirk");
    CHECK(text(p->called_station_id) == "00-19-06-EA-B8-8C");
    CHECK(text(p->calling_station_id) == "00-14-22-E9-54-5E");
    CHECK_FALSE(p->state);
    REQUIRE(p->nas_ip_address);
    CHECK(p->nas_ip_address->str() == "10.0.0.1");
    // tshark: eap.code 2, eap.id 0, eap.type 1, identity John.McGuirk
    REQUIRE(p->has_eap);
    auto eap = parse_eap(p->eap);
    REQUIRE(eap);
    CHECK(eap->code == k_eap_response);
    CHECK(eap->type == k_eap_identity);
    CHECK(eap->identity == "John.McGuirk");
}

TEST_CASE("EAP-Message attributes are joined in order") {
    // An EAP Response/Identity "abc" split over two attributes, then State.
    auto b =
        hex("0107 0025 00000000000000000000000000000000 4f05 0207 00 | 4f07 0801 6162 63 | 1805 7374 61");
    auto p = parse_radius(b);
    REQUIRE(p);
    CHECK(p->eap == hex("0207 0008 0161 6263"));
    CHECK(text(p->state) == "sta");
    auto eap = parse_eap(p->eap);
    REQUIRE(eap);
    CHECK(eap->identity == "abc");
}

TEST_CASE("Bytes past the length field are padding; a length beyond the bytes fails") {
    auto b = hex("0b01 0014 00000000000000000000000000000000 ffff");
    auto p = parse_radius(b);
    REQUIRE(p);
    CHECK(p->attributes.empty());
    CHECK_FALSE(p->has_eap);
    auto longer = hex("0b01 0030 00000000000000000000000000000000");
    CHECK(parse_radius(longer).error().kind == ErrorKind::bad_length);
    auto short_header = hex("0b01 0014 0000");
    CHECK(parse_radius(short_header).error().kind == ErrorKind::truncated);
    auto below_header = hex("0b01 0013 00000000000000000000000000000000");
    CHECK(parse_radius(below_header).error().kind == ErrorKind::bad_length);
}

TEST_CASE("An attribute shorter than its own header, or running past the packet, fails") {
    auto zero = hex("0101 0016 00000000000000000000000000000000 0101");
    auto e = parse_radius(zero);
    REQUIRE_FALSE(e);
    CHECK(e.error() == ParseError{ErrorKind::bad_length, 21});
    auto over = hex("0101 0017 00000000000000000000000000000000 4f0502");
    CHECK(parse_radius(over).error().kind == ErrorKind::bad_length);
    auto half = hex("0101 0015 00000000000000000000000000000000 4f");
    CHECK(parse_radius(half).error().kind == ErrorKind::truncated);
}

TEST_CASE("Station ids in the notations NASes use") {
    const MacAddr want{{0x00, 0x14, 0x22, 0xe9, 0x54, 0x5e}};
    for (const char* id : {"00-14-22-E9-54-5E", "00:14:22:e9:54:5e", "001422E9545E", "0014.22e9.545e",
                           "00-14-22-E9-54-5E:corp-wifi"}) {
        CAPTURE(id);
        CHECK(station_id_mac(id) == want);
    }
    for (const char* id :
         {"", "00-14-22-E9-54", "00-14-22-E9-54-5E-11", "00-14:22-E9-54-5E", "0014-22E9-545E-",
          "+81312345678", "10.0.0.1", "00-14-22-E9-54-5G", "001422E9545E11", "0-014-22-E9-54-5E"}) {
        CAPTURE(id);
        CHECK_FALSE(station_id_mac(id));
    }
}
