// The read-ahead thread and its hand-over of chunks: a ring of four, each either free, filled or in use.
#include "capture/read_ahead.hpp"

namespace isoprobe::capture {

ReadAhead::ReadAhead(std::unique_ptr<ByteSource> source) : m_source(std::move(source)) {
    // Not zero-filled: the headroom's pages are touched only where a frame's start is copied in.
    for (auto& c : m_chunks)
        c.mem.reset(new std::uint8_t[k_headroom + k_chunk]);
    m_thread = std::thread([this] { run(); });
}

ReadAhead::~ReadAhead() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void ReadAhead::run() {
    for (;;) {
        Chunk* chunk = nullptr;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] { return m_stop || m_state[m_next_to_fill] == State::free; });
            if (m_stop) return;
            chunk = &m_chunks[m_next_to_fill];
        }
        chunk->size = 0;
        chunk->error.reset();
        bool end = false;
        while (chunk->size < k_chunk) {
            auto got = m_source->read({chunk->mem.get() + k_headroom + chunk->size, k_chunk - chunk->size});
            if (!got) chunk->error = got.error();
            if (!got || *got == 0) {
                end = true;
                break;
            }
            chunk->size += *got;
        }
        {
            std::lock_guard lock(m_mutex);
            m_state[m_next_to_fill] = State::filled;
            m_next_to_fill = (m_next_to_fill + 1) % k_chunks;
        }
        m_changed.notify_all();
        if (end) return;
    }
}

ReadAhead::Chunk& ReadAhead::next() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_state[m_next_to_use] == State::filled; });
    m_state[m_next_to_use] = State::in_use;
    Chunk& chunk = m_chunks[m_next_to_use];
    m_next_to_use = (m_next_to_use + 1) % k_chunks;
    return chunk;
}

void ReadAhead::release(Chunk& chunk) {
    {
        std::lock_guard lock(m_mutex);
        m_state[static_cast<std::size_t>(&chunk - m_chunks.data())] = State::free;
    }
    m_changed.notify_all();
}

} // namespace isoprobe::capture
