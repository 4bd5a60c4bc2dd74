// The read-ahead thread: fills the chunks of the hand-off ring ahead of the chunk in use.
#include "capture/read_ahead.hpp"

#include <csignal>
#include <pthread.h>

namespace isoprobe::capture {

ReadAhead::ReadAhead(std::unique_ptr<ByteSource> source) : m_source(std::move(source)) {
    // Not zero-filled: the headroom's pages are touched only where a frame's start is copied in.
    for (auto& c : m_ring.buffers())
        c.mem.reset(new std::uint8_t[k_headroom + k_chunk]);
    // The thread starts with SIGINT and SIGTERM blocked (it inherits the mask it is created with), so that
    // they keep going to the thread that handles them and stops its work (util/signal_scope.hpp).
    struct BlockedSignals {
        sigset_t previous;
        BlockedSignals() {
            sigset_t stop;
            sigemptyset(&stop);
            sigaddset(&stop, SIGINT);
            sigaddset(&stop, SIGTERM);
            pthread_sigmask(SIG_BLOCK, &stop, &previous);
        }
        ~BlockedSignals() { pthread_sigmask(SIG_SETMASK, &previous, nullptr); }
    } blocked;
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
