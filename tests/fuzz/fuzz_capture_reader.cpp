// libFuzzer target for the capture readers (pcap, pcapng, gzip): any bytes end cleanly or with one error.
#include <cstddef>
#include <cstdint>

#include "capture/capture_reader.hpp"
#include "capture/source.hpp"

using namespace isoprobe;
using namespace isoprobe::capture;

// Keeps the reads of every frame byte from being optimised away.
volatile std::uint64_t g_sink = 0;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto opened = open_capture_memory(Bytes(data, size), "fuzz", 1);
    if (!opened) return 0;
    FrameSource& source = **opened;
    std::uint64_t expected_number = 1;
    std::uint64_t bytes = 0;
    for (;;) {
        auto next = source.next();
        if (!next || *next == nullptr) break;
        const Frame& frame = **next;
        // The readers' promises: consecutive numbers, no frame over the cap.
        if (frame.number != expected_number++ || frame.bytes.size() > k_max_frame) __builtin_trap();
        for (std::uint8_t b : frame.bytes)
            bytes += b; // touch every byte so ASan sees any bad span
    }
    if (source.stats().frames != expected_number - 1) __builtin_trap();
    g_sink = bytes;
    return 0;
}
