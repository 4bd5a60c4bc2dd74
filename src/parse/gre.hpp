// Generic Routing Encapsulation header (RFC 2784, with the key and sequence number fields of RFC 2890).
#pragma once
#include <cstdint>

#include "parse/error.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

inline constexpr std::uint8_t k_ipproto_gre = 47;
// GRE protocol types that carry a whole Ethernet frame: a switch's mirror session or a bridged tunnel.
inline constexpr std::uint16_t k_gre_erspan_ii = 0x88be;  // ERSPAN type I (no sequence number) and type II
inline constexpr std::uint16_t k_gre_erspan_iii = 0x22eb; // ERSPAN type III
inline constexpr std::uint16_t k_gre_teb = 0x6558; // Transparent Ethernet Bridging (also NVGRE, RFC 7637)

struct GreHeader {
    std::uint16_t protocol = 0;
    bool has_sequence = false; // S bit: ERSPAN type II has one, type I not
    Bytes payload;
};

// Truncated: shorter than the header its flags announce. Unsupported: version not 0 (1 is PPTP's enhanced
// GRE), or RFC 1701 source routing.
Expected<GreHeader, ParseError> parse_gre(Bytes packet);

} // namespace isoprobe::parse
