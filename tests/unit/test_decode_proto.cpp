// Tests for src/decode/proto.cpp: the names the report prints for labels and anomalies.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "decode/packet.hpp"

using namespace isoprobe::decode;

TEST_CASE("proto_name names every label once") {
    CHECK(proto_name(Proto::arp) == "arp");
    CHECK(proto_name(Proto::icmpv6) == "icmpv6");
    CHECK(proto_name(Proto::ndp) == "ndp");
    CHECK(proto_name(Proto::netbios_ssn) == "netbios_ssn");
    CHECK(proto_name(Proto::l2) == "l2");
    CHECK(proto_name(Proto::cdp) == "cdp");
    std::set<std::string> names;
    for (std::size_t i = 0; i < static_cast<std::size_t>(Proto::count_); ++i) {
        const auto name = proto_name(static_cast<Proto>(i));
        CHECK_FALSE(name.empty());
        CHECK(name != "unknown");
        names.emplace(name);
    }
    CHECK(names.size() == static_cast<std::size_t>(Proto::count_));
    CHECK(proto_name(Proto::count_) == "unknown");
}

TEST_CASE("anomaly_name names every anomaly once") {
    CHECK(anomaly_name(Anomaly::none) == "none");
    CHECK(anomaly_name(Anomaly::unknown_link_type) == "unknown_link_type");
    CHECK(anomaly_name(Anomaly::truncated_link_header) == "truncated_link_header");
    CHECK(anomaly_name(Anomaly::truncated_network_header) == "truncated_network_header");
    CHECK(anomaly_name(Anomaly::truncated_transport_header) == "truncated_transport_header");
    CHECK(anomaly_name(Anomaly::bad_ip_header) == "bad_ip_header");
    CHECK(anomaly_name(Anomaly::bad_radiotap) == "bad_radiotap");
    CHECK(anomaly_name(Anomaly::count_) == "unknown");
}
