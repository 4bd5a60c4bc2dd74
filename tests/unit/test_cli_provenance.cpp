#include <doctest/doctest.h>

#include <sys/timex.h>

#include "cli/provenance.hpp"
#include "util/build_info.hpp"

using isoprobe::cli::clock_state_from;

TEST_CASE("clock_state_from: adjtimex's answer as synchronised, not synchronised or unknown") {
    timex tx{};
    tx.status = 0;
    tx.esterror = 1500;   // microseconds
    tx.maxerror = 250000; // microseconds
    auto synced = clock_state_from(TIME_OK, tx);
    CHECK(synced.sync == "synchronised");
    REQUIRE(synced.estimated_error_s);
    CHECK(*synced.estimated_error_s == doctest::Approx(0.0015));
    REQUIRE(synced.maximum_error_s);
    CHECK(*synced.maximum_error_s == doctest::Approx(0.25));
    // A leap second pending is still a synchronised clock.
    CHECK(clock_state_from(TIME_INS, tx).sync == "synchronised");

    tx.status = STA_UNSYNC;
    auto unsynced = clock_state_from(TIME_OK, tx);
    CHECK(unsynced.sync == "not synchronised");
    CHECK(!unsynced.estimated_error_s); // the kernel's estimates mean nothing then
    tx.status = 0;
    CHECK(clock_state_from(TIME_ERROR, tx).sync == "not synchronised");
    auto failed = clock_state_from(-1, tx);
    CHECK(failed.sync == "unknown");
    CHECK(!failed.maximum_error_s);
}

TEST_CASE("provenance_now: the build and the clock") {
    const auto p = isoprobe::cli::provenance_now();
    CHECK(p.version == ISOPROBE_VERSION);
    CHECK(!p.revision.empty());
    CHECK(!p.build_type.empty());
    CHECK((p.clock_start.sync == "synchronised" || p.clock_start.sync == "not synchronised" ||
           p.clock_start.sync == "unknown"));
}
