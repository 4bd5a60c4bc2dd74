// Radiotap capture header (radiotap.org, "Radiotap header" and "Defined fields": TSFT, Flags).
#include "parse/radiotap.hpp"

#include <algorithm>

namespace isoprobe::parse {

namespace {
constexpr std::uint32_t k_present_tsft = 1u << 0;
constexpr std::uint32_t k_present_flags = 1u << 1;
constexpr std::uint32_t k_present_ext = 1u << 31;
constexpr std::size_t k_fixed_header = 8;
constexpr std::size_t k_fcs = 4;
} // namespace

Expected<RadiotapHeader, ParseError> parse_radiotap(Bytes data, std::size_t wire_length) {
    ByteReader r(data);
    const std::uint8_t version = r.u8();
    r.skip(1); // pad
    const std::size_t length = r.u16le();
    const std::uint32_t present = r.u32le();
    if (r.failed()) return unexpected(ParseError::truncated);
    if (version != 0) return unexpected(ParseError::bad_value);
    if (length < k_fixed_header) return unexpected(ParseError::bad_length);
    if (length > data.size()) return unexpected(ParseError::truncated);

    // Only the first bitmap's bits 0 and 1 matter (they are always in the default namespace), but the fields
    // start after the whole chain of extended bitmaps.
    ByteReader header(data.first(length));
    header.skip(4); // version, pad, length
    for (std::uint32_t word = header.u32le(); header.ok() && (word & k_present_ext);)
        word = header.u32le();
    if (header.failed()) return unexpected(ParseError::bad_length);

    RadiotapHeader out;
    if (present & k_present_flags) {
        // Fields are naturally aligned relative to the start of the header: TSFT is a u64 (radiotap.org,
        // alignment).
        if (present & k_present_tsft) header.skip((8 - header.position() % 8) % 8 + 8);
        out.flags = header.u8();
        if (header.failed()) return unexpected(ParseError::bad_length);
    }
    out.frame = data.subspan(length);
    if (out.flags & k_radiotap_flag_fcs) {
        const std::size_t wire_frame = std::max(wire_length, data.size()) - length;
        if (wire_frame < k_fcs) return unexpected(ParseError::truncated);
        out.frame = out.frame.first(std::min(out.frame.size(), wire_frame - k_fcs));
    }
    return out;
}

} // namespace isoprobe::parse
