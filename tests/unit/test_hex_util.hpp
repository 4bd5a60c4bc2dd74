// Test helper for the parse and decode tests: bytes written as hex text, as `tshark -x` prints them, so a
// test table reads like the capture it came from.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "capture/frame.hpp"

namespace isoprobe::test {

// Hex digits to bytes; spaces, newlines and '|' (to mark header boundaries) are ignored.
inline std::vector<std::uint8_t> hex(std::string_view text) {
    std::vector<std::uint8_t> out;
    int high = -1;
    for (char c : text) {
        int v;
        if (c >= '0' && c <= '9')
            v = c - '0';
        else if (c >= 'a' && c <= 'f')
            v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            v = c - 'A' + 10;
        else
            continue;
        if (high < 0) {
            high = v;
        } else {
            out.push_back(static_cast<std::uint8_t>(high << 4 | v));
            high = -1;
        }
    }
    return out;
}

// A frame over `bytes` (which must outlive it); `orig_len` 0 means the whole frame was captured.
inline capture::Frame frame_of(std::uint32_t link_type, const std::vector<std::uint8_t>& bytes,
                               std::uint32_t orig_len = 0) {
    capture::Frame f;
    f.number = 1;
    f.link_type = link_type;
    f.bytes = Bytes(bytes);
    f.orig_len = orig_len != 0 ? orig_len : static_cast<std::uint32_t>(bytes.size());
    return f;
}

} // namespace isoprobe::test
