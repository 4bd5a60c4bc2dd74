// perf-pcapng-isb: reading interface statistics blocks must cost about what reading packets of the same size
// does. Each ISB once re-summed every interface's drops, so a file of N interfaces and N ISBs took O(N^2):
// 107 s for 300,000. Compares the process CPU time of reading, from memory, a pcapng of N (interface,
// statistics) block pairs with a plain pcapng of as many bytes, and fails above a ratio of 10, far over the
// noise (the quadratic case is > 1000). Timing never gates a unit test; this is a ctest of its own. Usage:
// perf_pcapng_isb [N] (default 1,000,000).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

#include "../unit/test_capture_util.hpp"

using namespace isoprobe;
using namespace isoprobe::capture;
using test::put_u16;
using test::put_u32;

namespace {

constexpr double k_max_ratio = 10;
constexpr int k_runs =
    3; // the best of three, for both files: cache misses after a preemption cost CPU time too

void put_u64(std::vector<std::uint8_t>& v, std::uint64_t x) {
    put_u32(v, static_cast<std::uint32_t>(x));
    put_u32(v, static_cast<std::uint32_t>(x >> 32));
}

// Little-endian blocks (draft-ietf-opsawg-pcapng sections 4.1, 4.2, 4.3, 4.6): type, length, body, length
// again.
void put_block(std::vector<std::uint8_t>& v, std::uint32_t type, const std::vector<std::uint8_t>& body) {
    const auto length = static_cast<std::uint32_t>(12 + body.size());
    put_u32(v, type);
    put_u32(v, length);
    v.insert(v.end(), body.begin(), body.end());
    put_u32(v, length);
}

std::vector<std::uint8_t> section_and_interface() {
    std::vector<std::uint8_t> out, shb, idb;
    put_u32(shb, 0x1a2b3c4d);
    put_u16(shb, 1);
    put_u16(shb, 0);
    put_u64(shb, UINT64_MAX); // section length not given
    put_block(out, 0x0a0d0d0a, shb);
    put_u16(idb, 1); // Ethernet
    put_u16(idb, 0);
    put_u32(idb, 0);
    put_block(out, 1, idb);
    return out;
}

// Interface k's statistics say k frames dropped, so the total is known: N (N - 1) / 2 over interfaces 0..N-1.
std::vector<std::uint8_t> statistics_capture(std::uint32_t pairs) {
    std::vector<std::uint8_t> out = section_and_interface();
    out.reserve(out.size() + std::size_t{pairs} * 60);
    std::vector<std::uint8_t> idb, isb;
    put_u16(idb, 1);
    put_u16(idb, 0);
    put_u32(idb, 0);
    for (std::uint32_t k = 0; k < pairs; ++k) {
        if (k > 0) put_block(out, 1, idb); // interface 0 came with the section header
        isb.clear();
        put_u32(isb, k);
        put_u32(isb, 0);
        put_u32(isb, k);
        put_u16(isb, 5); // isb_ifdrop
        put_u16(isb, 8);
        put_u64(isb, k);
        put_u32(isb, 0); // opt_endofopt
        put_block(out, 5, isb);
    }
    return out;
}

// Enhanced packet blocks of 60-byte frames (a minimal Ethernet frame) up to at least `bytes`.
std::vector<std::uint8_t> packet_capture(std::size_t bytes, std::uint64_t& frames) {
    std::vector<std::uint8_t> out = section_and_interface();
    out.reserve(bytes + 128);
    std::vector<std::uint8_t> epb;
    frames = 0;
    while (out.size() < bytes) {
        epb.clear();
        put_u32(epb, 0);
        put_u32(epb, 0);
        put_u32(epb, static_cast<std::uint32_t>(frames));
        put_u32(epb, 60);
        put_u32(epb, 60);
        for (std::uint32_t i = 0; i < 60; ++i)
            epb.push_back(static_cast<std::uint8_t>(frames + i));
        put_block(out, 6, epb);
        ++frames;
    }
    return out;
}

struct Timed {
    double cpu_s = 0;
    SourceStats stats;
};

// Best CPU time of k_runs full reads; exits on a read error, which would make the timing meaningless.
Timed read_timed(const std::vector<std::uint8_t>& data, const char* name) {
    Timed best{1e300, {}};
    for (int run = 0; run < k_runs; ++run) {
        const std::clock_t start = std::clock();
        auto source = open_capture_memory(Bytes(data), name);
        if (!source) {
            std::fprintf(stderr, "perf-pcapng-isb: %s\n", source.error().message.c_str());
            std::exit(1);
        }
        for (;;) {
            auto frame = (*source)->next();
            if (!frame) {
                std::fprintf(stderr, "perf-pcapng-isb: %s\n", frame.error().message.c_str());
                std::exit(1);
            }
            if (*frame == nullptr) break;
        }
        const double cpu_s = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
        if (cpu_s < best.cpu_s) best = {cpu_s, (*source)->stats()};
    }
    return best;
}

} // namespace

int main(int argc, char** argv) {
    const std::uint32_t pairs =
        argc > 1 ? static_cast<std::uint32_t>(std::strtoul(argv[1], nullptr, 10)) : 1'000'000;
    if (pairs == 0) {
        std::fprintf(stderr, "usage: perf_pcapng_isb [N > 0]\n");
        return 2;
    }
    const auto statistics = statistics_capture(pairs);
    std::uint64_t frames = 0;
    const auto packets = packet_capture(statistics.size(), frames);

    const Timed isb = read_timed(statistics, "statistics.pcapng");
    const Timed plain = read_timed(packets, "plain.pcapng");
    // clock() ticks in microseconds; a floor keeps a very fast plain read from making the ratio jump.
    const double ratio = isb.cpu_s / std::max(plain.cpu_s, 1e-3);
    std::printf("%u interfaces and ISBs, %zu bytes: %.3f s CPU; %llu frames, %zu bytes: %.3f s CPU; ratio "
                "%.2f (limit %.0f)\n",
                pairs, statistics.size(), isb.cpu_s, static_cast<unsigned long long>(frames), packets.size(),
                plain.cpu_s, ratio, k_max_ratio);

    bool ok = true;
    const std::uint64_t want_dropped = std::uint64_t{pairs} * (pairs - 1) / 2;
    if (!isb.stats.drops_known || isb.stats.dropped != want_dropped) {
        std::fprintf(stderr, "perf-pcapng-isb: dropped %llu, want %llu\n",
                     static_cast<unsigned long long>(isb.stats.dropped),
                     static_cast<unsigned long long>(want_dropped));
        ok = false;
    }
    if (plain.stats.frames != frames) {
        std::fprintf(stderr, "perf-pcapng-isb: read %llu frames of %llu\n",
                     static_cast<unsigned long long>(plain.stats.frames),
                     static_cast<unsigned long long>(frames));
        ok = false;
    }
    if (ratio > k_max_ratio) {
        std::fprintf(stderr,
                     "perf-pcapng-isb: statistics cost %.1f times packets of the same size (limit %.0f)\n",
                     ratio, k_max_ratio);
        ok = false;
    }
    return ok ? 0 : 1;
}
