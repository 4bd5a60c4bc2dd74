// ERSPAN, the encapsulation of Cisco's remote mirror sessions (draft-foschiano-erspan-03): inside GRE, a
// mirrored Ethernet frame, after no header (type I), an 8-byte header (type II) or a 12-byte one (type III).
#pragma once
#include <cstdint>

#include "parse/error.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

// The mirrored Ethernet frame in a GRE payload of protocol k_gre_erspan_ii or k_gre_erspan_iii;
// `gre_sequence` (the GRE S bit) tells type II from type I (draft 3.1, as Wireshark reads it). Truncated:
// shorter than the header. Bad value: a version field that does not match the GRE protocol. Unsupported: a
// type III frame type other than Ethernet (e.g. IP only, or a platform's own).
Expected<Bytes, ParseError> parse_erspan(std::uint16_t gre_protocol, bool gre_sequence, Bytes payload);

} // namespace isoprobe::parse
