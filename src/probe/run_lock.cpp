#include "probe/run_lock.hpp"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstring>

namespace isoprobe::probe {

Expected<RunLock, std::string> RunLock::acquire(const std::string& interface) {
    const std::string name = "isoprobe/" + interface;
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (name.size() + 1 > sizeof addr.sun_path) return unexpected(interface + ": interface name too long");
    std::memcpy(addr.sun_path + 1, name.data(), name.size()); // sun_path[0] == 0: the abstract namespace
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return unexpected(interface + ": cannot take the run lock: " + std::strerror(errno));
    const auto len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + name.size());
    if (bind(fd, reinterpret_cast<const sockaddr*>(&addr), len) != 0) {
        int err = errno;
        close(fd);
        if (err == EADDRINUSE) return unexpected(interface + ": another isoprobe run is using this interface");
        return unexpected(interface + ": cannot take the run lock: " + std::strerror(err));
    }
    return RunLock(fd);
}

RunLock::~RunLock() {
    if (m_fd >= 0) close(m_fd); // frees the name
}

} // namespace isoprobe::probe
