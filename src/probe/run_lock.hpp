// One run per interface at a time: an advisory lock file per interface, so that two runs never interleave traffic.
#pragma once
#include <string>

#include "util/expected.hpp"

namespace isoprobe::probe {

class RunLock {
  public:
    // Locks /run/isoprobe/IF.lock as root, $XDG_RUNTIME_DIR/isoprobe/IF.lock or /tmp/isoprobe-UID/IF.lock otherwise.
    static Expected<RunLock, std::string> acquire(const std::string& interface);
    RunLock(RunLock&& o) noexcept : m_fd(o.m_fd) { o.m_fd = -1; }
    RunLock& operator=(RunLock&&) = delete;
    ~RunLock();

  private:
    explicit RunLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

} // namespace isoprobe::probe
