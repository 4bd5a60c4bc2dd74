// What an access point advertises (IEEE 802.11-2020 9.3.3, RSN element 9.4.2.24) and the security class that
// follows. Plain data, filled by analyze::BssTable and read by the verdict, the survey and the renderers.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "parse/dot11_mgmt.hpp"
#include "parse/rsn.hpp"
#include "util/addr.hpp"

namespace isoprobe::model {

enum class Pmf : std::uint8_t { off, capable, required };
std::string_view pmf_name(Pmf p); // off, capable, required

enum class BssClass : std::uint8_t {
    open,
    owe,
    wep,
    wpa,
    wpa2_personal,
    wpa3_personal,
    wpa3_transition,
    wpa2_enterprise,
    wpa3_enterprise,
    wpa3_enterprise_192,
    unknown
};
std::string_view bss_class_name(BssClass c); // "wpa2-enterprise", ...

// The security a BSS offers, with the standard's defaults applied to fields its RSN element omits.
struct BssSecurity {
    std::vector<parse::Suite> akms, pairwise;
    std::optional<parse::Suite> group, group_mgmt;
    Pmf pmf = Pmf::off;
    BssClass cls = BssClass::open;
    bool wpa1 = false;          // a WPA (1) element is advertised, alone or beside RSN (WPA/WPA2 mixed mode)
    bool legacy_cipher = false; // TKIP or WEP allowed as pairwise or group cipher
};

struct BssEntry {
    MacAddr bssid;
    std::vector<std::uint8_t> ssid; // raw; the best name known (a probe response names a hidden BSS)
    bool ssid_known = false;
    bool hidden = false; // a beacon carried an empty or all-zero SSID
    std::optional<std::uint8_t> channel;
    bool privacy = false; // capability bit 4 (9.4.1.4)
    std::optional<parse::RsnInfo> rsn, wpa;
    bool from_ap = false; // security read from the AP's own beacon or probe response
    // Security read from a frame whose RSN or WPA element was cut short or whose element walk stopped early:
    // it proves no class (unknown unless the privacy bit is clear), and only stands in until a well-formed
    // frame of the same kind is heard.
    bool malformed_source = false;
    BssSecurity security;
    std::uint64_t beacons = 0, probe_responses = 0, assoc_requests = 0;
    std::uint64_t first_frame = 0, last_frame = 0;
    std::array<std::uint64_t, static_cast<std::size_t>(parse::ElementAnomaly::count_)> anomalies{};
};

} // namespace isoprobe::model
