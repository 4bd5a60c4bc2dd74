// RADIUS packets (RFC 2865 3, 5) as far as EAP over RADIUS needs them (RFC 3579 3): the header, every
// attribute, and the EAP packet its EAP-Message attributes carry.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "parse/error.hpp"
#include "util/addr.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

// Authentication ports: IANA's (RFC 2865 3) and the one servers used before it, still common.
inline constexpr std::uint16_t k_radius_port = 1812;
inline constexpr std::uint16_t k_radius_port_legacy = 1645;
constexpr bool is_radius_port(std::uint16_t port) {
    return port == k_radius_port || port == k_radius_port_legacy;
}

// Codes, RFC 2865 3.
inline constexpr std::uint8_t k_radius_access_request = 1;
inline constexpr std::uint8_t k_radius_access_accept = 2;
inline constexpr std::uint8_t k_radius_access_reject = 3;
inline constexpr std::uint8_t k_radius_access_challenge = 11;

// Attribute types, RFC 2865 5 and RFC 3579 3.
inline constexpr std::uint8_t k_radius_user_name = 1;
inline constexpr std::uint8_t k_radius_nas_ip_address = 4;
inline constexpr std::uint8_t k_radius_state = 24;
inline constexpr std::uint8_t k_radius_called_station_id = 30;
inline constexpr std::uint8_t k_radius_calling_station_id = 31;
inline constexpr std::uint8_t k_radius_eap_message = 79;

struct RadiusAttribute {
    std::uint8_t type = 0;
    Bytes value;
};

struct RadiusPacket {
    std::uint8_t code = 0;
    std::uint8_t id = 0;
    std::uint16_t length = 0; // as declared; bytes past it are padding (RFC 2865 3)
    std::array<std::uint8_t, 16> authenticator{};
    std::vector<RadiusAttribute> attributes; // in packet order
    // The EAP-Message attributes concatenated in order (RFC 3579 3.1): one EAP packet, possibly split.
    std::vector<std::uint8_t> eap;
    bool has_eap = false;
    // The first occurrence of each; absent when the packet has none.
    std::optional<Bytes> user_name, state, called_station_id, calling_station_id;
    std::optional<IpAddr> nas_ip_address;
};

// `data` is the UDP payload. Fails when the header is short, the length field is below 20 or beyond the bytes
// given, or an attribute's length is below 2 or runs past the packet.
Expected<RadiusPacket, ParseError> parse_radius(Bytes data);

// The MAC address a Calling-Station-Id or Called-Station-Id names (RFC 3580 3.20, 3.21), in the notations
// NASes use: "00-11-22-33-44-55", "00:11:22:33:44:55", "001122334455", "0011.2233.4455". A Called-Station-Id
// may add
// ":SSID" after the address. Nothing when the text names no MAC address (a telephone number, an IP address).
std::optional<MacAddr> station_id_mac(std::string_view text);

} // namespace isoprobe::parse
