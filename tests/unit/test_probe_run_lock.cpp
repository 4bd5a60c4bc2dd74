// The run lock: one live run per interface (and network namespace) at a time.
#include <doctest/doctest.h>

#include <unistd.h>

#include <optional>
#include <string>

#include "probe/run_lock.hpp"

using isoprobe::probe::RunLock;

TEST_CASE("a second run on the same interface is refused until the first ends") {
    // A name no real interface has, unique to this test process.
    const std::string itf = "lock-test-" + std::to_string(getpid());
    std::optional<RunLock> first;
    {
        auto got = RunLock::acquire(itf);
        REQUIRE(got);
        first.emplace(std::move(got.value()));
    }
    auto second = RunLock::acquire(itf);
    REQUIRE_FALSE(second);
    CHECK(second.error() == itf + ": another isoprobe run is using this interface");
    CHECK(RunLock::acquire(itf + "x")); // another interface is free
    first.reset();
    CHECK(RunLock::acquire(itf)); // freed with the first run
}
