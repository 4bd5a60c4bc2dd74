// RSN element (IEEE 802.11-2020 9.4.2.24) and the WPA vendor element (Wi-Fi Alliance WPA).
#include "parse/rsn.hpp"

#include <array>
#include <cstdio>

#include "parse/value_names.hpp"

namespace isoprobe::parse {

namespace {

// IEEE 802.11-2020 Table 9-149 (cipher suite selectors, OUI 00-0F-AC).
constexpr auto k_ciphers = std::to_array<ValueName>({
    {0, "use-group"},
    {1, "wep40"},
    {2, "tkip"},
    {4, "ccmp-128"},
    {5, "wep104"},
    {6, "bip-cmac-128"},
    {7, "no-group-addressed"},
    {8, "gcmp-128"},
    {9, "gcmp-256"},
    {10, "ccmp-256"},
    {11, "bip-gmac-128"},
    {12, "bip-gmac-256"},
    {13, "bip-cmac-256"},
});

// IEEE 802.11-2020 Table 9-151 (AKM suite selectors, OUI 00-0F-AC) with 802.11-2024 additions 19-25.
constexpr auto k_akms = std::to_array<ValueName>({
    {1, "802.1x"},
    {2, "psk"},
    {3, "ft-802.1x"},
    {4, "ft-psk"},
    {5, "802.1x-sha256"},
    {6, "psk-sha256"},
    {7, "tdls"},
    {8, "sae"},
    {9, "ft-sae"},
    {10, "ap-peerkey"},
    {11, "802.1x-suite-b"},
    {12, "802.1x-suite-b-192"},
    {13, "ft-802.1x-sha384"},
    {14, "fils-sha256"},
    {15, "fils-sha384"},
    {16, "ft-fils-sha256"},
    {17, "ft-fils-sha384"},
    {18, "owe"},
    {19, "ft-psk-sha384"},
    {20, "psk-sha384"},
    {21, "pasn"},
    {23, "802.1x-sha384"},
    {24, "sae-ext-key"},
    {25, "ft-sae-ext-key"},
});

// Wi-Fi Alliance WPA (OUI 00-50-F2): the pre-RSN numbering.
constexpr auto k_wpa_ciphers = std::to_array<ValueName>({
    {0, "use-group"},
    {1, "wep40"},
    {2, "tkip"},
    {4, "ccmp-128"},
    {5, "wep104"},
});
constexpr auto k_wpa_akms = std::to_array<ValueName>({{1, "wpa-802.1x"}, {2, "wpa-psk"}});

constexpr std::uint8_t k_wpa_oui_type = 1;

std::string suite_name(std::span<const ValueName> ieee, std::span<const ValueName> wpa, const Suite& s) {
    std::string_view n;
    if (s.ieee())
        n = find_value_name(ieee, s.type);
    else if (s.oui == k_oui_wpa)
        n = find_value_name(wpa, s.type);
    return n.empty() ? s.str() : std::string(n);
}

// Reads the shared RSN/WPA body after the version. Each field is read whole or not at all: a field cut short
// sets `malformed` and stops, so the fields already read are never disturbed. The readers return false at
// the (legal) end of the element as well as at a cut.
void read_suites(ByteReader& r, std::size_t base, RsnInfo& out, bool wpa) {
    auto cut = [&](std::size_t at) { out.malformed = ParseError{ErrorKind::truncated, base + at}; };
    auto need = [&](std::size_t n) {
        if (r.has(n)) return true;
        if (r.remaining() != 0) cut(r.position());
        return false;
    };
    auto suite = [](Bytes b) { return Suite{{b[0], b[1], b[2]}, b[3]}; };
    auto single = [&](std::optional<Suite>& dst) {
        if (!need(4)) return false;
        dst = suite(r.take(4));
        return true;
    };
    auto list = [&](std::optional<std::vector<Suite>>& dst) {
        std::size_t at = r.position();
        if (!need(2)) return false;
        std::uint16_t n = r.u16le();
        if (!r.has(std::size_t{n} * 4)) {
            cut(at);
            return false;
        }
        std::vector<Suite> v;
        for (std::uint16_t i = 0; i < n; ++i)
            v.push_back(suite(r.take(4)));
        dst = std::move(v);
        return true;
    };

    if (!single(out.group_cipher) || !list(out.pairwise) || !list(out.akms) || !need(2)) return;
    out.capabilities = r.u16le();
    if (wpa || !need(2)) return; // the WPA element ends with its capabilities
    std::size_t at = r.position();
    std::uint16_t pmkids = r.u16le();
    if (!r.skip(std::size_t{pmkids} * 16)) return cut(at);
    out.pmkid_count = pmkids;
    single(out.group_mgmt_cipher);
    // Bytes after the group management cipher belong to later revisions and are ignored (9.4.2.1).
}

} // namespace

std::string Suite::str() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02x-%02x-%02x:%u", oui[0], oui[1], oui[2], static_cast<unsigned>(type));
    return buf;
}

std::string cipher_suite_name(const Suite& s) {
    return suite_name(k_ciphers, k_wpa_ciphers, s);
}
std::string akm_suite_name(const Suite& s) {
    return suite_name(k_akms, k_wpa_akms, s);
}

Expected<RsnInfo, ParseError> parse_rsn(Bytes body) {
    ByteReader r{body};
    RsnInfo out;
    out.version = r.u16le();
    if (r.failed()) return unexpected(ParseError{ErrorKind::truncated, 0});
    read_suites(r, 0, out, false);
    return out;
}

bool is_wpa_element(Bytes vendor_body) {
    return vendor_body.size() >= 4 && vendor_body[0] == k_oui_wpa[0] && vendor_body[1] == k_oui_wpa[1] &&
           vendor_body[2] == k_oui_wpa[2] && vendor_body[3] == k_wpa_oui_type;
}

Expected<RsnInfo, ParseError> parse_wpa_element(Bytes vendor_body) {
    if (!is_wpa_element(vendor_body)) return unexpected(ParseError{ErrorKind::bad_value, 0});
    ByteReader r{vendor_body.subspan(4)};
    RsnInfo out;
    out.wpa = true;
    out.version = r.u16le();
    if (r.failed()) return unexpected(ParseError{ErrorKind::truncated, 4});
    read_suites(r, 4, out, true);
    return out;
}

} // namespace isoprobe::parse
