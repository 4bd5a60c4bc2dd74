// The one owner of a file descriptor: every early return closes it, and exactly once, which hand-written
// close() calls on each path did not guarantee.
#pragma once
#include <unistd.h>

#include <utility>

namespace isoprobe {

class UniqueFd {
  public:
    UniqueFd() = default;
    // Takes `fd` as it is, -1 included, so that the result of open() or socket() can be wrapped before the
    // check.
    explicit UniqueFd(int fd) noexcept : m_fd(fd) {}
    UniqueFd(UniqueFd&& o) noexcept : m_fd(o.release()) {}
    UniqueFd& operator=(UniqueFd&& o) noexcept {
        if (this != &o) reset(o.release());
        return *this;
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    ~UniqueFd() { reset(); }

    int get() const noexcept { return m_fd; }
    bool valid() const noexcept { return m_fd >= 0; }
    explicit operator bool() const noexcept { return valid(); }

    // Gives the descriptor up without closing it.
    int release() noexcept { return std::exchange(m_fd, -1); }

    // close()'s result is ignored: on Linux the descriptor is gone even when close() fails, so a retry could
    // close a descriptor another thread has just been given. Callers that must know whether data reached the
    // disk fsync() first.
    void reset(int fd = -1) noexcept {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = fd;
    }

  private:
    int m_fd = -1;
};

} // namespace isoprobe
