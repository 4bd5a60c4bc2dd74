// A byte stream read ahead on a thread of its own, so that the kernel's copy of the next chunk of a capture
// file (or zlib's inflate of it) runs on another core while the readers and the analysis work through this
// one.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <thread>

#include "capture/byte_source.hpp"
#include "util/hand_off.hpp"

namespace isoprobe::capture {

class ReadAhead {
  public:
    // Each chunk's bytes start after this much free room, where the consumer puts the unread end of the
    // previous chunk so that a frame crossing two chunks is contiguous without copying the chunk itself.
    static constexpr std::size_t k_headroom = std::size_t{64} * 1024;
    // Small enough that a chunk is still in the shared cache when the consumer reaches it, large enough that
    // the hand-over between the threads costs nothing per frame.
    static constexpr std::size_t k_chunk = std::size_t{256} * 1024;

    struct Chunk {
        std::unique_ptr<std::uint8_t[]> mem; // k_headroom + k_chunk bytes; the data starts at k_headroom
        std::size_t size = 0;                // bytes of data; fewer than k_chunk only at the end of input
        std::optional<StreamError> error;    // the source failed after `size` bytes
    };

    // Starts the thread; the source must never wait for a writer (a regular file, or gzip over one), so that
    // the destructor's join cannot hang on a pipe.
    explicit ReadAhead(std::unique_ptr<ByteSource> source);
    ReadAhead(const ReadAhead&) = delete;
    ReadAhead& operator=(const ReadAhead&) = delete;
    ~ReadAhead();

    // The next chunk of the stream, waiting for it if needed; it stays the caller's until release(), and
    // chunks are released in the order next() gave them. A chunk with an error or fewer than k_chunk bytes is
    // the last: call next() no more after it.
    Chunk& next() { return m_ring.next(); }
    void release() { m_ring.release(); }

  private:
    void run();

    std::unique_ptr<ByteSource> m_source;
    HandOff<Chunk, 8> m_ring;
    std::thread m_thread; // last: starts once everything it reads is built
};

} // namespace isoprobe::capture
