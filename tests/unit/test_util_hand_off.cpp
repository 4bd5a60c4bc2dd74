// Tests for the hand-off ring between two threads (src/util/hand_off.hpp): every buffer arrives once and in
// order, the last one ends the stream even when fewer than half the ring are filled, and stop() frees a
// filler that waits for room.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

#include "util/hand_off.hpp"

using namespace isoprobe;

namespace {

struct Numbered {
    std::uint64_t first = 0; // the first of `count` consecutive numbers
    std::uint32_t count = 0;
    bool last = false;
};

} // namespace

TEST_CASE("hand-off: every buffer arrives once, in order, up to the last one") {
    for (std::uint64_t buffers : {1u, 3u, 4u, 5u, 1000u}) {
        CAPTURE(buffers);
        HandOff<Numbered, 8> ring;
        std::thread filler([&] {
            for (std::uint64_t i = 0; i < buffers; ++i) {
                Numbered* b = ring.to_fill();
                if (!b) return;
                *b = {i * 10, static_cast<std::uint32_t>(i % 7), i + 1 == buffers};
                ring.filled(b->last);
            }
        });
        std::vector<std::uint64_t> seen;
        for (bool last = false; !last;) {
            const Numbered& b = ring.next();
            seen.push_back(b.first);
            CHECK(b.count == (b.first / 10) % 7);
            last = b.last;
            ring.release();
        }
        filler.join();
        REQUIRE(seen.size() == buffers);
        for (std::uint64_t i = 0; i < buffers; ++i)
            CHECK(seen[i] == i * 10);
    }
}

TEST_CASE("hand-off: stop() frees a filler waiting for room, and refuses it further buffers") {
    HandOff<Numbered, 4> ring;
    std::atomic<std::uint64_t> filled = 0;
    bool refused = false;
    std::thread filler([&] {
        for (;;) {
            Numbered* b = ring.to_fill();
            if (!b) {
                refused = true;
                return;
            }
            ring.filled(false);
            ++filled;
        }
    });
    // The user takes one buffer and keeps it: the filler fills all four and then waits for room.
    ring.next();
    while (filled.load() < 4)
        std::this_thread::yield();
    ring.stop();
    filler.join();
    CHECK(refused);
    CHECK(filled == 4);
}
