// One run per interface at a time, so that two runs never interleave traffic: a lock that every user, the systemd
// service (private /tmp) and root all see, and that the kernel releases when the process ends, however it ends.
#pragma once
#include <string>

#include "util/expected.hpp"

namespace isoprobe::probe {

class RunLock {
  public:
    // Binds the abstract Unix socket "isoprobe/IF". Abstract names live in the network namespace, which is what
    // makes an interface name unique, and need no file, directory or permission.
    static Expected<RunLock, std::string> acquire(const std::string& interface);
    RunLock(RunLock&& o) noexcept : m_fd(o.m_fd) { o.m_fd = -1; }
    RunLock& operator=(RunLock&&) = delete;
    ~RunLock();

  private:
    explicit RunLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

} // namespace isoprobe::probe
