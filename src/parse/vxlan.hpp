// Virtual eXtensible LAN header (RFC 7348 5): an Ethernet frame inside UDP.
#pragma once
#include <cstdint>

#include "parse/error.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

inline constexpr std::uint16_t k_udp_port_vxlan = 4789; // IANA

// The inner Ethernet frame. Truncated: shorter than 8 bytes. Bad value: the I flag (valid VNI) is not set.
Expected<Bytes, ParseError> parse_vxlan(Bytes datagram_payload);

} // namespace isoprobe::parse
