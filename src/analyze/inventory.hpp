// The access-point survey of GUIDELINE 図表42 注11 (ap-inventory): the BSS table held against an inventory of
// authorised SSIDs, BSSIDs and minimum security (format: docs/inventory.md).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/report.hpp"
#include "util/addr.hpp"
#include "util/expected.hpp"
#include "verdict/ap_inventory.hpp"

namespace isoprobe::analyze {

// A full MAC (bits == 48) or a prefix: the first `bits` bits of addr, the rest zero.
struct BssidPattern {
    MacAddr addr;
    std::uint8_t bits = 48;
    bool matches(const MacAddr& m) const;
    std::string str() const; // "aa:bb:cc:dd:ee:01" or "aa:bb:cc:00:00:00/24"
};

struct AuthorisedNetwork {
    std::string ssid; // UTF-8, compared byte for byte with the SSID on the air
    std::vector<BssidPattern> bssids;
    model::BssClass min_class = model::BssClass::wpa2_enterprise;
};

struct Inventory {
    std::vector<AuthorisedNetwork> networks;
    std::vector<std::string> ignore_ssids; // neighbours' networks, left out of the survey
};

// Parses the inventory JSON (comments allowed). Every mistake is one line naming its place, e.g.
// "networks[0].bssids[1]: not a MAC address or prefix: \"aa:bb\"".
Expected<Inventory, std::string> parse_inventory(std::string_view json_text);

// The security order classes are compared in, weakest first: open < wep < wpa < owe < wpa2-personal <
// wpa3-transition < wpa3-personal < wpa2-enterprise < wpa3-enterprise < wpa3-enterprise-192. Every enterprise
// class ranks above every personal one, so an enterprise minimum is met only by enterprise. `unknown` meets
// none.
bool meets(model::BssClass seen, model::BssClass minimum);

struct InventorySurvey {
    std::vector<model::InventoryFinding> findings; // seen BSSes by BSSID, then not-seen in inventory order
    verdict::SurveyEvidence evidence;              // what verdict::decide_ap_inventory judges
};

// Holds every BSS against the inventory.
InventorySurvey survey_inventory(const Inventory& inv, const std::vector<model::BssEntry>& bss);

// Whether the inventory leaves this BSS out of the survey (a neighbour's SSID in ignore_ssids).
bool ignores(const Inventory& inv, const model::BssEntry& e);
// Whether this BSS alone fails ap-inventory (an unknown BSSID of an authorised SSID, weaker security, open or
// WEP).
bool fails_survey(const Inventory& inv, const model::BssEntry& e);

} // namespace isoprobe::analyze
