// Plain byte sources: a file read with large read(2) calls (POSIX.1-2017), and a span of memory.
#include "capture/byte_source.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/unique_fd.hpp"

namespace isoprobe::capture {
namespace {

class FileBytes final : public ByteSource {
  public:
    FileBytes(UniqueFd fd, bool regular) noexcept : m_fd(std::move(fd)), m_regular(regular) {}

    Expected<std::size_t, StreamError> read(std::span<std::uint8_t> dst) override {
        for (;;) {
            ssize_t n = ::read(m_fd.get(), dst.data(), dst.size());
            if (n >= 0) return static_cast<std::size_t>(n);
            if (errno != EINTR)
                return unexpected(StreamError{SourceErrorKind::read_error,
                                              std::string("read error: ") + std::strerror(errno)});
        }
    }

    bool ends_by_itself() const override { return m_regular; }

  private:
    UniqueFd m_fd;
    bool m_regular;
};

class MemoryBytes final : public ByteSource {
  public:
    explicit MemoryBytes(Bytes data) noexcept : m_rest(data) {}

    Expected<std::size_t, StreamError> read(std::span<std::uint8_t> dst) override {
        std::size_t n = std::min(dst.size(), m_rest.size());
        if (n > 0) std::memcpy(dst.data(), m_rest.data(), n);
        m_rest = m_rest.subspan(n);
        return n;
    }
    std::size_t size_hint() const override { return m_rest.size(); }
    bool ends_by_itself() const override { return true; }

  private:
    Bytes m_rest;
};

} // namespace

Expected<std::unique_ptr<ByteSource>, StreamError> open_file_bytes(const std::string& path) {
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd)
        return unexpected(
            StreamError{SourceErrorKind::cannot_open, std::string("cannot open: ") + std::strerror(errno)});
    // open(2) succeeds on a directory; say so now rather than as a read error later.
    struct stat st {};
    const bool known = ::fstat(fd.get(), &st) == 0;
    if (known && S_ISDIR(st.st_mode))
        return unexpected(
            StreamError{SourceErrorKind::cannot_open, std::string("cannot open: ") + std::strerror(EISDIR)});
    ::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
    return std::unique_ptr<ByteSource>(
        std::make_unique<FileBytes>(std::move(fd), known && S_ISREG(st.st_mode)));
}

std::unique_ptr<ByteSource> memory_bytes(Bytes data) {
    return std::make_unique<MemoryBytes>(data);
}

} // namespace isoprobe::capture
