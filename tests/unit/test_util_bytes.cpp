#include <doctest/doctest.h>

#include <array>

#include "util/addr.hpp"
#include "util/bytes.hpp"

using namespace isoprobe;

TEST_CASE("ByteReader reads big and little endian and never past the end") {
    const std::array<std::uint8_t, 5> data{0x01, 0x02, 0x03, 0x04, 0x05};
    ByteReader r{Bytes(data)};
    CHECK(r.u16be() == 0x0102);
    CHECK(r.u16le() == 0x0403);
    CHECK(r.remaining() == 1);
    CHECK(r.u16be() == 0);
    CHECK(r.failed());
    CHECK(r.remaining() == 0);
    CHECK(r.take(1).empty());
}

TEST_CASE("addresses print and parse") {
    auto m = MacAddr::parse("F8:ed:a5:c0:a4:f1");
    REQUIRE(m);
    CHECK(m->str() == "f8:ed:a5:c0:a4:f1");
    CHECK_FALSE(m->is_group());
    CHECK_FALSE(MacAddr::parse("f8:ed:a5:c0:a4"));
    CHECK_FALSE(MacAddr::parse("g8:ed:a5:c0:a4:f1"));
    auto v6 = IpAddr::parse("2001:db8:0:0:0:0:0:1");
    REQUIRE(v6);
    CHECK(v6->str() == "2001:db8::1");
    auto v4 = IpAddr::parse("224.0.0.251");
    REQUIRE(v4);
    CHECK(v4->is_multicast());
    CHECK(v4->v4_host_order() == 0xe00000fbu);
}
