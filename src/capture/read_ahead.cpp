// The read-ahead thread and its hand-over of chunks: a ring the thread fills ahead of the chunk in use.
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
    m_free_more.notify_one();
    m_thread.join();
}

void ReadAhead::run() {
    bool end = false;
    while (!end) {
        Chunk* chunk = nullptr;
        {
            std::unique_lock lock(m_mutex);
            if (m_free == 0) {
                m_filler_waits = true;
                m_free_more.wait(lock, [&] { return m_stop || m_free >= k_wake_after; });
                m_filler_waits = false;
            }
            if (m_stop) return;
            --m_free;
            chunk = &m_chunks[m_next_to_fill];
            m_next_to_fill = (m_next_to_fill + 1) % k_chunks;
        }
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
        bool wake = false;
        {
            std::lock_guard lock(m_mutex);
            ++m_filled;
            m_ended = end;
            wake = m_user_waits && (m_filled >= k_wake_after || m_ended);
        }
        if (wake) m_filled_more.notify_one();
    }
}

ReadAhead::Chunk& ReadAhead::next() {
    std::unique_lock lock(m_mutex);
    if (m_filled == 0) {
        m_user_waits = true;
        m_filled_more.wait(lock, [&] { return m_filled >= k_wake_after || (m_ended && m_filled > 0); });
        m_user_waits = false;
    }
    --m_filled;
    Chunk& chunk = m_chunks[m_next_to_use];
    m_next_to_use = (m_next_to_use + 1) % k_chunks;
    return chunk;
}

void ReadAhead::release(Chunk&) {
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        ++m_free;
        wake = m_filler_waits && m_free >= k_wake_after;
    }
    if (wake) m_free_more.notify_one();
}

} // namespace isoprobe::capture
