// Bounds-checked big/little-endian reader over a byte span: the C++ form of tcpdump's GET_U_1.
// Every read is checked; a short read sets the failed flag and returns zero instead of reading past the end.
#pragma once
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
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
    std::uint16_t u16be() noexcept { return read<std::uint16_t, std::endian::big>(); }
    std::uint32_t u24be() noexcept {
        if (!has(3)) return fail<std::uint32_t>();
        const std::uint16_t high = u16be();
        return std::uint32_t{high} << 8 | u8();
    }
    std::uint32_t u32be() noexcept { return read<std::uint32_t, std::endian::big>(); }
    std::uint64_t u64be() noexcept { return read<std::uint64_t, std::endian::big>(); }
    std::uint16_t u16le() noexcept { return read<std::uint16_t, std::endian::little>(); }
    std::uint32_t u32le() noexcept { return read<std::uint32_t, std::endian::little>(); }
    std::uint64_t u64le() noexcept { return read<std::uint64_t, std::endian::little>(); }

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
    // One load and at most one byte swap: the readers and parsers run it for every field of every frame,
    // where a loop over the bytes took a dozen instructions a byte.
    template <class T, std::endian order> T read() noexcept {
        if (!has(sizeof(T))) return fail<T>();
        T v;
        std::memcpy(&v, m_data.data() + m_pos, sizeof v);
        m_pos += sizeof v;
        if constexpr (order != std::endian::native) {
            if constexpr (sizeof(T) == 2) v = __builtin_bswap16(v);
            if constexpr (sizeof(T) == 4) v = __builtin_bswap32(v);
            if constexpr (sizeof(T) == 8) v = __builtin_bswap64(v);
        }
        return v;
    }

    Bytes m_data;
    std::size_t m_pos = 0;
    bool m_failed = false;
};

} // namespace isoprobe
