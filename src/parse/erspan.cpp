// ERSPAN types I, II and III (draft-foschiano-erspan-03 sections 3.1-3.3).
#include "parse/erspan.hpp"

#include "parse/gre.hpp"

namespace isoprobe::parse {

namespace {
constexpr std::uint8_t k_version_ii = 1, k_version_iii = 2;
constexpr std::uint8_t k_frame_type_ethernet = 0;
constexpr std::size_t k_platform_subheader = 8; // type III, when the O bit is set
} // namespace

Expected<Bytes, ParseError> parse_erspan(std::uint16_t gre_protocol, bool gre_sequence, Bytes payload) {
    if (gre_protocol == k_gre_erspan_ii && !gre_sequence) return payload; // type I: no ERSPAN header
    ByteReader r(payload);
    const std::uint8_t version = r.u8() >> 4;
    if (gre_protocol == k_gre_erspan_ii) {
        r.skip(7); // VLAN, CoS, encapsulation, truncated, session id, index
        if (r.failed()) return unexpected(ParseError::truncated);
        if (version != k_version_ii) return unexpected(ParseError::bad_value);
        return r.rest();
    }
    r.skip(9); // VLAN, CoS, BSO, truncated, session id, timestamp, security group tag
    const std::uint8_t ft_hw = r.u8();
    const std::uint8_t last = r.u8();
    if (r.failed()) return unexpected(ParseError::truncated);
    if (version != k_version_iii) return unexpected(ParseError::bad_value);
    if (((ft_hw >> 2) & 0x1f) != k_frame_type_ethernet) return unexpected(ParseError::unsupported);
    if (last & 0x01) r.skip(k_platform_subheader); // O bit
    if (r.failed()) return unexpected(ParseError::truncated);
    return r.rest();
}

} // namespace isoprobe::parse
