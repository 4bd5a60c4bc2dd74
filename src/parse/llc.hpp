// IEEE 802.2 LLC header and its SNAP extension (IEEE 802-2014 10.3, RFC 1042, IEEE 802.1H).
#pragma once
#include <cstdint>

#include "parse/error.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

inline constexpr std::uint8_t k_llc_sap_snap = 0xaa;
inline constexpr std::uint8_t k_llc_sap_stp = 0x42; // IEEE 802.1 bridge spanning tree protocols
inline constexpr std::uint32_t k_oui_rfc1042 = 0x000000;
inline constexpr std::uint32_t k_oui_bridge_tunnel = 0x0000f8; // IEEE 802.1H
inline constexpr std::uint32_t k_oui_cisco = 0x00000c;

struct LlcHeader {
    std::uint8_t dsap = 0, ssap = 0;
    std::uint16_t control = 0; // one byte for U-format PDUs, two for I and S formats
    bool snap = false;
    std::uint32_t oui = 0; // SNAP only
    std::uint16_t pid = 0; // SNAP only; an EtherType under the RFC 1042 and 802.1H OUIs
    Bytes payload;

    // True when the SNAP protocol id is an EtherType (RFC 1042 encapsulation or 802.1H bridge tunnel).
    bool carries_ethertype() const { return snap && (oui == k_oui_rfc1042 || oui == k_oui_bridge_tunnel); }
};

Expected<LlcHeader, ParseError> parse_llc(Bytes pdu);

} // namespace isoprobe::parse
