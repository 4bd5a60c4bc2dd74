// The read-ahead thread: fills the chunks of the hand-off ring ahead of the chunk in use.
#include "capture/read_ahead.hpp"

namespace isoprobe::capture {

ReadAhead::ReadAhead(std::unique_ptr<ByteSource> source) : m_source(std::move(source)) {
    // Not zero-filled: the headroom's pages are touched only where a frame's start is copied in.
    for (auto& c : m_ring.buffers())
        c.mem.reset(new std::uint8_t[k_headroom + k_chunk]);
    m_thread = std::thread([this] { run(); });
}

ReadAhead::~ReadAhead() {
    m_ring.stop();
    m_thread.join();
}

void ReadAhead::run() {
    for (bool end = false; !end;) {
        Chunk* chunk = m_ring.to_fill();
        if (!chunk) return;
        chunk->size = 0;
        chunk->error.reset();
        while (chunk->size < k_chunk) {
            auto got = m_source->read({chunk->mem.get() + k_headroom + chunk->size, k_chunk - chunk->size});
            if (!got) chunk->error = got.error();
            if (!got || *got == 0) {
                end = true;
                break;
            }
            chunk->size += *got;
        }
        m_ring.filled(end);
    }
}

} // namespace isoprobe::capture
