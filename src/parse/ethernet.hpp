// Ethernet II / IEEE 802.3 MAC header (IEEE 802.3-2018 3.2) and 802.1Q / 802.1ad VLAN tags (IEEE
// 802.1Q-2018 9.5).
#pragma once
#include <cstdint>

#include "parse/error.hpp"
#include "util/addr.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

// EtherTypes we dispatch on (IEEE Registration Authority).
inline constexpr std::uint16_t k_ethertype_ipv4 = 0x0800;
inline constexpr std::uint16_t k_ethertype_arp = 0x0806;
inline constexpr std::uint16_t k_ethertype_vlan = 0x8100; // C-tag, 802.1Q
inline constexpr std::uint16_t k_ethertype_ipv6 = 0x86dd;
inline constexpr std::uint16_t k_ethertype_qinq = 0x88a8;  // S-tag, 802.1ad
inline constexpr std::uint16_t k_ethertype_eapol = 0x888e; // IEEE 802.1X-2020 11.1.4
inline constexpr std::uint16_t k_ethertype_lldp = 0x88cc;
inline constexpr std::uint16_t k_ethertype_pppoe_discovery = 0x8863; // RFC 2516
inline constexpr std::uint16_t k_ethertype_qinq_old =
    0x9100; // pre-802.1ad double tagging, still seen on switches
// Values below this are IEEE 802.3 lengths and an LLC header follows (IEEE 802.3-2018 3.2.6).
inline constexpr std::uint16_t k_ethertype_min = 0x0600;

inline constexpr std::size_t k_max_vlan_tags = 4;

struct EthernetHeader {
    MacAddr dst, src;
    std::uint16_t type_or_length = 0;
    Bytes payload; // everything after the 14-byte header
};

// The 14-byte MAC header.
Expected<EthernetHeader, ParseError> parse_ethernet(Bytes frame);

struct EtherPayload {
    std::uint16_t ethertype = 0; // 0 when an 802.3 length came instead: payload is then an LLC PDU
    Bytes payload;
};

// Unwraps up to k_max_vlan_tags VLAN tags after `type_or_length`; an 802.3 length trims the payload to it,
// which drops the padding of short frames. Truncated tags fail; too many tags are malformed.
Expected<EtherPayload, ParseError> unwrap_ether_payload(std::uint16_t type_or_length, Bytes payload);

} // namespace isoprobe::parse
