// MAC and IP address values: comparable, hashable, printable in the usual notations (RFC 5952 for IPv6).
#pragma once
#include <array>
#include <compare>
#include <cstdint>
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
    bool is_zero() const noexcept;
    std::string str() const;
    auto operator<=>(const MacAddr&) const = default;
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
    bool is_unspecified() const noexcept;
    bool is_link_local_v6() const noexcept;
    std::string str() const;
    auto operator<=>(const IpAddr&) const = default;
};

} // namespace isoprobe

template <> struct std::hash<isoprobe::MacAddr> {
    std::size_t operator()(const isoprobe::MacAddr& m) const noexcept {
        std::uint64_t v = 0;
        for (auto x : m.b)
            v = (v << 8) | x;
        return std::hash<std::uint64_t>{}(v);
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
