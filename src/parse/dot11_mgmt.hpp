// 802.11 management frame bodies (IEEE 802.11-2020 9.3.3): fixed fields, then elements (9.4.2) of which we
// keep what the BSS table needs: SSID, channel, RSN, WPA and the capability privacy bit.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "parse/error.hpp"
#include "parse/rsn.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

// Management frame subtypes (9.2.4.1.3, Table 9-1).
inline constexpr std::uint8_t k_mgmt_assoc_request = 0;
inline constexpr std::uint8_t k_mgmt_assoc_response = 1;
inline constexpr std::uint8_t k_mgmt_reassoc_request = 2;
inline constexpr std::uint8_t k_mgmt_reassoc_response = 3;
inline constexpr std::uint8_t k_mgmt_probe_request = 4;
inline constexpr std::uint8_t k_mgmt_probe_response = 5;
inline constexpr std::uint8_t k_mgmt_beacon = 8;

inline constexpr std::uint16_t k_capability_privacy = 0x0010; // 9.4.1.4

// Element-level damage, counted rather than fatal (STYLE: anomalies are data).
enum class ElementAnomaly : std::uint8_t {
    truncated_element, // an element's length runs past the end of the body: the walk stops there
    bad_ssid_length,   // more than 32 bytes (9.4.2.2): not taken as the SSID
    duplicate_ssid,    // a second SSID element; the first one is kept
    bad_ds_length,     // DS Parameter Set not 1 byte
    malformed_rsn,     // RSN element cut inside a field (the fields before it are kept)
    malformed_wpa,     // same for the WPA vendor element
    count_
};
std::string_view element_anomaly_name(ElementAnomaly a);

struct MgmtBody {
    std::uint8_t subtype = 0;
    std::optional<std::uint16_t> capability;       // absent for probe requests, which have no fixed fields
    std::optional<std::vector<std::uint8_t>> ssid; // raw bytes: SSIDs need not be text (9.4.2.2)
    std::optional<std::uint8_t> channel;           // DS Parameter Set, else HT Operation primary channel
    std::optional<RsnInfo> rsn;
    std::optional<RsnInfo> wpa;
    std::vector<ElementAnomaly> anomalies;
    std::size_t elements = 0;

    bool privacy() const { return capability && (*capability & k_capability_privacy) != 0; }
};

// An SSID that hides the network name: empty or all zero bytes.
bool ssid_hidden(Bytes ssid);

// `body` is the frame body after the 24-byte MAC header (no FCS). Fails only when the fixed fields are short
// or the subtype has none we know.
Expected<MgmtBody, ParseError> parse_mgmt_body(std::uint8_t subtype, Bytes body);

} // namespace isoprobe::parse
