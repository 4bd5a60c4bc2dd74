// MAC and IP address formatting and parsing; IPv6 text per RFC 5952 via inet_ntop/inet_pton.
#include "util/addr.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

namespace isoprobe {

MacAddr MacAddr::from(Bytes six) noexcept {
    MacAddr m;
    std::copy_n(six.begin(), 6, m.b.begin());
    return m;
}

std::optional<MacAddr> MacAddr::parse(std::string_view text) {
    MacAddr m;
    if (text.size() != 17) return std::nullopt;
    for (std::size_t i = 0; i < 6; ++i) {
        unsigned v = 0;
        for (std::size_t j = 0; j < 2; ++j) {
            char c = text[i * 3 + j];
            unsigned d;
            if (c >= '0' && c <= '9')
                d = static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f')
                d = static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                d = static_cast<unsigned>(c - 'A' + 10);
            else
                return std::nullopt;
            v = v * 16 + d;
        }
        if (i < 5 && text[i * 3 + 2] != ':' && text[i * 3 + 2] != '-') return std::nullopt;
        m.b[i] = static_cast<std::uint8_t>(v);
    }
    return m;
}

bool MacAddr::is_broadcast() const noexcept {
    return std::all_of(b.begin(), b.end(), [](auto x) { return x == 0xff; });
}
std::string MacAddr::str() const {
    // By hand rather than snprintf: the isolation assessment names both ends of every flow (up to 81920 of
    // them).
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out(17, ':');
    for (std::size_t i = 0; i < b.size(); ++i) {
        out[3 * i] = k_hex[b[i] >> 4];
        out[3 * i + 1] = k_hex[b[i] & 15];
    }
    return out;
}

IpAddr IpAddr::v4(Bytes four) noexcept {
    IpAddr a;
    a.family = 4;
    std::copy_n(four.begin(), 4, a.b.begin());
    return a;
}
IpAddr IpAddr::v4(std::uint32_t host_order) noexcept {
    std::uint8_t raw[4] = {static_cast<std::uint8_t>(host_order >> 24),
                           static_cast<std::uint8_t>(host_order >> 16),
                           static_cast<std::uint8_t>(host_order >> 8), static_cast<std::uint8_t>(host_order)};
    return v4(Bytes(raw, 4));
}
IpAddr IpAddr::v6(Bytes sixteen) noexcept {
    IpAddr a;
    a.family = 6;
    std::copy_n(sixteen.begin(), 16, a.b.begin());
    return a;
}

std::optional<IpAddr> IpAddr::parse(std::string_view text) {
    std::string s(text);
    std::uint8_t raw[16];
    if (inet_pton(AF_INET, s.c_str(), raw) == 1) return v4(Bytes(raw, 4));
    if (inet_pton(AF_INET6, s.c_str(), raw) == 1) return v6(Bytes(raw, 16));
    return std::nullopt;
}

std::uint32_t IpAddr::v4_host_order() const noexcept {
    return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) | b[3];
}
bool IpAddr::is_multicast() const noexcept {
    return (family == 4 && (b[0] & 0xf0) == 0xe0) || (family == 6 && b[0] == 0xff);
}
bool IpAddr::is_broadcast_v4() const noexcept {
    return family == 4 && v4_host_order() == 0xffffffffu;
}
bool IpAddr::is_link_local_v6() const noexcept {
    return family == 6 && b[0] == 0xfe && (b[1] & 0xc0) == 0x80;
}

std::string IpAddr::str() const {
    char buf[INET6_ADDRSTRLEN] = "";
    if (family == 4)
        inet_ntop(AF_INET, b.data(), buf, sizeof buf);
    else if (family == 6)
        inet_ntop(AF_INET6, b.data(), buf, sizeof buf);
    return buf;
}

} // namespace isoprobe
