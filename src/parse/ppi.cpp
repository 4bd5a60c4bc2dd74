// Per-Packet Information header (CACE Technologies, "PPI Header Format" 1.0.10): all fields little-endian.
#include "parse/ppi.hpp"

namespace isoprobe::parse {

namespace {
constexpr std::size_t k_fixed_header = 8;
constexpr std::uint8_t k_flag_aligned = 0x01; // pph_flags: fields padded to 32 bits
constexpr std::uint16_t k_field_80211_common = 2;
constexpr std::size_t k_common_flags_offset = 8; // after the 8-byte TSF timer
constexpr std::uint16_t k_common_fcs_present = 0x0001, k_common_fcs_invalid = 0x0004;
constexpr std::size_t k_fcs = 4;
} // namespace

Expected<PpiHeader, ParseError> parse_ppi(Bytes data, std::size_t wire_length) {
    ByteReader r(data);
    const std::uint8_t version = r.u8();
    const std::uint8_t flags = r.u8();
    const std::size_t length = r.u16le();
    PpiHeader h;
    h.link_type = r.u32le();
    if (r.failed()) return unexpected(ParseError::truncated);
    if (version != 0) return unexpected(ParseError::bad_value);
    if (length < k_fixed_header) return unexpected(ParseError::bad_length);
    if (length > data.size()) return unexpected(ParseError::truncated);

    bool fcs = false;
    ByteReader fields(data.subspan(k_fixed_header, length - k_fixed_header));
    while (fields.remaining() > 0) {
        const std::uint16_t type = fields.u16le();
        const std::size_t field_length = fields.u16le();
        const Bytes field = fields.take(field_length);
        if (fields.failed()) return unexpected(ParseError::bad_length);
        if (type == k_field_80211_common) {
            ByteReader common(field);
            common.skip(k_common_flags_offset);
            const std::uint16_t common_flags = common.u16le();
            if (common.failed()) return unexpected(ParseError::bad_length);
            fcs = (common_flags & k_common_fcs_present) != 0;
            h.bad_fcs = (common_flags & k_common_fcs_invalid) != 0;
        }
        if ((flags & k_flag_aligned) && field_length % 4 != 0)
            fields.skip(std::min(4 - field_length % 4, fields.remaining()));
    }

    h.frame = data.subspan(length);
    if (fcs) {
        // The FCS ends the frame on the wire: a snaplen cut takes it first.
        const std::size_t wire_frame = (wire_length > length ? wire_length : data.size()) - length;
        const std::size_t cut = wire_frame - h.frame.size();
        const std::size_t captured_fcs = cut >= k_fcs ? 0 : k_fcs - cut;
        if (h.frame.size() < captured_fcs) return unexpected(ParseError::truncated);
        h.frame = h.frame.first(h.frame.size() - captured_fcs);
    }
    return h;
}

} // namespace isoprobe::parse
