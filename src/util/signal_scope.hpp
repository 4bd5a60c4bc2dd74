// SIGINT and SIGTERM turned into a request to stop for as long as a piece of work runs, so that it can clean
// up (remove the temporaries of its outputs, restore what it changed) instead of dying half-way.
#pragma once
#include <csignal>

namespace isoprobe {

class SignalScope {
  public:
    // Without SA_RESTART: a blocking call (poll, a capture read) returns EINTR rather than waiting out its
    // timeout before the work can see the request.
    explicit SignalScope(void (*handler)(int)) {
        struct sigaction sa {};
        sa.sa_handler = handler;
        sigaction(SIGINT, &sa, &m_previous_int);
        sigaction(SIGTERM, &sa, &m_previous_term);
    }
    // Puts back what was there before, not SIG_DFL: a process started in the background by a script ignores
    // SIGINT, and must go on ignoring it once the work is done.
    ~SignalScope() {
        sigaction(SIGINT, &m_previous_int, nullptr);
        sigaction(SIGTERM, &m_previous_term, nullptr);
    }
    SignalScope(const SignalScope&) = delete;
    SignalScope& operator=(const SignalScope&) = delete;

  private:
    struct sigaction m_previous_int {};
    struct sigaction m_previous_term {};
};

} // namespace isoprobe
