// MAC and IP address values: comparable, hashable, printable in the usual notations (RFC 5952 for IPv6).
#pragma once
#include <array>
#include <compare>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "util/bytes.hpp"

namespace isoprobe {

struct MacAddr {
    std::array<std::uint8_t, 6> b{};

    static MacAddr from(Bytes six) noexcept; // six.size() must be >= 6
    static std::optional<MacAddr> parse(std::string_view text);
    bool is_group() const noexcept { return (b[0] & 0x01) != 0; }
    bool is_broadcast() const noexcept;
    bool is_zero() const noexcept { return raw() == 0; }
    std::string str() const;
    // The address as one number whose order is the bytes' order. Comparisons run for nearly every frame (and
    // every map lookup of the analysis): as integers they are a few instructions, where the defaulted ones
    // called memcmp.
    std::uint64_t word() const noexcept {
        std::uint32_t hi;
        std::uint16_t lo;
        std::memcpy(&hi, b.data(), sizeof hi);
        std::memcpy(&lo, b.data() + 4, sizeof lo);
        return std::uint64_t{__builtin_bswap32(hi)} << 16 | __builtin_bswap16(lo);
    }
    std::uint64_t raw() const noexcept {
        std::uint32_t hi;
        std::uint16_t lo;
        std::memcpy(&hi, b.data(), sizeof hi);
        std::memcpy(&lo, b.data() + 4, sizeof lo);
        return std::uint64_t{hi} | std::uint64_t{lo} << 32;
    }
    // Equality needs no byte order: the bytes as loaded.
    bool operator==(const MacAddr& o) const noexcept { return raw() == o.raw(); }
    std::strong_ordering operator<=>(const MacAddr& o) const noexcept { return word() <=> o.word(); }
};

struct IpAddr {
    std::uint8_t family = 0; // 0 none, 4, 6
    std::array<std::uint8_t, 16> b{};

    static IpAddr v4(Bytes four) noexcept;
    static IpAddr v4(std::uint32_t host_order) noexcept;
    static IpAddr v6(Bytes sixteen) noexcept;
    static std::optional<IpAddr> parse(std::string_view text);
    bool empty() const noexcept { return family == 0; }
    std::uint32_t v4_host_order() const noexcept;
    bool is_multicast() const noexcept;
    bool is_broadcast_v4() const noexcept; // 255.255.255.255 only; directed broadcasts need the subnet
    bool is_unspecified() const noexcept { return family != 0 && high() == 0 && low() == 0; }
    bool is_link_local_v6() const noexcept;
    std::string str() const;
    // As for MacAddr: the family, then the 16 bytes as two numbers in the bytes' order (an IPv4 address keeps
    // its last 12 bytes zero).
    bool operator==(const IpAddr& o) const noexcept {
        return family == o.family && high() == o.high() && low() == o.low();
    }
    std::strong_ordering operator<=>(const IpAddr& o) const noexcept {
        if (family != o.family) return family <=> o.family;
        if (high() != o.high()) return high() <=> o.high();
        return low() <=> o.low();
    }

  private:
    std::uint64_t half(std::size_t at) const noexcept {
        std::uint64_t v;
        std::memcpy(&v, b.data() + at, sizeof v);
        return __builtin_bswap64(v);
    }
    std::uint64_t high() const noexcept { return half(0); }
    std::uint64_t low() const noexcept { return half(8); }
};

} // namespace isoprobe

template <> struct std::hash<isoprobe::MacAddr> {
    std::size_t operator()(const isoprobe::MacAddr& m) const noexcept {
        return std::hash<std::uint64_t>{}(m.word());
    }
};
template <> struct std::hash<isoprobe::IpAddr> {
    std::size_t operator()(const isoprobe::IpAddr& a) const noexcept {
        std::uint64_t h = a.family;
        for (auto x : a.b)
            h = h * 1099511628211ULL ^ x;
        return static_cast<std::size_t>(h);
    }
};
