#include "probe/marker.hpp"

#include <sys/random.h>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace isoprobe::probe {

Marker Marker::random() {
    std::uint64_t token = 0;
    if (getrandom(&token, sizeof token, 0) != static_cast<ssize_t>(sizeof token))
        token = static_cast<std::uint64_t>(std::time(nullptr)) * 0x9e3779b97f4a7c15ULL;
    return Marker(token);
}

std::string Marker::make_prefix(std::uint64_t token) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "isoprobe-%016llx-", static_cast<unsigned long long>(token));
    return buf;
}

std::string Marker::text(std::uint32_t probe_id) const {
    char buf[12];
    std::snprintf(buf, sizeof buf, "%08x", probe_id);
    return m_prefix + buf;
}

std::optional<std::uint32_t> Marker::find(Bytes frame) const {
    auto it = std::search(frame.begin(), frame.end(), m_prefix.begin(), m_prefix.end());
    if (it == frame.end()) return std::nullopt;
    auto pos = static_cast<std::size_t>(it - frame.begin()) + m_prefix.size();
    if (frame.size() - pos < 8) return std::nullopt;
    std::uint32_t id = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        char c = static_cast<char>(frame[pos + i]);
        std::uint32_t d;
        if (c >= '0' && c <= '9')
            d = static_cast<std::uint32_t>(c - '0');
        else if (c >= 'a' && c <= 'f')
            d = static_cast<std::uint32_t>(c - 'a' + 10);
        else
            return std::nullopt;
        id = id * 16 + d;
    }
    return id;
}

} // namespace isoprobe::probe
