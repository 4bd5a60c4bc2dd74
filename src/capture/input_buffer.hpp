// The one buffer every capture reader reads through: large refills from a ByteSource, frames handed out in
// place.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "capture/byte_source.hpp"
#include "capture/read_ahead.hpp"

namespace isoprobe::capture {

class InputBuffer {
  public:
    // Small enough to stay in a core's L2 cache between the kernel's copy and the parsers' reads (1 MiB did
    // not: 10% more CPU time on the flow-rich benchmark), large enough that read(2) calls stay rare.
    static constexpr std::size_t k_capacity = std::size_t{1} << 18;

    // `prefix`: bytes already read from `source` (to detect the format) that come first. With `read_ahead`
    // the source is read on a thread of its own (ReadAhead's condition on the source applies).
    InputBuffer(std::unique_ptr<ByteSource> source, Bytes prefix, bool read_ahead = false);

    // True when n bytes are buffered at the read position; false at the end of input or on a stream error.
    // Spans from earlier peek/take calls are invalid once this refills.
    bool ensure(std::size_t n) { return m_end - m_pos >= n || refill(n); }
    std::size_t available() const noexcept { return m_end - m_pos; }
    // Starts loading 192 bytes from `ahead` bytes past the read position, when buffered: there the next
    // record starts, whose header and first bytes the reader and the parsers touch first.
    void prefetch(std::size_t ahead) const noexcept {
        if (m_end - m_pos > ahead) {
            __builtin_prefetch(m_data + m_pos + ahead);
            __builtin_prefetch(m_data + m_pos + ahead + 64);
            __builtin_prefetch(m_data + m_pos + ahead + 128);
        }
    }
    // Both need a successful ensure(n) first.
    Bytes peek(std::size_t n) const noexcept { return {m_data + m_pos, n}; }
    Bytes take(std::size_t n) noexcept {
        Bytes out = peek(n);
        m_pos += n;
        return out;
    }
    // Discards up to n bytes without buffering them all; returns how many (fewer at the end of input or on
    // error).
    std::uint64_t skip(std::uint64_t n);
    // Position in the (decompressed) stream, for error messages.
    std::uint64_t offset() const noexcept { return m_base + m_pos; }
    // Set once the source failed; the end of input is not an error.
    const std::optional<StreamError>& error() const noexcept { return m_error; }

  private:
    bool refill(std::size_t n);
    bool refill_ahead(std::size_t n);
    // Takes ownership of the read-ahead chunk the buffered bytes now live in, giving back the previous one.
    void hold(ReadAhead::Chunk* chunk);

    std::unique_ptr<ByteSource> m_source; // read here, or
    std::unique_ptr<ReadAhead> m_ahead;   // on a thread of its own
    ReadAhead::Chunk* m_chunk = nullptr;  // with read-ahead: the chunk m_data points into, if not m_buf
    std::vector<std::uint8_t> m_buf;      // without read-ahead, the buffer; with it, where frames too large
                                          // for a chunk's headroom are put together
    const std::uint8_t* m_data = nullptr; // the buffered bytes are m_data[m_pos, m_end)
    std::size_t m_pos = 0;
    std::size_t m_end = 0;
    std::uint64_t m_base = 0; // stream offset of m_data[0]
    bool m_eof = false;
    std::optional<StreamError> m_error;
};

} // namespace isoprobe::capture
