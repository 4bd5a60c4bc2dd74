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
