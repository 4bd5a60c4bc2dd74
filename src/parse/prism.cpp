// Prism and AVS capture headers (Wireshark packet-ieee80211-prism.c; linux-wlan-ng p80211netdev/wlan_compat).
#include "parse/prism.hpp"

namespace isoprobe::parse {

namespace {
constexpr std::uint32_t k_avs_magic_mask = 0xfffffff0, k_avs_magic = 0x80211000;
constexpr std::size_t k_avs_fixed = 8;    // version, length
constexpr std::size_t k_prism_fixed = 24; // msgcode, msglen, 16-byte device name

bool avs_magic(std::uint32_t v) {
    const std::uint32_t version = v & ~k_avs_magic_mask;
    return (v & k_avs_magic_mask) == k_avs_magic && (version == 1 || version == 2);
}
} // namespace

Expected<Bytes, ParseError> parse_avs(Bytes data) {
    ByteReader r(data);
    const std::uint32_t magic = r.u32be();
    const std::size_t length = r.u32be();
    if (r.failed()) return unexpected(ParseError::truncated);
    if (!avs_magic(magic)) return unexpected(ParseError::bad_value);
    if (length < k_avs_fixed) return unexpected(ParseError::bad_length);
    if (length > data.size()) return unexpected(ParseError::truncated);
    return data.subspan(length);
}

Expected<Bytes, ParseError> parse_prism(Bytes data) {
    ByteReader r(data);
    const std::uint32_t first = r.u32be();
    if (r.failed()) return unexpected(ParseError::truncated);
    if (avs_magic(first)) return parse_avs(data);
    // msglen is in the capturing host's byte order: a little-endian reading too large for the frame is
    // big-endian.
    ByteReader len(data.subspan(4));
    const std::uint32_t le = len.u32le();
    if (len.failed()) return unexpected(ParseError::truncated);
    const std::uint32_t be = (le >> 24) | ((le >> 8) & 0xff00) | ((le << 8) & 0xff0000) | (le << 24);
    const std::size_t length = le <= data.size() || be > data.size() ? le : be;
    if (length < k_prism_fixed) return unexpected(ParseError::bad_length);
    if (length > data.size()) return unexpected(ParseError::truncated);
    return data.subspan(length);
}

} // namespace isoprobe::parse
