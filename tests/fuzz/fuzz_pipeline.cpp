// libFuzzer target for the whole inspect pipeline (tests/fuzz/pipeline.hpp): any capture bytes give one line
// of error or a report that every renderer writes, never a crash, an exception or a malformed JSON report.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/pipeline.hpp"

using namespace isoprobe;

volatile std::size_t g_sink = 0;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto result = fuzz::run_pipeline(Bytes(data, size));
    if (!fuzz::pipeline_problem(result).empty()) __builtin_trap();
    g_sink = result.json.size();
    return 0;
}
