#include "util/escape.hpp"

#include <cstdint>
#include <cstdio>

namespace isoprobe {

namespace {
// Length of a valid UTF-8 sequence at s[i] (RFC 3629: no overlongs, no surrogates, max U+10FFFF), or 0.
std::size_t utf8_length(std::string_view s, std::size_t i, std::uint32_t& cp) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    unsigned char c = b(0);
    std::size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
    if (n == 0 || c > 0xf4 || i + n > s.size()) return 0;
    cp = c & (0xff >> (n + 1));
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(k) & 0xc0) != 0x80) return 0;
        cp = (cp << 6) | (b(k) & 0x3f);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
    return n;
}
} // namespace

// Copies `raw`, keeping each character (ASCII byte or valid UTF-8 sequence) that `keep(code point)` accepts and
// writing every other byte as \xNN.
template <class Keep> std::string escape_bytes(std::string_view raw, Keep keep) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size();) {
        auto c = static_cast<unsigned char>(raw[i]);
        std::uint32_t cp = c;
        std::size_t n = c < 0x80 ? 1 : utf8_length(raw, i, cp);
        if (n && keep(cp)) {
            out.append(raw.substr(i, n));
            i += n;
        } else {
            char buf[5];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
            ++i;
        }
    }
    return out;
}

std::string terminal_safe(std::string_view raw) {
    std::string out;
    // The backslash is doubled first so that an escape we write can never be confused with one in the input.
    for (char c : raw) {
        if (c == '\\') out += "\\\\";
        else out += c;
    }
    return escape_bytes(out, [](std::uint32_t cp) { return cp >= 0x20 && cp != 0x7f && !(cp >= 0x80 && cp < 0xa0); });
}

std::string json_safe(std::string_view raw) {
    return escape_bytes(raw, [](std::uint32_t) { return true; });
}

} // namespace isoprobe
