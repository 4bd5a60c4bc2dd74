// The Prometheus exposition of the report: escaping, one-hot statuses, families and labels.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "report/prometheus.hpp"
#include "tests/unit/test_model_util.hpp"

using namespace isoprobe;
using test::plain;

namespace {

model::Report probe_report() {
    model::Report r;
    r.command = "probe";
    r.verdict = model::Status::fail;
    r.requirements = {{"terminal-isolation", model::Status::fail, {}},
                      {"wlan-encryption", model::Status::not_tested, {}}};
    auto& seg = r.segment.emplace();
    seg.interface = "probe0";
    seg.peers.resize(3);
    const model::Endpoint p{MacAddr::parse("02:00:00:00:00:0b"), *IpAddr::parse("198.51.100.11")};
    r.probes = {{p, true, "icmp", model::ProbeOutcome::reached, {}, {}},
                {p, true, "arp", model::ProbeOutcome::not_reached, {}, {}},
                {{}, false, "icmp", model::ProbeOutcome::reached, {}, {}}};
    r.controls = {{"gateway-arp", true, {}}, {"no-drops", false, plain("3 frames dropped")}};
    r.run.emplace(model::RunInfo{.started_ns = 1'700'000'000'000'000'000,
                                 .finished_ns = 1'700'000'002'250'000'000,
                                 .host = "lab",
                                 .phases = {},
                                 .files = {},

                                 .provenance = {},

                                 .analysis = std::nullopt});
    return r;
}

bool has_line(const std::string& text, const std::string& line) {
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
        if (l == line) return true;
    return false;
}

} // namespace

TEST_CASE("label values are escaped as the exposition format requires") {
    CHECK(report::prometheus_label_value("eth0") == "eth0");
    CHECK(report::prometheus_label_value("a\\b") == "a\\\\b");
    CHECK(report::prometheus_label_value("say \"hi\"") == "say \\\"hi\\\"");
    CHECK(report::prometheus_label_value("two\nlines") == "two\\nlines");
    auto r = probe_report();
    r.segment->interface = "we\"ird\\if\n";
    CHECK(report::to_prometheus(r).find("interface=\"we\\\"ird\\\\if\\n\"") != std::string::npos);
}

TEST_CASE("a live report as metrics") {
    const auto text = report::to_prometheus(probe_report());
    const std::string common = "command=\"probe\",interface=\"probe0\"";
    SUBCASE("statuses are one-hot over every status") {
        for (const auto& [status, v] :
             {std::pair{"pass", 0}, {"fail", 1}, {"inconclusive", 0}, {"not-tested", 0}})
            CHECK(has_line(text, "isoprobe_requirement_status{" + common +
                                     ",requirement=\"terminal-isolation\",status=\"" + status + "\"} " +
                                     std::to_string(v)));
        CHECK(has_line(text, "isoprobe_requirement_status{" + common +
                                 ",requirement=\"wlan-encryption\",status=\"not-tested\"} 1"));
        CHECK(has_line(text, "isoprobe_verdict{" + common + ",status=\"fail\"} 1"));
        CHECK(has_line(text, "isoprobe_verdict{" + common + ",status=\"pass\"} 0"));
    }
    SUBCASE("reached counts per method, zero included; peers; controls; duration and timestamp") {
        CHECK(has_line(text, "isoprobe_peers_reached{" + common + ",method=\"icmp\"} 2"));
        CHECK(has_line(text, "isoprobe_peers_reached{" + common + ",method=\"arp\"} 0"));
        CHECK(has_line(text, "isoprobe_peers_found{" + common + "} 3"));
        CHECK(has_line(text, "isoprobe_control_ok{" + common + ",control=\"gateway-arp\"} 1"));
        CHECK(has_line(text, "isoprobe_control_ok{" + common + ",control=\"no-drops\"} 0"));
        CHECK(has_line(text, "isoprobe_run_duration_seconds{" + common + "} 2.250"));
        CHECK(has_line(text, "isoprobe_last_run_timestamp_seconds{" + common + "} 1700000002.250"));
    }
    SUBCASE("every sample follows its family's HELP and TYPE") {
        std::istringstream in(text);
        std::string family;
        for (std::string l; std::getline(in, l);) {
            if (l.starts_with("# HELP ")) {
                family = l.substr(7, l.find(' ', 7) - 7);
                std::string type;
                REQUIRE(std::getline(in, type));
                CHECK(type == "# TYPE " + family + " gauge");
            } else {
                CHECK(l.starts_with(family + "{"));
            }
        }
    }
}

TEST_CASE("a replay has no interface, probes or controls") {
    model::Report r;
    r.command = "inspect";
    r.requirements = {{"terminal-isolation", model::Status::pass, {}}};
    r.verdict = model::Status::pass;
    const auto text = report::to_prometheus(r);
    CHECK(text.find("interface=") == std::string::npos);
    CHECK(text.find("isoprobe_peers_reached") == std::string::npos);
    CHECK(text.find("isoprobe_control_ok") == std::string::npos);
    CHECK(text.find("isoprobe_run_duration_seconds") == std::string::npos); // no run section: no times
    CHECK(has_line(text, "isoprobe_requirement_status{command=\"inspect\",requirement=\"terminal-isolation\","
                         "status=\"pass\"} 1"));
}
