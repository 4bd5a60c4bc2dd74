// One run per interface at a time, so that two runs never interleave traffic: a lock that every user, the
// systemd service (private /tmp) and root all see, and that the kernel releases when the process ends,
// however it ends.
#pragma once
#include <sys/types.h>

#include <optional>
#include <string>

#include "util/expected.hpp"
#include "util/unique_fd.hpp"

namespace isoprobe::probe {

// Who holds a run lock, as the kernel tells it (SO_PEERCRED).
struct LockHolder {
    pid_t pid = 0;
    uid_t uid = 0;
};

// Any local user can take an abstract name first, so a holder is not trusted to be an isoprobe run: root and
// the service user (`service`) wait only for each other and themselves, and go ahead past anyone else's lock
// (or one whose holder does not say who it is), so that nobody can hold back their audits. Everyone else
// waits for any holder, as before.
bool may_run_past(uid_t self, const std::optional<LockHolder>& holder, const std::optional<uid_t>& service);

// "pid 1234, user nobody, uid 65534"; the user name only when the system knows it.
std::string describe(const LockHolder& holder);

class RunLock {
  public:
    // Binds and listens on the abstract Unix socket "isoprobe/IF". Abstract names live in the network
    // namespace, which is what makes an interface name unique, and need no file, directory or permission;
    // listening lets the next run connect and read who holds it.
    static Expected<RunLock, std::string> acquire(const std::string& interface);
    RunLock(RunLock&&) noexcept = default;
    RunLock& operator=(RunLock&&) = delete;

    // Set when this run went ahead past a lock held by someone it does not trust (may_run_past): one line to
    // show.
    const std::string& warning() const { return m_warning; }

  private:
    RunLock(UniqueFd fd, std::string warning) : m_fd(std::move(fd)), m_warning(std::move(warning)) {}
    UniqueFd m_fd; // closing it frees the name
    std::string m_warning;
};

} // namespace isoprobe::probe
