// Refill and skip for the capture readers' shared input buffer.
#include "capture/input_buffer.hpp"

#include <algorithm>
#include <cstring>

namespace isoprobe::capture {

InputBuffer::InputBuffer(std::unique_ptr<ByteSource> source, Bytes prefix, bool read_ahead) {
    if (read_ahead) {
        m_ahead = std::make_unique<ReadAhead>(std::move(source));
        m_buf.assign(prefix.begin(), prefix.end());
    } else {
        m_source = std::move(source);
        // A fuzzer's or test's small input in memory gets a buffer its size, not a fresh k_capacity per run.
        const std::size_t hint = m_source->size_hint();
        const std::size_t capacity =
            hint == 0 ? k_capacity : std::clamp<std::size_t>(hint + prefix.size(), 64, k_capacity);
        m_buf.resize(std::max(capacity, prefix.size()));
        if (!prefix.empty())
            std::memcpy(m_buf.data(), prefix.data(), prefix.size()); // an empty span's data() may be null
    }
    m_data = m_buf.data();
    m_end = prefix.size();
}

bool InputBuffer::refill(std::size_t n) {
    if (m_eof || m_error) return false;
    if (m_ahead) return refill_ahead(n);
    if (m_pos > 0) {
        std::memmove(m_buf.data(), m_buf.data() + m_pos, m_end - m_pos);
        m_base += m_pos;
        m_end -= m_pos;
        m_pos = 0;
    }
    // Callers ask for at most one block (bounded by the readers), so this grows only past a small size hint.
    if (n > m_buf.size()) m_buf.resize(n);
    m_data = m_buf.data();
    while (m_end < n) {
        auto got = m_source->read(std::span(m_buf).subspan(m_end));
        if (!got) {
            m_error = got.error();
            return false;
        }
        if (*got == 0) {
            m_eof = true;
            return false;
        }
        m_end += *got;
    }
    return true;
}

bool InputBuffer::refill_ahead(std::size_t n) {
    while (m_end - m_pos < n) {
        if (m_eof || m_error) return false;
        ReadAhead::Chunk& next = m_ahead->next();
        m_eof = next.size < ReadAhead::k_chunk && !next.error;
        if (next.error) m_error = next.error;
        const std::size_t rest = m_end - m_pos;
        const std::uint64_t at = offset();
        std::uint8_t* data = next.mem.get() + ReadAhead::k_headroom;
        if (rest <= ReadAhead::k_headroom) {
            // The usual case: the unread end of the last chunk goes in front of the next one's bytes.
            if (rest > 0) std::memcpy(data - rest, m_data + m_pos, rest);
            hold(&next);
            m_data = data - rest;
            m_pos = 0;
            m_end = rest + next.size;
        } else {
            // A frame larger than the headroom: assembled in m_buf (rare: jumbo pcapng blocks).
            if (m_chunk) {
                m_buf.assign(m_data + m_pos, m_data + m_end);
                hold(nullptr);
            } else {
                m_buf.erase(m_buf.begin(), m_buf.begin() + static_cast<std::ptrdiff_t>(m_pos));
            }
            m_buf.insert(m_buf.end(), data, data + next.size);
            m_ahead->release();
            m_data = m_buf.data();
            m_pos = 0;
            m_end = m_buf.size();
        }
        m_base = at;
    }
    return true;
}

void InputBuffer::hold(ReadAhead::Chunk* chunk) {
    if (m_chunk) m_ahead->release();
    m_chunk = chunk;
}

std::uint64_t InputBuffer::skip(std::uint64_t n) {
    std::uint64_t skipped = 0;
    while (skipped < n) {
        if (available() == 0 && !refill(1)) break;
        const std::size_t k = static_cast<std::size_t>(std::min<std::uint64_t>(n - skipped, available()));
        m_pos += k;
        skipped += k;
    }
    return skipped;
}

} // namespace isoprobe::capture
