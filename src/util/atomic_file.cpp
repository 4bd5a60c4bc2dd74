#include "util/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace isoprobe {

Expected<AtomicFile, std::string> AtomicFile::open(const std::string& path, std::size_t reserve) {
    // /dev/null, a FIFO or a terminal is written in place: there is nothing to replace atomically, and a temporary
    // beside it would land in /dev.
    struct stat st {};
    if (stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
        if (fd < 0) return unexpected(path + ": cannot write: " + std::strerror(errno));
        return AtomicFile(path, std::string(), fd);
    }
    std::string tmpl = path + ".tmp-XXXXXX";
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    int fd = mkstemp(buf.data());
    if (fd < 0) return unexpected(path + ": cannot write: " + std::strerror(errno));
    fchmod(fd, 0644);
    AtomicFile file(path, std::string(buf.data()), fd);
    if (reserve > 0) {
        int err = posix_fallocate(fd, 0, static_cast<off_t>(reserve));
        if (err == ENOSPC || err == EDQUOT)
            return unexpected(path + ": not enough free space (" + std::to_string(reserve >> 20) + " MiB needed): " + std::strerror(err));
        if (err != 0 && err != EOPNOTSUPP && err != EINVAL) return unexpected(path + ": cannot write: " + std::strerror(err));
    }
    return file;
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : m_path(std::move(other.m_path)), m_tmp(std::move(other.m_tmp)), m_fd(other.m_fd) {
    other.m_fd = -1;
    other.m_tmp.clear();
}

AtomicFile::~AtomicFile() {
    if (m_fd >= 0) close(m_fd);
    if (!m_tmp.empty()) unlink(m_tmp.c_str());
}

Expected<bool, std::string> AtomicFile::commit(const std::string& content) {
    const char* p = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        ssize_t n = write(m_fd, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return unexpected(m_path + ": cannot write: " + std::strerror(errno));
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (m_tmp.empty()) { // written in place
        close(m_fd);
        m_fd = -1;
        return true;
    }
    if (ftruncate(m_fd, static_cast<off_t>(content.size())) != 0) return unexpected(m_path + ": cannot write: " + std::strerror(errno));
    if (fsync(m_fd) != 0) return unexpected(m_path + ": cannot write: " + std::strerror(errno));
    close(m_fd);
    m_fd = -1;
    if (rename(m_tmp.c_str(), m_path.c_str()) != 0) return unexpected(m_path + ": cannot write: " + std::strerror(errno));
    m_tmp.clear();
    return true;
}

} // namespace isoprobe
