#include "util/escape.hpp"

#include <algorithm>
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
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
        (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return n;
}

bool invisible_or_bidi(std::uint32_t cp) {
    return (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) ||
           (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff;
}

enum class Verdict { keep, escape_bytes, escape_code_point };

// Copies `raw`, doubling '\' when asked, keeping each character (ASCII byte or valid UTF-8 sequence) that
// `judge(code point)` keeps, writing a rejected valid character as \uNNNN and every byte that is not UTF-8
// (or that `judge` rejects as bytes) as \xNN.
template <class Judge> std::string escape(std::string_view raw, bool double_backslash, Judge judge) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size();) {
        auto c = static_cast<unsigned char>(raw[i]);
        std::uint32_t cp = c;
        std::size_t n = c < 0x80 ? 1 : utf8_length(raw, i, cp);
        const Verdict v = n ? judge(cp) : Verdict::escape_bytes;
        char buf[16];
        if (c == '\\' && double_backslash) {
            out += "\\\\";
            ++i;
        } else if (v == Verdict::keep) {
            out.append(raw.substr(i, n));
            i += n;
        } else if (v == Verdict::escape_code_point) {
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
            out += buf;
            i += n;
        } else {
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
            ++i;
        }
    }
    return out;
}

Verdict keep_all(std::uint32_t) {
    return Verdict::keep;
}
} // namespace

std::string terminal_safe(std::string_view raw) {
    return escape(raw, true, [](std::uint32_t cp) {
        if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) return Verdict::escape_bytes;
        return invisible_or_bidi(cp) ? Verdict::escape_code_point : Verdict::keep;
    });
}

std::string json_safe(std::string_view raw) {
    return escape(raw, true, keep_all);
}

std::string utf8_safe(std::string_view raw) {
    return escape(raw, false, keep_all);
}

bool is_utf8(std::string_view raw) {
    for (std::size_t i = 0; i < raw.size();) {
        std::uint32_t cp = 0;
        const std::size_t n = static_cast<unsigned char>(raw[i]) < 0x80 ? 1 : utf8_length(raw, i, cp);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::string hex_string(std::string_view raw) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(raw.size() * 2);
    for (char ch : raw) {
        const auto c = static_cast<unsigned char>(ch);
        out += digits[c >> 4];
        out += digits[c & 0xf];
    }
    return out;
}

std::optional<std::string> from_hex(std::string_view hex) {
    auto digit = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    };
    if (hex.size() % 2 != 0) return std::nullopt;
    std::string out;
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int hi = digit(hex[i]), lo = digit(hex[i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out += static_cast<char>(hi * 16 + lo);
    }
    return out;
}

std::string hex_note(std::string_view raw) {
    return terminal_safe(raw) == raw ? std::string() : " (hex " + hex_string(raw) + ")";
}

std::string shell_quote(std::string_view arg) {
    auto plain = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               std::string_view("_@%+=:,./-").find(c) != std::string_view::npos;
    };
    if (!arg.empty() && std::all_of(arg.begin(), arg.end(), plain)) return std::string(arg);
    std::string out = "'";
    for (char c : arg)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string shell_command(const std::vector<std::string>& argv) {
    std::string out;
    for (const auto& a : argv)
        out += (out.empty() ? "" : " ") + shell_quote(a);
    return out;
}

} // namespace isoprobe
