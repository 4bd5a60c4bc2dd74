// Radiotap capture header (radiotap.org, "Radiotap header" and "Defined fields": TSFT, Flags), read only as
// far as the Flags field, which says whether the 802.11 frame ends in an FCS or has padding after its header.
#pragma once
#include <cstdint>

#include "parse/error.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

inline constexpr std::uint8_t k_radiotap_flag_fcs = 0x10;     // the frame includes the 4-byte FCS at its end
inline constexpr std::uint8_t k_radiotap_flag_datapad = 0x20; // padding between the 802.11 header and payload
inline constexpr std::uint8_t k_radiotap_flag_bad_fcs = 0x40; // the frame failed its FCS check

struct RadiotapHeader {
    std::uint8_t flags = 0; // 0 when the Flags field is absent
    Bytes frame;            // the 802.11 frame after the radiotap header, without its FCS
};

// `wire_length` is the frame's length on the wire: when the capture cut it short (snaplen) the FCS, which
// ends the wire frame, is partly or wholly missing and only what is captured of it is removed; 0 means not
// cut. Truncated: shorter than 8 bytes, than its own length field, or than the FCS the flags announce. Bad
// value: version not 0. Bad length: below 8, or a presence bitmap or the Flags field beyond the stated
// length.
Expected<RadiotapHeader, ParseError> parse_radiotap(Bytes data, std::size_t wire_length = 0);

} // namespace isoprobe::parse
