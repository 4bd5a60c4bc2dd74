// The inspect pipeline as one function (src/analyze/inspect.cpp, inspect_captures) and the whole pipeline the
// fuzzer runs (tests/fuzz/pipeline.hpp) over every capture, the reproducers of captures/bad/ included.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "analyze/inspect.hpp"
#include "report/json.hpp"
#include "tests/fuzz/pipeline.hpp"

using namespace isoprobe;
namespace fs = std::filesystem;

namespace {

const fs::path k_captures = fs::path(ISOPROBE_SOURCE_DIR) / "captures";

std::vector<std::uint8_t> read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<fs::path> captures_in(const fs::path& dir) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().extension() != ".md") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

void check_pipeline(const fs::path& path) {
    INFO(path.string());
    const auto bytes = read_bytes(path);
    fuzz::PipelineResult result;
    CHECK_NOTHROW(result = fuzz::run_pipeline(Bytes(bytes.data(), bytes.size())));
    CHECK(fuzz::pipeline_problem(result) == "");
}

} // namespace

TEST_CASE("inspect_captures over bytes in memory gives what inspect_files gives for the file") {
    // A plain capture, a gzip'd pcapng, one cut short after its first frame, one cut short before any frame.
    for (const char* name : {"h1-open.pcap", "ws-wpa3-sae.pcapng.gz",
                             "scapy-bad_rsn_parsing_overrides_ssid.pcap", "bad/truncated-record-body.pcap"}) {
        INFO(std::string(name));
        const fs::path path = k_captures / name;
        const auto bytes = read_bytes(path);
        auto from_file = analyze::inspect_files({path.string()}, {});
        auto from_memory = analyze::inspect_captures({path.string()},
                                                     [&bytes](const std::string& n, std::uint64_t first) {
                                                         return capture::open_capture_memory(
                                                             Bytes(bytes.data(), bytes.size()), n, first);
                                                     },
                                                     {});
        REQUIRE(from_file.has_value() == from_memory.has_value());
        if (!from_file) {
            CHECK(from_memory.error() == from_file.error());
            continue;
        }
        CHECK(from_file->capture.files.at(0).frames > 0);
        CHECK(report::to_json(*from_memory).dump() == report::to_json(*from_file).dump());
    }
}

TEST_CASE("the whole pipeline (every renderer) over every reproducer in captures/bad/") {
    const auto files = captures_in(k_captures / "bad");
    REQUIRE(files.size() >= 17);
    for (const auto& f : files)
        check_pipeline(f);
}

TEST_CASE("the whole pipeline over every shared capture") {
    const auto files = captures_in(k_captures);
    REQUIRE(files.size() >= 40);
    for (const auto& f : files)
        check_pipeline(f);
}

TEST_CASE("the pipeline's checks catch what they are for") {
    fuzz::PipelineResult multi_line;
    multi_line.error = "fuzz.pcap: truncated\nsecond line";
    CHECK(fuzz::pipeline_problem(multi_line) != "");
    CHECK(fuzz::pipeline_problem(fuzz::PipelineResult{}) != "");

    const auto good = fuzz::run_pipeline(Bytes());
    CHECK(good.error != ""); // zero bytes are not a capture
    CHECK(fuzz::pipeline_problem(good) == "");

    const auto bytes = read_bytes(k_captures / "h1-open.pcap");
    const auto report = fuzz::run_pipeline(Bytes(bytes.data(), bytes.size()));
    REQUIRE(fuzz::pipeline_problem(report) == "");
    auto broken = report;
    broken.json.pop_back();
    broken.json.pop_back(); // the closing brace
    CHECK(fuzz::pipeline_problem(broken) == "the JSON report does not parse");
    auto no_inventory = report;
    no_inventory.json =
        R"({"schema": "isoprobe.report/1", "command": "inspect", "verdict": "pass", "requirements": []})";
    CHECK(fuzz::pipeline_problem(no_inventory) != "");
    auto bad_jsonl = report;
    bad_jsonl.jsonl.at(0) += "{\n";
    CHECK(fuzz::pipeline_problem(bad_jsonl) == "a JSONL line does not parse");
}
