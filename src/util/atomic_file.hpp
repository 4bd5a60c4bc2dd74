// Atomic output files: written to a temporary beside the target, then renamed, so a reader never sees half a report.
// Opened before the work starts so that an unwritable path fails early, before any traffic or analysis.
#pragma once
#include <cstddef>
#include <string>

#include "util/expected.hpp"

namespace isoprobe {

class AtomicFile {
  public:
    // Creates PATH.tmp-XXXXXX in the target's directory and reserves `reserve` bytes on disk, so that a full disk
    // fails here rather than at commit; the error is one line naming the path and the reason. A target that exists
    // and is no regular file (/dev/null, a FIFO) is opened and written in place.
    static Expected<AtomicFile, std::string> open(const std::string& path, std::size_t reserve = 1 << 20);
    AtomicFile(AtomicFile&& other) noexcept;
    AtomicFile& operator=(AtomicFile&&) = delete;
    ~AtomicFile(); // removes the temporary unless committed

    // Writes, trims the reservation, syncs and renames over the target.
    Expected<bool, std::string> commit(const std::string& content);

  private:
    AtomicFile(std::string path, std::string tmp, int fd) : m_path(std::move(path)), m_tmp(std::move(tmp)), m_fd(fd) {}
    std::string m_path, m_tmp;
    int m_fd = -1;
};

} // namespace isoprobe
