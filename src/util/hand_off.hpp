// A ring of buffers handed from one thread that fills them to one that uses them, in order: how a capture is
// read ahead of its parsing, and how frames reach the flow table's own thread.
#pragma once
#include <array>
#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace isoprobe {

template <class Buffer, std::size_t K> class HandOff {
  public:
    // The filler: the next free buffer, waiting for one if needed; nullptr once stop() was called.
    Buffer* to_fill() {
        std::unique_lock lock(m_mutex);
        if (m_free == 0) {
            m_filler_waits = true;
            m_free_more.wait(lock, [&] { return m_stop || m_free >= k_wake_after; });
            m_filler_waits = false;
        }
        if (m_stop) return nullptr;
        --m_free;
        Buffer* buffer = &m_buffers[m_next_to_fill];
        m_next_to_fill = (m_next_to_fill + 1) % K;
        return buffer;
    }
    // Hands the buffer from to_fill() over; `last`: no more will follow.
    void filled(bool last) {
        bool wake = false;
        {
            std::lock_guard lock(m_mutex);
            ++m_filled;
            m_ended = m_ended || last;
            wake = m_user_waits && (m_filled >= k_wake_after || m_ended);
        }
        if (wake) m_filled_more.notify_one();
    }

    // The user: the next filled buffer, waiting for it if needed. Never call it after the last one.
    Buffer& next() {
        std::unique_lock lock(m_mutex);
        if (m_filled == 0) {
            m_user_waits = true;
            m_filled_more.wait(lock, [&] { return m_filled >= k_wake_after || (m_ended && m_filled > 0); });
            m_user_waits = false;
        }
        --m_filled;
        Buffer& buffer = m_buffers[m_next_to_use];
        m_next_to_use = (m_next_to_use + 1) % K;
        return buffer;
    }
    // Gives back the oldest buffer next() handed out and the user still held.
    void release() {
        bool wake = false;
        {
            std::lock_guard lock(m_mutex);
            ++m_free;
            wake = m_filler_waits && m_free >= k_wake_after;
        }
        if (wake) m_free_more.notify_one();
    }
    // The user is done: the filler gets no more buffers.
    void stop() {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_free_more.notify_one();
    }

    // Every buffer, for setting them up before the threads start.
    std::array<Buffer, K>& buffers() { return m_buffers; }

  private:
    // A waiting thread is woken only when there is this much for it to do: each wake-up is a system call and,
    // in a virtual machine, an interrupt to the other core; one per buffer made the flow-rich benchmark 4%
    // slower.
    static constexpr std::size_t k_wake_after = K / 2;

    std::array<Buffer, K> m_buffers;
    std::size_t m_free = K;   // buffers the filler may fill: after the filled ones, in ring order
    std::size_t m_filled = 0; // buffers filled and not yet handed out, from m_next_to_use on
    std::size_t m_next_to_fill = 0, m_next_to_use = 0;
    bool m_ended = false; // the last buffer was filled
    bool m_filler_waits = false, m_user_waits = false;
    bool m_stop = false;
    std::mutex m_mutex;
    std::condition_variable m_free_more, m_filled_more;
};

} // namespace isoprobe
