// SIGINT and SIGTERM handled for a scope (src/util/signal_scope.hpp): the handler runs inside it, and
// whatever was installed before is back after it, not SIG_DFL.
#include <doctest/doctest.h>

#include <csignal>

#include "util/signal_scope.hpp"

namespace {
volatile std::sig_atomic_t g_caught = 0;
extern "C" void on_test_signal(int signo) {
    g_caught = signo;
}

bool installed(int signo, void (*handler)(int)) {
    struct sigaction now {};
    sigaction(signo, nullptr, &now);
    return now.sa_handler == handler;
}
} // namespace

TEST_CASE("SignalScope handles SIGINT and SIGTERM while it lives, then restores the previous disposition") {
    struct sigaction before_int {
    }, before_term{}, ignore{};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGINT, &ignore, &before_int);
    sigaction(SIGTERM, &ignore, &before_term);
    {
        const isoprobe::SignalScope scope(on_test_signal);
        CHECK(installed(SIGINT, on_test_signal));
        CHECK(installed(SIGTERM, on_test_signal));
        g_caught = 0;
        std::raise(SIGTERM);
        CHECK(g_caught == SIGTERM);
        std::raise(SIGINT);
        CHECK(g_caught == SIGINT);
    }
    CHECK(installed(SIGINT, SIG_IGN));
    CHECK(installed(SIGTERM, SIG_IGN));
    sigaction(SIGINT, &before_int, nullptr);
    sigaction(SIGTERM, &before_term, nullptr);
}
