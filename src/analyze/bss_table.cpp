// The BSS table (IEEE 802.11-2020 9.3.3, 9.4.2.24, 12.6.3).
#include "analyze/bss_table.hpp"

#include <algorithm>
#include <span>

namespace isoprobe::analyze {

using model::BssClass;
using model::BssEntry;
using model::BssSecurity;
using model::Pmf;

namespace {

using parse::Suite;

Suite ieee(std::uint8_t type) {
    return Suite{parse::k_oui_ieee80211, type};
}
Suite wpa_oui(std::uint8_t type) {
    return Suite{parse::k_oui_wpa, type};
}

bool is_ieee(const Suite& s, std::span<const std::uint8_t> types) {
    return s.ieee() && std::find(types.begin(), types.end(), s.type) != types.end();
}

bool any_ieee(const std::vector<Suite>& v, std::span<const std::uint8_t> types) {
    return std::any_of(v.begin(), v.end(), [&](const Suite& s) { return is_ieee(s, types); });
}

// WEP and TKIP under either OUI: the WPA OUI numbers them the same way.
bool legacy(const Suite& s) {
    return (s.ieee() || s.oui == parse::k_oui_wpa) &&
           (s.type == parse::k_cipher_wep40 || s.type == parse::k_cipher_tkip ||
            s.type == parse::k_cipher_wep104);
}

// AKM families (Table 9-151). 802.1X: every AKM whose PMK comes from an authentication server, FILS included.
constexpr std::array<std::uint8_t, 11> k_akm_8021x{1, 3, 5, 11, 12, 13, 14, 15, 16, 17, 23};
constexpr std::array<std::uint8_t, 5> k_akm_psk{2, 4, 6, 19, 20};
constexpr std::array<std::uint8_t, 4> k_akm_sae{8, 9, 24, 25};
constexpr std::array<std::uint8_t, 2> k_akm_192{12, 13}; // Suite-B-192 and its FT form
constexpr std::array<std::uint8_t, 1> k_akm_suite_b_192{12};
constexpr std::array<std::uint8_t, 1> k_akm_owe{18};
constexpr std::array<std::uint8_t, 4> k_strong_pairwise{4, 8, 9, 10}; // CCMP-128, GCMP-128/256, CCMP-256

// Edge cases, decided here once:
// - Several AKM families on one BSS: a station may join with the weakest, so PSK (alone or with SAE) makes
//   it personal even when 802.1X is offered too; SAE without PSK is wpa3-personal.
// - WPA3-Enterprise follows the GUIDELINE: an 802.1X AKM with PMF required (MFPR). 192-bit: AKM 12 with PMF
//   required and no 802.1X AKM outside Suite-B-192 (12, 13); a BSS that also offers AKM 1 or 5 is plain
//   wpa3-enterprise because a station need not use the 192-bit mode.
// - SAE with MFPR clear is still wpa3-personal by AKM; the pmf field shows the misconfiguration.
// - An RSN element whose pairwise ciphers are all TKIP/WEP is "wpa": WPA2 in name only.
// - An RSN element with only OWE is "owe"; unknown or vendor AKMs only are "unknown".
BssClass rsn_class(const BssSecurity& s) {
    if (!any_ieee(s.pairwise, k_strong_pairwise)) return BssClass::wpa;
    bool psk = any_ieee(s.akms, k_akm_psk), sae = any_ieee(s.akms, k_akm_sae);
    if (psk) return sae ? BssClass::wpa3_transition : BssClass::wpa2_personal;
    if (sae) return BssClass::wpa3_personal;
    if (any_ieee(s.akms, k_akm_8021x)) {
        if (s.pmf != Pmf::required) return BssClass::wpa2_enterprise;
        bool other_8021x = std::any_of(s.akms.begin(), s.akms.end(), [](const Suite& a) {
            return is_ieee(a, k_akm_8021x) && !is_ieee(a, k_akm_192);
        });
        bool has_192 = any_ieee(s.akms, k_akm_suite_b_192);
        return has_192 && !other_8021x ? BssClass::wpa3_enterprise_192 : BssClass::wpa3_enterprise;
    }
    if (any_ieee(s.akms, k_akm_owe)) return BssClass::owe;
    return BssClass::unknown;
}

std::size_t index(parse::ElementAnomaly a) {
    return static_cast<std::size_t>(a);
}

// A frame whose security elements cannot be trusted: an RSN or WPA element cut inside a field, or an element
// that overran the body before any RSN or WPA element was read (the walk stops there, so one may follow
// unseen). An overrun after a clean RSN element is often an FCS that nothing said ends the frame: harmless.
bool security_malformed(const parse::MgmtBody& body) {
    return std::any_of(body.anomalies.begin(), body.anomalies.end(), [&](parse::ElementAnomaly a) {
        return a == parse::ElementAnomaly::malformed_rsn || a == parse::ElementAnomaly::malformed_wpa ||
               (a == parse::ElementAnomaly::truncated_element && !body.rsn && !body.wpa);
    });
}

// Which frame's word on security counts: the AP's own over a station's association request, well-formed over
// malformed. The best kind heard so far decides; among equals the latest wins, since an AP can be
// reconfigured during a capture.
int source_rank(bool from_ap, bool malformed) {
    return (from_ap ? 2 : 0) + (malformed ? 0 : 1);
}

// What one beacon, probe response or (re)association request tells about its BSS.
void learn(BssEntry& e, const decode::Packet& p, const parse::MgmtBody& body) {
    const auto& d = *p.dot11;
    bool from_ap = d.subtype == parse::k_mgmt_beacon || d.subtype == parse::k_mgmt_probe_response;
    e.last_frame = p.frame ? p.frame->number : 0;
    for (auto a : body.anomalies)
        ++e.anomalies[index(a)];
    if (d.subtype == parse::k_mgmt_beacon) ++e.beacons;
    if (d.subtype == parse::k_mgmt_probe_response) ++e.probe_responses;
    if (!from_ap) ++e.assoc_requests;

    if (body.ssid) {
        bool hidden = parse::ssid_hidden(*body.ssid);
        if (hidden && d.subtype == parse::k_mgmt_beacon) e.hidden = true;
        if (!hidden) {
            e.ssid = *body.ssid;
            e.ssid_known = true;
        }
    }
    if (body.channel && (from_ap || !e.channel)) e.channel = body.channel;
    // The AP's own advertisement is the truth about the BSS; a station's association request (its choice of
    // AKM and cipher) stands in only until a beacon or probe response is heard. One malformed beacon must not
    // turn a WPA2 network into WEP when its probe responses carry a clean RSN element.
    bool malformed = security_malformed(body);
    bool first = e.beacons + e.probe_responses + e.assoc_requests == 1;
    if (!first && source_rank(from_ap, malformed) < source_rank(e.from_ap, e.malformed_source)) return;
    e.from_ap = from_ap;
    e.malformed_source = malformed;
    e.privacy = body.privacy();
    e.rsn = body.rsn;
    e.wpa = body.wpa;
    e.security = classify_bss(e.rsn, e.wpa, e.privacy);
    // Without the privacy bit no RSNA is possible (9.4.1.4), so open stays proven; anything else is not, and
    // the report shows what the broken element stated, without defaults for the fields it lost.
    if (!malformed || e.security.cls == BssClass::open) return;
    BssSecurity stated;
    stated.cls = BssClass::unknown;
    stated.wpa1 = e.wpa.has_value();
    if (const parse::RsnInfo* info = e.rsn ? &*e.rsn : e.wpa ? &*e.wpa : nullptr) {
        stated.group = info->group_cipher;
        stated.pairwise = info->pairwise.value_or(std::vector<Suite>{});
        stated.akms = info->akms.value_or(std::vector<Suite>{});
        stated.legacy_cipher = (stated.group && legacy(*stated.group)) ||
                               std::any_of(stated.pairwise.begin(), stated.pairwise.end(), legacy);
    }
    e.security = std::move(stated);
}

} // namespace

BssSecurity classify_bss(const std::optional<parse::RsnInfo>& rsn, const std::optional<parse::RsnInfo>& wpa,
                         bool privacy) {
    BssSecurity s;
    s.wpa1 = wpa.has_value();
    const parse::RsnInfo* info = rsn ? &*rsn : wpa ? &*wpa : nullptr;
    if (info == nullptr) {
        s.cls = privacy ? BssClass::wep : BssClass::open;
        s.legacy_cipher = privacy;
        return s;
    }
    // Defaults for omitted fields: CCMP-128 and 802.1X for RSN (9.4.2.24.1), TKIP and 802.1X for WPA.
    auto cipher_default = info->wpa ? wpa_oui(parse::k_cipher_tkip) : ieee(parse::k_cipher_ccmp128);
    s.group = info->group_cipher.value_or(cipher_default);
    s.pairwise = info->pairwise.value_or(std::vector<Suite>{cipher_default});
    s.akms = info->akms.value_or(std::vector<Suite>{info->wpa ? wpa_oui(1) : ieee(1)});
    s.pmf = info->mfpr() ? Pmf::required : info->mfpc() ? Pmf::capable : Pmf::off;
    s.group_mgmt = info->group_mgmt_cipher;
    if (!s.group_mgmt && s.pmf != Pmf::off) s.group_mgmt = ieee(parse::k_cipher_bip_cmac128); // 9.4.2.24.1
    s.legacy_cipher = legacy(*s.group) || std::any_of(s.pairwise.begin(), s.pairwise.end(), legacy);
    // Mixed mode: stations may still join with the WPA element's ciphers.
    if (wpa && rsn)
        s.legacy_cipher = s.legacy_cipher || classify_bss(std::nullopt, wpa, privacy).legacy_cipher;
    s.cls = rsn ? rsn_class(s) : BssClass::wpa;
    return s;
}

void BssTable::feed(const decode::Packet& p) {
    if (!p.dot11 || p.dot11->type != 0) return;
    const auto& d = *p.dot11;
    bool from_ap = d.subtype == parse::k_mgmt_beacon || d.subtype == parse::k_mgmt_probe_response;
    bool assoc = d.subtype == parse::k_mgmt_assoc_request || d.subtype == parse::k_mgmt_reassoc_request;
    if (!from_ap && !assoc) return;
    auto body = parse::parse_mgmt_body(d.subtype, d.mgmt_body);
    // A frame that failed its FCS would add a BSS that does not exist.
    if (!body || p.bad_fcs) {
        ++m_malformed;
        return;
    }
    MacAddr bssid = d.has_bssid ? d.bssid : from_ap ? d.transmitter : d.receiver;
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), bssid,
                               [](const BssEntry& e, const MacAddr& m) { return e.bssid < m; });
    if (it == m_entries.end() || it->bssid != bssid) {
        BssEntry fresh;
        fresh.bssid = bssid;
        fresh.first_frame = p.frame ? p.frame->number : 0;
        if (m_entries.size() >= m_max_entries) {
            // A flood of beacons must not push out the one open network or evil twin that fails the site.
            learn(fresh, p, *body);
            if (m_keep && m_entries.size() < m_max_entries + m_max_entries / 4 && m_keep(fresh))
                m_entries.insert(it, std::move(fresh));
            else
                m_dropped.add(std::hash<MacAddr>{}(bssid));
            return;
        }
        it = m_entries.insert(it, std::move(fresh));
    }
    learn(*it, p, *body);
}

} // namespace isoprobe::analyze
