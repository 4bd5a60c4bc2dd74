// Bounds-checked big/little-endian reader over a byte span: the C++ form of tcpdump's GET_U_1.
// Every read is checked; a short read sets the failed flag and returns zero instead of reading past the end.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>

namespace isoprobe {

using Bytes = std::span<const std::uint8_t>;

class ByteReader {
  public:
    explicit ByteReader(Bytes data) noexcept : m_data(data) {}

    std::size_t remaining() const noexcept { return m_failed ? 0 : m_data.size() - m_pos; }
    std::size_t position() const noexcept { return m_pos; }
    bool failed() const noexcept { return m_failed; }
    bool ok() const noexcept { return !m_failed; }
    bool has(std::size_t n) const noexcept { return !m_failed && m_data.size() - m_pos >= n; }

    std::uint8_t u8() noexcept { return has(1) ? m_data[m_pos++] : fail<std::uint8_t>(); }
    std::uint16_t u16be() noexcept { return static_cast<std::uint16_t>(read_be(2)); }
    std::uint32_t u24be() noexcept { return static_cast<std::uint32_t>(read_be(3)); }
    std::uint32_t u32be() noexcept { return static_cast<std::uint32_t>(read_be(4)); }
    std::uint64_t u64be() noexcept { return read_be(8); }
    std::uint16_t u16le() noexcept { return static_cast<std::uint16_t>(read_le(2)); }
    std::uint32_t u32le() noexcept { return static_cast<std::uint32_t>(read_le(4)); }
    std::uint64_t u64le() noexcept { return read_le(8); }

    // Returns the next n bytes and advances, or an empty span (and fails) when fewer remain.
    Bytes take(std::size_t n) noexcept {
        if (!has(n)) return fail<Bytes>();
        Bytes out = m_data.subspan(m_pos, n);
        m_pos += n;
        return out;
    }
    Bytes rest() noexcept { return take(remaining()); }
    Bytes peek_rest() const noexcept { return m_failed ? Bytes{} : m_data.subspan(m_pos); }
    bool skip(std::size_t n) noexcept { return !take(n).empty() || n == 0; }

  private:
    template <class T> T fail() noexcept {
        m_failed = true;
        return T{};
    }
    std::uint64_t read_be(std::size_t n) noexcept {
        if (!has(n)) return fail<std::uint64_t>();
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < n; ++i)
            v = (v << 8) | m_data[m_pos + i];
        m_pos += n;
        return v;
    }
    std::uint64_t read_le(std::size_t n) noexcept {
        if (!has(n)) return fail<std::uint64_t>();
        std::uint64_t v = 0;
        for (std::size_t i = n; i-- > 0;)
            v = (v << 8) | m_data[m_pos + i];
        m_pos += n;
        return v;
    }

    Bytes m_data;
    std::size_t m_pos = 0;
    bool m_failed = false;
};

} // namespace isoprobe
