// The file descriptor owner (src/util/unique_fd.hpp): closed once, by whoever owns it last.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <utility>

#include "util/unique_fd.hpp"

using isoprobe::UniqueFd;

namespace {
bool is_open(int fd) {
    return fcntl(fd, F_GETFD) != -1;
}
} // namespace

TEST_CASE("UniqueFd closes its descriptor when it goes, and only then") {
    int raw = -1;
    {
        const UniqueFd fd(::open("/dev/null", O_RDONLY | O_CLOEXEC));
        REQUIRE(fd.valid());
        raw = fd.get();
        CHECK(is_open(raw));
    }
    CHECK_FALSE(is_open(raw));
}

TEST_CASE("a moved UniqueFd leaves the source empty, so the descriptor is closed once") {
    UniqueFd a(::open("/dev/null", O_RDONLY | O_CLOEXEC));
    const int raw = a.get();
    UniqueFd b(std::move(a));
    CHECK_FALSE(a.valid());
    CHECK(b.get() == raw);
    UniqueFd c;
    c = std::move(b);
    CHECK_FALSE(b.valid());
    CHECK(c.get() == raw);
    c.reset();
    CHECK_FALSE(c);
    CHECK_FALSE(is_open(raw));
}

TEST_CASE("release gives the descriptor up without closing it; -1 is held as nothing") {
    int raw = -1;
    {
        UniqueFd fd(::open("/dev/null", O_RDONLY | O_CLOEXEC));
        raw = fd.release();
        CHECK_FALSE(fd.valid());
    }
    CHECK(is_open(raw));
    ::close(raw);
    const UniqueFd none(-1);
    CHECK_FALSE(none);
    CHECK(none.get() == -1);
}
