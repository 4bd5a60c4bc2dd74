// ARP for IPv4 over IEEE 802 networks (RFC 826).
#pragma once
#include "decode/packet.hpp"
#include "parse/error.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

inline constexpr std::uint16_t k_arp_request = 1, k_arp_reply = 2;

// Unsupported: hardware or protocol types other than Ethernet (or IEEE 802) and IPv4.
Expected<decode::ArpInfo, ParseError> parse_arp(Bytes packet);

} // namespace isoprobe::parse
