// Refill and skip for the capture readers' shared input buffer.
#include "capture/input_buffer.hpp"

#include <algorithm>
#include <cstring>

namespace isoprobe::capture {

InputBuffer::InputBuffer(std::unique_ptr<ByteSource> source, Bytes prefix) : m_source(std::move(source)) {
    // A fuzzer's or test's small input in memory gets a buffer its size, not a fresh k_capacity per run.
    const std::size_t hint = m_source->size_hint();
    const std::size_t capacity =
        hint == 0 ? k_capacity : std::clamp<std::size_t>(hint + prefix.size(), 64, k_capacity);
    m_buf.resize(std::max(capacity, prefix.size()));
    if (!prefix.empty())
        std::memcpy(m_buf.data(), prefix.data(), prefix.size()); // an empty span's data() may be null
    m_end = prefix.size();
}

bool InputBuffer::refill(std::size_t n) {
    if (m_eof || m_error) return false;
    if (m_pos > 0) {
        std::memmove(m_buf.data(), m_buf.data() + m_pos, m_end - m_pos);
        m_base += m_pos;
        m_end -= m_pos;
        m_pos = 0;
    }
    // Callers ask for at most one block (bounded by the readers), so this grows only past a small size hint.
    if (n > m_buf.size()) m_buf.resize(n);
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
