// The access-point survey (GUIDELINE 図表42 注11) against an inventory of authorised networks
// (docs/inventory.md); security classes as in IEEE 802.11-2020 12.6.3 via bss_table.
#include "analyze/inventory.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include <nlohmann/json.hpp>

#include "analyze/full_tables.hpp"
#include "util/escape.hpp"
#include "verdict/security.hpp"

namespace isoprobe::analyze {

using model::bss_class_name;
using model::BssClass;
using model::BssEntry;

namespace {

using nlohmann::json;

constexpr std::size_t k_max_ssid = 32; // IEEE 802.11-2020 9.4.2.2

constexpr std::size_t k_class_count = static_cast<std::size_t>(BssClass::unknown);

// Rank by BssClass value (see meets() in the header for the order and why).
constexpr std::array<int, k_class_count> k_rank{
    0, // open
    3, // owe: encrypted, but anyone may join
    1, // wep
    2, // wpa (WPA1 or TKIP-only)
    4, // wpa2-personal
    6, // wpa3-personal
    5, // wpa3-transition: a station may still join with the shared PSK
    7, // wpa2-enterprise
    8, // wpa3-enterprise
    9, // wpa3-enterprise-192
};

std::string class_list() {
    std::string out;
    for (std::size_t i = 0; i < k_class_count; ++i)
        out += (i ? ", " : "") + std::string(bss_class_name(static_cast<BssClass>(i)));
    return out;
}

std::optional<BssClass> class_from_name(std::string_view name) {
    for (std::size_t i = 0; i < k_class_count; ++i)
        if (bss_class_name(static_cast<BssClass>(i)) == name) return static_cast<BssClass>(i);
    return std::nullopt;
}

// The bits of octet i that a prefix of `bits` bits fixes.
std::uint8_t prefix_mask(unsigned bits, std::size_t i) {
    unsigned before = static_cast<unsigned>(i) * 8;
    unsigned keep = bits > before ? std::min(8u, bits - before) : 0u;
    return static_cast<std::uint8_t>((0xff00u >> keep) & 0xffu);
}

std::optional<std::uint8_t> hex_octet(std::string_view s) {
    if (s.size() != 2) return std::nullopt;
    std::uint8_t v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + 2, v, 16);
    if (ec != std::errc{} || end != s.data() + 2) return std::nullopt;
    return v;
}

// "aa:bb:cc:dd:ee:ff", "aa:bb:cc:*" (1 to 5 octets, then *), or "aa:bb:cc:d0:00:00/44".
std::optional<BssidPattern> parse_pattern(std::string_view text) {
    BssidPattern p;
    if (auto slash = text.find('/'); slash != std::string_view::npos) {
        auto mac = MacAddr::parse(text.substr(0, slash));
        auto len = text.substr(slash + 1);
        unsigned bits = 0;
        auto [end, ec] = std::from_chars(len.data(), len.data() + len.size(), bits);
        if (!mac || len.empty() || ec != std::errc{} || end != len.data() + len.size() || bits < 1 ||
            bits > 48)
            return std::nullopt;
        p.bits = static_cast<std::uint8_t>(bits);
        // Host bits are cleared so that str() and matches() agree on what was meant.
        for (std::size_t i = 0; i < 6; ++i)
            p.addr.b[i] = static_cast<std::uint8_t>(mac->b[i] & prefix_mask(bits, i));
        return p;
    }
    if (!text.empty() && text.back() == '*') {
        auto octets = text.substr(0, text.size() - 1);
        if (octets.size() % 3 != 0 || octets.empty() || octets.size() > 15) return std::nullopt;
        for (std::size_t i = 0; i < octets.size() / 3; ++i) {
            auto v = hex_octet(octets.substr(i * 3, 2));
            char sep = octets[i * 3 + 2];
            if (!v || (sep != ':' && sep != '-')) return std::nullopt;
            p.addr.b[i] = *v;
        }
        p.bits = static_cast<std::uint8_t>(octets.size() / 3 * 8);
        return p;
    }
    auto mac = MacAddr::parse(text);
    if (!mac) return std::nullopt;
    p.addr = *mac;
    return p;
}

std::string in_quotes(std::string_view s) {
    return "\"" + terminal_safe(s) + "\"";
}

// Checks that `obj` is an object holding every required key and no unknown one.
std::optional<std::string> check_keys(const json& obj, const std::string& path,
                                      std::initializer_list<std::string_view> required,
                                      std::initializer_list<std::string_view> optional) {
    std::string where = path.empty() ? "top level" : path;
    if (!obj.is_object()) return where + ": expected an object";
    for (const auto& item : obj.items()) {
        const std::string& k = item.key();
        auto known = [&](std::string_view x) { return x == k; };
        if (std::none_of(required.begin(), required.end(), known) &&
            std::none_of(optional.begin(), optional.end(), known)) {
            std::string expected;
            for (auto x : required)
                expected += (expected.empty() ? "" : ", ") + std::string(x);
            for (auto x : optional)
                expected += (expected.empty() ? "" : ", ") + std::string(x);
            return where + ": unknown field " + in_quotes(k) + " (expected " + expected + ")";
        }
    }
    for (auto k : required)
        if (!obj.contains(k)) return where + ": missing field \"" + std::string(k) + "\"";
    return std::nullopt;
}

// `hex`: the SSID's bytes written as hex digits, for SSIDs that are not UTF-8 (9.4.2.2 allows any bytes).
Expected<std::string, std::string> ssid_at(const json& v, const std::string& path, bool hex = false) {
    if (!v.is_string()) return unexpected(path + ": expected a string");
    std::string s = v.get_ref<const json::string_t&>();
    if (hex) {
        auto bytes = from_hex(s);
        if (!bytes)
            return unexpected(path +
                              ": expected two lowercase hex digits per byte, as the report's ssid_hex, not " +
                              in_quotes(s));
        s = std::move(*bytes);
    }
    if (s.empty() || s.size() > k_max_ssid)
        return unexpected(path + ": an SSID is 1 to 32 bytes, " + in_quotes(s) + " is " +
                          std::to_string(s.size()));
    return s;
}

Expected<AuthorisedNetwork, std::string> parse_network(const json& j, const std::string& path) {
    if (auto e = check_keys(j, path, {"bssids", "class"}, {"ssid", "ssid_hex"})) return unexpected(*e);
    AuthorisedNetwork n;
    const bool hex = j.contains("ssid_hex");
    if (hex && j.contains("ssid"))
        return unexpected(path + ": \"ssid\" and \"ssid_hex\" both given; keep one");
    if (!hex && !j.contains("ssid")) return unexpected(path + ": missing field \"ssid\" (or \"ssid_hex\")");
    auto ssid =
        hex ? ssid_at(j.at("ssid_hex"), path + ".ssid_hex", true) : ssid_at(j.at("ssid"), path + ".ssid");
    if (!ssid) return unexpected(ssid.error());
    n.ssid = ssid.value();
    const auto& bssids = j.at("bssids");
    if (!bssids.is_array() || bssids.empty())
        return unexpected(path + ".bssids: expected a non-empty array of BSSIDs or prefixes");
    for (std::size_t i = 0; i < bssids.size(); ++i) {
        std::string at = path + ".bssids[" + std::to_string(i) + "]";
        if (!bssids[i].is_string()) return unexpected(at + ": expected a string");
        const auto& text = bssids[i].get_ref<const json::string_t&>();
        auto p = parse_pattern(text);
        if (!p)
            return unexpected(at + ": not a MAC address or prefix: " + in_quotes(text) +
                              " (expected aa:bb:cc:dd:ee:ff, aa:bb:cc:* or aa:bb:cc:dd:ee:f0/44)");
        n.bssids.push_back(*p);
    }
    const auto& cls = j.at("class");
    if (!cls.is_string()) return unexpected(path + ".class: expected a string");
    auto c = class_from_name(cls.get_ref<const json::string_t&>());
    if (!c)
        return unexpected(path + ".class: unknown class " + in_quotes(cls.get_ref<const json::string_t&>()) +
                          " (expected one of " + class_list() + ")");
    n.min_class = *c;
    return n;
}

// The DOM builder of nlohmann::json, keeping the parse error's text instead of throwing it.
struct DomWithError : nlohmann::detail::json_sax_dom_parser<json> {
    using json_sax_dom_parser::json_sax_dom_parser;
    std::string error;
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) {
        std::string_view what = ex.what();
        // Drops the "[json.exception.parse_error.101] " tag: the rest names line, column and problem.
        if (auto close = what.find("] "); close != std::string_view::npos) what.remove_prefix(close + 2);
        error = what;
        return false;
    }
};

const AuthorisedNetwork* network_by_ssid(const Inventory& inv, std::string_view ssid) {
    for (const auto& n : inv.networks)
        if (n.ssid == ssid) return &n;
    return nullptr;
}

// The network whose longest matching pattern is longest: an exact MAC wins over an OUI.
const AuthorisedNetwork* network_by_bssid(const Inventory& inv, const MacAddr& bssid) {
    const AuthorisedNetwork* best = nullptr;
    int best_bits = -1;
    for (const auto& n : inv.networks)
        for (const auto& p : n.bssids)
            if (p.matches(bssid) && p.bits > best_bits) best = &n, best_bits = p.bits;
    return best;
}

bool listed(const AuthorisedNetwork& n, const MacAddr& bssid) {
    return std::any_of(n.bssids.begin(), n.bssids.end(),
                       [&](const BssidPattern& p) { return p.matches(bssid); });
}

std::string class_text(BssClass c) {
    return std::string(bss_class_name(c));
}

// What the survey finds about one BSS that the inventory does not ignore.
struct Survey {
    const AuthorisedNetwork* net = nullptr; // the authorised network it belongs to, if any
    model::Sentence label;                  // BSS aa:bb:cc:dd:ee:ff ("corp")
    std::vector<model::InventoryFinding> findings;
};

Survey survey(const Inventory& inv, const BssEntry& e) {
    Survey out;
    std::string_view ssid(reinterpret_cast<const char*>(e.ssid.data()), e.ssid.size());
    // A hidden SSID can only be recognised by its BSSID.
    out.net = e.ssid_known ? network_by_ssid(inv, ssid) : network_by_bssid(inv, e.bssid);
    std::string name = out.net ? out.net->ssid : std::string(ssid);
    out.label = e.ssid_known || out.net ? model::say("bss.named", {model::arg("bssid", e.bssid.str()),
                                                                   model::arg("ssid", terminal_safe(name))})
                                        : model::say("bss.hidden", {model::arg("bssid", e.bssid.str())});
    std::vector<model::Sentence> how;
    if (!e.from_ap) how.push_back(model::say("wlan.from-station"));
    const model::Param seen_class = model::arg("class", class_text(e.security.cls)),
                       seen_how = model::arg("how", how, model::Param::Join::none);
    auto add = [&](std::string kind, bool fails, model::Sentence detail) {
        out.findings.push_back({std::move(kind), e.bssid.str(), utf8_safe(name), fails, std::move(detail)});
    };
    if (out.net) {
        if (!listed(*out.net, e.bssid)) add("unknown-bssid", true, model::say("inv.unknown-bssid"));
        if (!meets(e.security.cls, out.net->min_class))
            add("weaker-security", true,
                model::say("inv.weaker",
                           {seen_class, seen_how, model::arg("min", class_text(out.net->min_class))}));
    } else {
        std::vector<model::Sentence> listed_for;
        if (const auto* other = network_by_bssid(inv, e.bssid))
            listed_for.push_back(
                model::say("inv.listed-for", {model::arg("ssid", terminal_safe(other->ssid))}));
        add("unknown-ssid", false,
            model::say(e.ssid_known ? "inv.unknown-ssid" : "inv.hidden-unknown",
                       {model::arg("listed", std::move(listed_for), model::Param::Join::none)}));
    }
    if (e.security.cls == BssClass::open) add("open-network", true, model::say("inv.open"));
    if (e.security.cls == BssClass::wep) add("open-network", true, model::say("inv.wep"));
    if (out.findings.empty())
        add("ok", false,
            model::say(e.ssid_known ? "inv.ok" : "inv.ok-hidden",
                       {seen_class, seen_how, model::arg("min", class_text(out.net->min_class))}));
    return out;
}

} // namespace

bool BssidPattern::matches(const MacAddr& m) const {
    for (std::size_t i = 0; i < 6; ++i)
        if ((m.b[i] & prefix_mask(bits, i)) != (addr.b[i] & prefix_mask(bits, i))) return false;
    return true;
}

std::string BssidPattern::str() const {
    if (bits == 48) return addr.str();
    if (bits % 8 != 0) return addr.str() + "/" + std::to_string(bits);
    return addr.str().substr(0, static_cast<std::size_t>(bits / 8 * 3)) + "*";
}

bool meets(BssClass seen, BssClass minimum) {
    if (seen == BssClass::unknown || minimum == BssClass::unknown) return false;
    return k_rank[static_cast<std::size_t>(seen)] >= k_rank[static_cast<std::size_t>(minimum)];
}

Expected<Inventory, std::string> parse_inventory(std::string_view json_text) {
    json j;
    DomWithError sax(j, false);
    if (!json::sax_parse(json_text, &sax, json::input_format_t::json, true, true))
        return unexpected(sax.error);
    if (auto e = check_keys(j, "", {"networks"}, {"ignore_ssids"})) return unexpected(*e);
    Inventory inv;
    const auto& nets = j.at("networks");
    if (!nets.is_array()) return unexpected(std::string("networks: expected an array"));
    for (std::size_t i = 0; i < nets.size(); ++i) {
        std::string path = "networks[" + std::to_string(i) + "]";
        auto n = parse_network(nets[i], path);
        if (!n) return unexpected(n.error());
        if (network_by_ssid(inv, n->ssid) != nullptr)
            return unexpected(path + ".ssid: " + in_quotes(n->ssid) +
                              " is listed twice; give one entry all its BSSIDs");
        inv.networks.push_back(std::move(n.value()));
    }
    if (j.contains("ignore_ssids")) {
        const auto& ign = j.at("ignore_ssids");
        if (!ign.is_array()) return unexpected(std::string("ignore_ssids: expected an array"));
        for (std::size_t i = 0; i < ign.size(); ++i) {
            std::string path = "ignore_ssids[" + std::to_string(i) + "]";
            auto s = ssid_at(ign[i], path);
            if (!s) return unexpected(s.error());
            if (network_by_ssid(inv, s.value()) != nullptr)
                return unexpected(path + ": " + in_quotes(s.value()) + " is also an authorised network");
            inv.ignore_ssids.push_back(std::move(s.value()));
        }
    }
    return inv;
}

bool fails_survey(const Inventory& inv, const BssEntry& e) {
    if (ignores(inv, e)) return false;
    auto s = survey(inv, e);
    return std::any_of(s.findings.begin(), s.findings.end(), [](const auto& f) { return f.failing; });
}

bool ignores(const Inventory& inv, const BssEntry& e) {
    std::string_view ssid(reinterpret_cast<const char*>(e.ssid.data()), e.ssid.size());
    return e.ssid_known &&
           std::find(inv.ignore_ssids.begin(), inv.ignore_ssids.end(), ssid) != inv.ignore_ssids.end();
}

InventorySurvey survey_inventory(const Inventory& inv, const std::vector<BssEntry>& bss) {
    InventorySurvey out;
    auto& ev = out.evidence;
    ev.seen = bss.size();
    // Without a single BSS the capture was no survey: "never seen" would be said of every access point.
    if (bss.empty()) return out;
    for (const auto& e : bss) {
        if (ignores(inv, e)) {
            ev.ignored.push_back(e.bssid);
            continue;
        }
        auto s = survey(inv, e);
        ++(s.net ? ev.authorised : ev.unknown);
        for (const auto& f : s.findings)
            if (f.failing)
                ev.failing.push_back(
                    model::say("inv.failing", {model::arg("bss", s.label), model::arg("detail", f.detail)}));
        out.findings.insert(out.findings.end(), s.findings.begin(), s.findings.end());
    }
    for (const auto& n : inv.networks)
        for (const auto& p : n.bssids) {
            if (std::any_of(bss.begin(), bss.end(), [&](const BssEntry& e) { return p.matches(e.bssid); }))
                continue;
            ++ev.missing;
            bool exact = p.bits == 48;
            out.findings.push_back(
                {"not-seen", exact ? p.str() : std::string(), utf8_safe(n.ssid), false,
                 exact ? model::say("inv.not-seen")
                       : model::say("inv.prefix-not-seen", {model::arg("prefix", p.str())})});
        }
    return out;
}

} // namespace isoprobe::analyze
