// GRE (RFC 2784 2.1, RFC 2890 2; the routing bit of RFC 1701 2.1).
#include "parse/gre.hpp"

namespace isoprobe::parse {

namespace {
constexpr std::uint16_t k_flag_checksum = 0x8000, k_flag_routing = 0x4000, k_flag_key = 0x2000,
                        k_flag_sequence = 0x1000, k_version_mask = 0x0007;
} // namespace

Expected<GreHeader, ParseError> parse_gre(Bytes packet) {
    ByteReader r(packet);
    const std::uint16_t flags = r.u16be();
    GreHeader h;
    h.protocol = r.u16be();
    if (r.failed()) return unexpected(ParseError::truncated);
    if ((flags & k_version_mask) != 0 || (flags & k_flag_routing)) return unexpected(ParseError::unsupported);
    if (flags & k_flag_checksum) r.skip(4); // checksum, reserved
    if (flags & k_flag_key) r.skip(4);
    h.has_sequence = (flags & k_flag_sequence) != 0;
    if (h.has_sequence) r.skip(4);
    if (r.failed()) return unexpected(ParseError::truncated);
    h.payload = r.rest();
    return h;
}

} // namespace isoprobe::parse
