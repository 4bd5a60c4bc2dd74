#include "util/atomic_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace isoprobe {

namespace {
constexpr std::size_t k_random_chars = 6; // mkstemp's XXXXXX
constexpr const char* k_tmp_infix = ".tmp-";

// Reports get the mode any tool would give them (0666 & ~umask), not one we impose. Read from /proc because
// umask(2) can only be read by setting it, which would race with other threads creating files.
mode_t current_umask() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("Umask:", 0) == 0)
            return static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8));
    const mode_t mask = umask(022);
    umask(mask);
    return mask;
}

bool is_temporary_of(const std::string& name, const std::string& base) {
    if (name.size() != base.size() + std::strlen(k_tmp_infix) + k_random_chars) return false;
    if (name.compare(0, base.size(), base) != 0 ||
        name.compare(base.size(), std::strlen(k_tmp_infix), k_tmp_infix) != 0)
        return false;
    for (std::size_t i = name.size() - k_random_chars; i < name.size(); ++i)
        if (std::isalnum(static_cast<unsigned char>(name[i])) == 0) return false;
    return true;
}

Expected<bool, std::string> write_all(int fd, const std::string& content, const std::string& path) {
    const char* p = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return unexpected(path + ": cannot write: " + std::strerror(errno));
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}
} // namespace

void remove_stale_temporaries(const std::string& target) {
    const auto slash = target.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : target.substr(0, slash + 1);
    const std::string base = slash == std::string::npos ? target : target.substr(slash + 1);
    DIR* d = opendir(dir.c_str());
    if (d == nullptr) return;
    const int dfd = dirfd(d);
    while (const dirent* e = readdir(d)) {
        if (!is_temporary_of(e->d_name, base)) continue;
        const UniqueFd fd(openat(dfd, e->d_name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
        if (!fd) continue;
        struct stat held {
        }, named{};
        // Ours (same owner, a regular file) and held by no live run (its writer keeps an flock until it is
        // done).
        if (fstat(fd.get(), &held) == 0 && S_ISREG(held.st_mode) && held.st_uid == geteuid() &&
            flock(fd.get(), LOCK_EX | LOCK_NB) == 0 &&
            fstatat(dfd, e->d_name, &named, AT_SYMLINK_NOFOLLOW) == 0 && named.st_dev == held.st_dev &&
            named.st_ino == held.st_ino)
            unlinkat(dfd, e->d_name, 0);
    }
    closedir(d);
}

Expected<AtomicFile, std::string> AtomicFile::open(const std::string& path, std::size_t reserve) {
    struct stat st {};
    if (lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode) && st.st_uid != geteuid() && st.st_uid != 0)
        return unexpected(path + ": is a symbolic link owned by another user: refusing to follow it");
    // /dev/null, a FIFO or a terminal is written in place: there is nothing to replace atomically, and a
    // temporary beside it would land in /dev.
    if (stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) return unexpected(path + ": cannot write: " + std::strerror(EISDIR));
        if (!S_ISCHR(st.st_mode) && !S_ISFIFO(st.st_mode))
            return unexpected(path + ": cannot write: not a regular file, a character device or a FIFO");
        int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
        if (fd < 0) return unexpected(path + ": cannot write: " + std::strerror(errno));
        return AtomicFile(path, std::string(), fd);
    }
    remove_stale_temporaries(path);
    std::string tmpl = path + k_tmp_infix + std::string(k_random_chars, 'X');
    for (;;) {
        std::vector<char> buf(tmpl.begin(), tmpl.end());
        buf.push_back('\0');
        int fd = mkstemp(buf.data());
        if (fd < 0) return unexpected(path + ": cannot write: " + std::strerror(errno));
        AtomicFile file(path, std::string(buf.data()), fd);
        struct stat created {};
        // Another run's stale-temporary sweep may have taken it between mkstemp and flock: then it is gone,
        // try again.
        if (flock(fd, LOCK_EX) != 0 || fstat(fd, &created) != 0) return unexpected(file.error(errno));
        if (created.st_nlink == 0) {
            file.m_tmp.clear();
            continue;
        }
        fchmod(fd, static_cast<mode_t>(0666) & ~current_umask());
        if (reserve > 0) {
            int err = posix_fallocate(fd, 0, static_cast<off_t>(reserve));
            if (err == ENOSPC || err == EDQUOT)
                return unexpected(path + ": not enough free space (" + std::to_string(reserve >> 20) +
                                  " MiB needed): " + std::strerror(err));
            if (err != 0 && err != EOPNOTSUPP && err != EINVAL) return unexpected(file.error(err));
        }
        return file;
    }
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : m_path(std::move(other.m_path)), m_tmp(std::move(other.m_tmp)), m_pending(std::move(other.m_pending)),
      m_fd(std::move(other.m_fd)), m_previous_fd(std::move(other.m_previous_fd)),
      m_published(other.m_published), m_had_previous(other.m_had_previous) {
    other.m_tmp.clear();
    other.m_published = false;
}

AtomicFile::~AtomicFile() {
    revert(); // published but never finished: the run did not complete, put things back
    if (!m_tmp.empty()) unlink(m_tmp.c_str());
}

std::string AtomicFile::error(int err) const {
    return m_path + ": cannot write: " + std::strerror(err);
}

Expected<bool, std::string> AtomicFile::commit(const std::string& content) {
    if (auto done = write(content); !done) return done;
    if (auto done = publish(); !done) return done;
    finish();
    return true;
}

Expected<bool, std::string> AtomicFile::write(const std::string& content) {
    if (in_place()) {
        m_pending = content;
        return true;
    }
    if (auto done = write_all(m_fd.get(), content, m_path); !done) return done;
    if (ftruncate(m_fd.get(), static_cast<off_t>(content.size())) != 0) return unexpected(error(errno));
    if (fsync(m_fd.get()) != 0) return unexpected(error(errno));
    return true;
}

Expected<bool, std::string> AtomicFile::publish() {
    if (in_place()) {
        auto done = write_all(m_fd.get(), m_pending, m_path);
        m_fd.reset();
        return done;
    }
    // An existing report is swapped with the temporary rather than replaced, so that revert() can put it
    // back. It is locked first: at the temporary's name, another run's sweep would otherwise take it for a
    // stale temporary.
    UniqueFd previous(::open(m_path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    struct stat st {};
    if (previous && fstat(previous.get(), &st) == 0 && S_ISREG(st.st_mode) &&
        flock(previous.get(), LOCK_EX | LOCK_NB) == 0 &&
        renameat2(AT_FDCWD, m_tmp.c_str(), AT_FDCWD, m_path.c_str(), RENAME_EXCHANGE) == 0) {
        m_previous_fd = std::move(previous);
        m_had_previous = true;
    } else {
        if (rename(m_tmp.c_str(), m_path.c_str()) != 0) return unexpected(error(errno));
        m_tmp.clear();
    }
    m_published = true;
    return true;
}

void AtomicFile::revert() {
    if (!m_published) return;
    m_published = false;
    if (m_had_previous)
        renameat2(AT_FDCWD, m_tmp.c_str(), AT_FDCWD, m_path.c_str(),
                  RENAME_EXCHANGE); // the temporary holds ours again
    else
        unlink(m_path.c_str());
    m_had_previous = false;
}

void AtomicFile::finish() {
    if (m_published && m_had_previous) unlink(m_tmp.c_str());
    if (m_published) m_tmp.clear();
    m_published = false;
    m_had_previous = false;
    m_previous_fd.reset();
    m_fd.reset();
}

} // namespace isoprobe
