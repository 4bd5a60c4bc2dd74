// EAPOL PDUs (IEEE 802.1X-2010 11.3): protocol version, packet type, body length and body.
#pragma once
#include <cstdint>
#include <string>

#include "parse/error.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

// Packet types, IEEE 802.1X-2010 Table 11-3.
inline constexpr std::uint8_t k_eapol_eap = 0;
inline constexpr std::uint8_t k_eapol_start = 1;
inline constexpr std::uint8_t k_eapol_logoff = 2;
inline constexpr std::uint8_t k_eapol_key = 3;

std::string eapol_type_name(std::uint8_t type);

struct EapolPdu {
    std::uint8_t version = 0;
    std::uint8_t type = 0;
    std::uint16_t body_length = 0; // as declared
    Bytes body;                    // the declared body, cut where the frame ends; Ethernet padding excluded
    bool truncated = false;        // the frame ends before the declared body does
};

// Fails only when the 4-byte header itself is incomplete.
Expected<EapolPdu, ParseError> parse_eapol(Bytes pdu);

} // namespace isoprobe::parse
