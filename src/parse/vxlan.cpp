// VXLAN (RFC 7348 5).
#include "parse/vxlan.hpp"

namespace isoprobe::parse {

namespace {
constexpr std::uint8_t k_flag_vni = 0x08;
constexpr std::size_t k_header = 8;
} // namespace

Expected<Bytes, ParseError> parse_vxlan(Bytes datagram_payload) {
    ByteReader r(datagram_payload);
    const std::uint8_t flags = r.u8();
    r.skip(k_header - 1); // reserved, VNI, reserved
    if (r.failed()) return unexpected(ParseError::truncated);
    if ((flags & k_flag_vni) == 0) return unexpected(ParseError::bad_value);
    return r.rest();
}

} // namespace isoprobe::parse
