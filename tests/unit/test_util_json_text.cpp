// Names from the OS (interface, host and file names) need not be UTF-8 (src/util/json_text.cpp and its
// callers): every renderer must still write the report, showing the name escaped and its exact bytes.
#include <doctest/doctest.h>

#include <string>

#include "report/html.hpp"
#include "report/json.hpp"
#include "report/jsonl.hpp"
#include "report/prometheus.hpp"
#include "report/text.hpp"
#include "tests/unit/test_model_util.hpp"
#include "util/escape.hpp"
#include "util/json_text.hpp"

using namespace isoprobe;
using nlohmann::json;
using test::plain;

namespace {

const std::string k_interface = "bad\xff"
                                "if0"; // 0xff: never valid in UTF-8
const std::string k_interface_hex = "626164ff696630";

model::Report live_report(const std::string& interface) {
    model::Report r;
    r.command = "probe";
    r.verdict = model::Status::pass;
    r.requirements = {{"terminal-isolation", model::Status::pass, {plain("no probe reached " + interface)}}};
    r.segment = model::SegmentInfo{
        interface, "", *IpAddr::parse("198.51.100.10"), "198.51.100.0/24", {}, {}, std::nullopt};
    r.controls = {{"link", false, plain(interface + " lost its carrier")}};
    r.run.emplace(model::RunInfo{.started_ns = 1'700'000'000'000'000'000,
                                 .finished_ns = 1'700'000'001'000'000'000,
                                 .host = "lab",
                                 .phases = {},
                                 .files = {"/tmp/report.json"},

                                 .provenance = {},

                                 .analysis = std::nullopt});
    return r;
}

bool has(const std::string& text, const std::string& what) {
    return text.find(what) != std::string::npos;
}

} // namespace

TEST_CASE("an interface name with a 0xff byte reaches every renderer escaped, with its bytes") {
    const auto r = live_report(k_interface);

    const json j = json::parse(dump_json(report::to_json(r), 2));
    CHECK(j["segment"]["interface"] == "bad\\xffif0");
    CHECK(j["segment"]["interface_hex"] == k_interface_hex);
    // Sentences that quote the name stay readable; the name's own field is the lossless one.
    CHECK(j["requirements"][0]["reasons"][0] == "no probe reached bad\\xffif0");
    CHECK(j["controls"][0]["detail"] == "bad\\xffif0 lost its carrier");

    const std::string text = report::to_text(r, false);
    CHECK(has(text, "on bad\\xffif0 (hex " + k_interface_hex + ")"));
    CHECK(is_utf8(text));

    const std::string html = report::to_html(r, report::Lang::en);
    CHECK(has(html, "bad\\xffif0</span> (hex " + k_interface_hex + ")"));
    CHECK(is_utf8(html));

    const std::string lines = report::to_jsonl(r, std::nullopt);
    REQUIRE_FALSE(lines.empty());
    const json first = json::parse(lines.substr(0, lines.find('\n')));
    CHECK(first["scope"] == "bad\\xffif0");
    CHECK(first["scope_hex"] == k_interface_hex);

    const std::string prom = report::to_prometheus(r);
    CHECK(has(prom, "interface=\"bad\\\\xffif0\""));
    CHECK(is_utf8(prom));
}

TEST_CASE("a UTF-8 name is written as it is, without hex") {
    const auto r = live_report("eth0");
    const json j = json::parse(dump_json(report::to_json(r)));
    CHECK(j["segment"]["interface"] == "eth0");
    CHECK_FALSE(j["segment"].contains("interface_hex"));
    CHECK_FALSE(j["run"].contains("host_hex"));
    CHECK_FALSE(j["run"].contains("files_hex"));
    CHECK_FALSE(has(report::to_text(r, false), "(hex "));
}

TEST_CASE("host, sentinel and written files that are not UTF-8 keep their bytes in JSON") {
    auto r = live_report("eth0");
    r.segment->sentinel = "s\xfe";
    r.run->host = "h\\\xff";
    r.run->files = {"/tmp/plain.json", "/tmp/r\xff.html"};
    const json j = json::parse(dump_json(report::to_json(r)));
    CHECK(j["segment"]["sentinel"] == "s\\xfe");
    CHECK(j["segment"]["sentinel_hex"] == "73fe");
    CHECK(j["run"]["host"] == "h\\\\\\xff"); // the backslash doubled: the escaped text stays unambiguous
    CHECK(j["run"]["host_hex"] == "685cff");
    CHECK(j["run"]["files"] == json::array({"/tmp/plain.json", "/tmp/r\\xff.html"}));
    CHECK(j["run"]["files_hex"] ==
          json::array({hex_string("/tmp/plain.json"), hex_string("/tmp/r\xff.html")}));
}

TEST_CASE("dump_json never throws on bytes that are not UTF-8") {
    nlohmann::ordered_json j;
    j["reason"] = "caf\xe9 \xff";
    j["nested"] = {{"list", {"ok", "\xc3("}}};
    CHECK(dump_json(j) == R"({"reason":"caf\\xe9 \\xff","nested":{"list":["ok","\\xc3("]}})");
    CHECK_THROWS(j.dump()); // what every dump() did before
}
