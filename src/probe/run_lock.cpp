#include "probe/run_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace isoprobe::probe {

Expected<RunLock, std::string> RunLock::acquire(const std::string& interface) {
    std::string dir;
    if (geteuid() == 0) dir = "/run/isoprobe";
    else if (const char* x = std::getenv("XDG_RUNTIME_DIR"); x && *x) dir = std::string(x) + "/isoprobe";
    else dir = "/tmp/isoprobe-" + std::to_string(getuid());
    mkdir(dir.c_str(), 0700);
    // Interface names repeat across network namespaces: the namespace's inode makes the lock per segment.
    struct stat ns {};
    std::string suffix = stat("/proc/self/ns/net", &ns) == 0 ? "@" + std::to_string(ns.st_ino) : "";
    std::string path = dir + "/" + interface + suffix + ".lock";
    int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return unexpected(path + ": cannot create the run lock: " + std::strerror(errno));
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        close(fd);
        return unexpected(interface + ": another isoprobe run is using this interface (lock " + path + ")");
    }
    return RunLock(fd);
}

RunLock::~RunLock() {
    if (m_fd >= 0) close(m_fd); // closing releases the flock
}

} // namespace isoprobe::probe
