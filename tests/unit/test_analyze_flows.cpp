// The flow table's bookkeeping: frames counted in their own flow, folded into their MAC pair's once the table
// is full, or lost; the same counts whether a key's flow is found through the cache of recent keys or the
// index.
#include <doctest/doctest.h>

#include <cstdint>
#include <stdexcept>

#include "analyze/flows.hpp"

using namespace isoprobe;
using namespace isoprobe::analyze;

namespace {

MacAddr mac(std::uint32_t n) {
    return MacAddr{{0x02, 0x00, static_cast<std::uint8_t>(n >> 24), static_cast<std::uint8_t>(n >> 16),
                    static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)}};
}

struct Feeder {
    FlowTable table;
    std::uint64_t number = 0;

    // One frame from `a` to `b`; with `ip`, IPv4 198.51.100.0/24 hosts `ip_a` to `ip_b`.
    void frame(std::uint32_t a, std::uint32_t b, bool ip = true, std::uint32_t ip_a = 1,
               std::uint32_t ip_b = 2) {
        capture::Frame f;
        f.number = ++number;
        f.ts_ns = static_cast<std::int64_t>(number) * 1000;
        decode::Packet p;
        p.frame = &f;
        p.has_l2 = true;
        p.src = mac(a);
        p.dst = mac(b);
        if (ip) {
            p.ip_src = IpAddr::v4(0xc6336400u | ip_a);
            p.ip_dst = IpAddr::v4(0xc6336400u | ip_b);
        }
        table.feed(p);
    }
    // The table with every frame fed so far counted.
    const FlowTable& settled() {
        table.settle();
        return table;
    }
    const Flow* find(std::uint32_t a, std::uint32_t b) {
        for (const auto& [key, flow] : settled().flows())
            if (key.l2_src == mac(a) && key.l2_dst == mac(b)) return &flow;
        return nullptr;
    }
};

} // namespace

TEST_CASE("frames of one flow, interleaved with others, count in that flow with their first frame numbers") {
    Feeder f;
    for (int round = 0; round < 3; ++round)
        for (std::uint32_t a = 1; a <= 5000; ++a)
            f.frame(a, a + 100000);
    CHECK(f.settled().flows().size() == 5000);
    const Flow* flow = f.find(7, 100007);
    REQUIRE(flow != nullptr);
    CHECK(flow->count == 3);
    CHECK(flow->frames[0] == 7);
    CHECK(flow->frames[1] == 5007);
    CHECK(flow->frames[2] == 10007);
    CHECK(f.settled().folded() == 0);
    CHECK(!f.settled().full_table());
}

TEST_CASE("a full table folds every frame of a new IP flow, and a new MAC pair without IP only its first") {
    Feeder f;
    for (std::uint32_t a = 1; a <= FlowTable::k_max_flows; ++a)
        f.frame(a, 0x01000000);
    REQUIRE(f.settled().flows().size() == FlowTable::k_max_flows);

    for (int i = 0; i < 3; ++i)
        f.frame(0x02000001, 0x02000002, true, 7, 8);
    CHECK(f.settled().folded() == 3);
    const Flow* folded = f.find(0x02000001, 0x02000002);
    REQUIRE(folded != nullptr);
    CHECK(folded->count == 3);
    auto full = f.settled().full_table();
    REQUIRE(full);
    CHECK(full->dropped == 1); // one key turned away, however many of its frames

    // Without IP detail the key is its own MAC pair: folded once (when it was new), found as itself
    // afterwards.
    for (int i = 0; i < 3; ++i)
        f.frame(0x03000001, 0x03000002, false);
    CHECK(f.settled().folded() == 4);
    CHECK(f.settled().full_table()->dropped == 2);
    const Flow* pair = f.find(0x03000001, 0x03000002);
    REQUIRE(pair != nullptr);
    CHECK(pair->count == 3);
    CHECK(f.settled().lost() == 0);
}

TEST_CASE("past the folded area a new MAC pair is lost, every frame of it") {
    Feeder f;
    for (std::uint32_t a = 1; a <= FlowTable::k_max_flows + FlowTable::k_max_folded_flows; ++a)
        f.frame(a, 0x01000000, false);
    REQUIRE(f.settled().flows().size() == FlowTable::k_max_flows + FlowTable::k_max_folded_flows);
    for (int i = 0; i < 3; ++i)
        f.frame(0x02000001, 0x02000002);
    CHECK(f.settled().lost() == 3);
    CHECK(f.find(0x02000001, 0x02000002) == nullptr);
    // A flow that got in keeps counting.
    f.frame(5, 0x01000000, false);
    CHECK(f.find(5, 0x01000000)->count == 2);
}

TEST_CASE("the last frames are counted by settle(), and the table cannot be read before it") {
    Feeder f;
    f.frame(1, 2);
    f.frame(1, 2);
    CHECK_THROWS_AS(static_cast<void>(f.table.flows()), std::logic_error);
    CHECK_THROWS_AS(static_cast<void>(f.table.folded()), std::logic_error);
    const Flow* flow = f.find(1, 2);
    REQUIRE(flow != nullptr);
    CHECK(flow->count == 2);
    CHECK(flow->frames[0] == 1);
    CHECK(flow->frames[1] == 2);
    // Fed again after a settle(): counted in the same flow once settled again.
    f.frame(1, 2);
    CHECK(f.find(1, 2)->count == 3);
}
