// Atomic output files: written to a temporary beside the target, then renamed, so a reader never sees half a
// report. Opened before the work starts so that an unwritable path fails early, before any traffic or
// analysis. Several files (and a history record) land together in three steps: write() every one, publish()
// every one (revert() them all if any step fails), then finish().
#pragma once
#include <cstddef>
#include <string>

#include "util/expected.hpp"
#include "util/unique_fd.hpp"

namespace isoprobe {

class AtomicFile {
  public:
    // Creates PATH.tmp-XXXXXX in the target's directory (mode 0666 & ~umask, locked with flock while in use)
    // and reserves `reserve` bytes on disk, so that a full disk fails here rather than at commit; the error
    // is one line naming the path and the reason. Temporaries of the same target left by a killed run
    // (unlocked) are removed first. A target that exists and is a character device or a FIFO (/dev/null, a
    // pipe) is written in place; a symbolic link owned by another user is refused, never followed.
    static Expected<AtomicFile, std::string> open(const std::string& path, std::size_t reserve = 1 << 20);
    AtomicFile(AtomicFile&& other) noexcept;
    AtomicFile& operator=(AtomicFile&&) = delete;
    ~AtomicFile(); // removes the temporary unless published, and a kept previous file unless reverted

    // write + publish + finish.
    Expected<bool, std::string> commit(const std::string& content);
    // Writes the content to the temporary, trims the reservation and syncs: nothing is visible yet.
    Expected<bool, std::string> write(const std::string& content);
    // Renames the temporary over the target, keeping the file it replaces until finish(); a target written in
    // place gets its content now.
    Expected<bool, std::string> publish();
    // Undoes publish(): the previous file is back (or the target is gone if there was none). Safe to call
    // always.
    void revert();
    // Drops the previous file kept by publish().
    void finish();
    bool in_place() const { return m_tmp.empty(); }

  private:
    AtomicFile(std::string path, std::string tmp, int fd)
        : m_path(std::move(path)), m_tmp(std::move(tmp)), m_fd(fd) {}
    std::string error(int err) const;
    std::string m_path, m_tmp;
    std::string m_pending; // content of an in-place target, written by publish()
    UniqueFd m_fd;
    UniqueFd m_previous_fd; // the replaced file, locked and kept at m_tmp until finish()
    bool m_published = false, m_had_previous = false;
};

// Removes `target`'s temporaries (target.tmp-XXXXXX) that no live process holds: what a killed run left
// behind.
void remove_stale_temporaries(const std::string& target);

} // namespace isoprobe
