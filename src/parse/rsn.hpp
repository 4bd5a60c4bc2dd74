// RSN element (IEEE 802.11-2020 9.4.2.24) and the pre-RSN WPA vendor element (Wi-Fi Alliance WPA,
// element 221 with OUI 00-50-F2 type 1), which has the same shape with its own OUI.
#pragma once
#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parse/error.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

using Oui = std::array<std::uint8_t, 3>;
inline constexpr Oui k_oui_ieee80211{0x00, 0x0f, 0xac};
inline constexpr Oui k_oui_wpa{0x00, 0x50, 0xf2};

// A cipher or AKM suite selector (9.4.2.24.2-3).
struct Suite {
    Oui oui{};
    std::uint8_t type = 0;

    bool ieee() const { return oui == k_oui_ieee80211; }
    std::string str() const; // "00-0f-ac:4"
    auto operator<=>(const Suite&) const = default;
};

// Cipher suite type numbers (Table 9-149).
inline constexpr std::uint8_t k_cipher_use_group = 0;
inline constexpr std::uint8_t k_cipher_wep40 = 1;
inline constexpr std::uint8_t k_cipher_tkip = 2;
inline constexpr std::uint8_t k_cipher_ccmp128 = 4;
inline constexpr std::uint8_t k_cipher_wep104 = 5;
inline constexpr std::uint8_t k_cipher_bip_cmac128 = 6;
inline constexpr std::uint8_t k_cipher_gcmp256 = 9;

// "ccmp-128", "tkip", ... for 00-0F-AC and the WPA OUI's equivalents, "00-11-22:n" for other vendors.
std::string cipher_suite_name(const Suite& s);
// "802.1x", "psk", "sae", "owe", ... (Table 9-151) or "wpa-802.1x"/"wpa-psk", else the selector text.
std::string akm_suite_name(const Suite& s);

inline constexpr std::uint16_t k_rsn_cap_mfpr = 0x0040; // bit 6
inline constexpr std::uint16_t k_rsn_cap_mfpc = 0x0080; // bit 7

struct RsnInfo {
    bool wpa = false; // parsed from the WPA vendor element, not element 48
    std::uint16_t version = 0;
    // Everything after the version may be omitted (9.4.2.24.1); absent fields stay empty here and the
    // standard's defaults are applied by whoever interprets them.
    std::optional<Suite> group_cipher;
    std::optional<std::vector<Suite>> pairwise;
    std::optional<std::vector<Suite>> akms;
    std::optional<std::uint16_t> capabilities;
    std::optional<std::uint16_t> pmkid_count;
    std::optional<Suite> group_mgmt_cipher;
    // Set when the element ends inside a field: every complete field before it is kept, nothing after.
    std::optional<ParseError> malformed;

    bool mfpr() const { return capabilities && (*capabilities & k_rsn_cap_mfpr) != 0; }
    bool mfpc() const { return capabilities && (*capabilities & k_rsn_cap_mfpc) != 0; }
};

// `body` is the element body after id and length. Fails only when the version is missing.
Expected<RsnInfo, ParseError> parse_rsn(Bytes body);

// True for a vendor element body (after id and length) that is the WPA element: 00-50-F2 type 1.
bool is_wpa_element(Bytes vendor_body);
// `vendor_body` starts at the OUI; its suites use 00-50-F2 and it stops after the capabilities.
Expected<RsnInfo, ParseError> parse_wpa_element(Bytes vendor_body);

} // namespace isoprobe::parse
