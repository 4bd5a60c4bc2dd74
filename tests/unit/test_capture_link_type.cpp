// Tests for link-type names (src/capture/link_type.cpp): values from tcpdump.org linktypes.html.
#include <doctest/doctest.h>

#include "capture/frame.hpp"

using isoprobe::capture::link_type_name;

TEST_CASE("link type names") {
    CHECK(link_type_name(1) == "ethernet");
    CHECK(link_type_name(105) == "ieee802_11");
    CHECK(link_type_name(127) == "ieee802_11_radiotap");
    CHECK(link_type_name(113) == "linux_sll");
    CHECK(link_type_name(276) == "linux_sll2");
    CHECK(link_type_name(0) == "null");
    CHECK(link_type_name(228) == "ipv4");
    CHECK(link_type_name(147) == "linktype-147"); // LINKTYPE_USER0
    CHECK(link_type_name(65535) == "linktype-65535");
}

TEST_CASE("the link type table: how each is read") {
    using isoprobe::capture::Framing;
    using isoprobe::capture::link_type_info;
    CHECK(link_type_info(192).framing == Framing::ppi);
    CHECK(link_type_info(119).framing == Framing::dot11_prism);
    CHECK(link_type_info(163).framing == Framing::dot11_avs);
    CHECK(link_type_info(12).framing == Framing::raw_ip);
    CHECK(link_type_info(50).framing == Framing::ppp);
    CHECK(link_type_info(107).framing == Framing::unread); // Frame Relay: named, not read
    CHECK(link_type_info(147).framing == Framing::unread);
    CHECK(link_type_name(239) == "nflog");
    CHECK(link_type_name(12) == "raw");
    CHECK(isoprobe::capture::ip_only(Framing::nflog));
    CHECK_FALSE(isoprobe::capture::ip_only(Framing::linux_sll));
    for (const auto& row : isoprobe::capture::link_types())
        CHECK(link_type_info(row.value).name == row.name);
}
