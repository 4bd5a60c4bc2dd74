// 802.11 management frame bodies (IEEE 802.11-2020 9.3.3) and their elements (9.4.2).
#include "parse/dot11_mgmt.hpp"

#include <algorithm>

namespace isoprobe::parse {

namespace {

constexpr std::uint8_t k_eid_ssid = 0;
constexpr std::uint8_t k_eid_ds_params = 3;
constexpr std::uint8_t k_eid_rsn = 48;
constexpr std::uint8_t k_eid_ht_operation = 61;
constexpr std::uint8_t k_eid_vendor = 221;
constexpr std::size_t k_max_ssid = 32;

// Fixed fields before the elements, per subtype (9.3.3.2-9.3.3.10); -1 for subtypes without elements we use.
constexpr int fixed_length(std::uint8_t subtype) {
    switch (subtype) {
    case k_mgmt_beacon:
    case k_mgmt_probe_response:
        return 12; // timestamp, beacon interval, capability
    case k_mgmt_assoc_request:
        return 4; // capability, listen interval
    case k_mgmt_reassoc_request:
        return 10; // capability, listen interval, current AP address
    case k_mgmt_assoc_response:
    case k_mgmt_reassoc_response:
        return 6; // capability, status, AID
    case k_mgmt_probe_request:
        return 0;
    default:
        return -1;
    }
}

void on_element(std::uint8_t id, Bytes data, MgmtBody& out) {
    auto flag = [&](ElementAnomaly a) { out.anomalies.push_back(a); };
    switch (id) {
    case k_eid_ssid: {
        const bool after_bad_one = std::find(out.anomalies.begin(), out.anomalies.end(),
                                             ElementAnomaly::bad_ssid_length) != out.anomalies.end();
        if (out.ssid || after_bad_one) return flag(ElementAnomaly::duplicate_ssid);
        // No SSID is that long: the element is malformed, and its bytes are no network's name.
        if (data.size() > k_max_ssid) return flag(ElementAnomaly::bad_ssid_length);
        out.ssid.emplace(data.begin(), data.end());
        return;
    }
    case k_eid_ds_params:
        if (data.size() != 1) return flag(ElementAnomaly::bad_ds_length);
        out.channel = data[0];
        return;
    case k_eid_ht_operation:
        // The primary channel; the DS Parameter Set (absent on 5 GHz) takes precedence when present.
        if (!data.empty() && !out.channel) out.channel = data[0];
        return;
    case k_eid_rsn: {
        auto rsn = parse_rsn(data);
        if (!rsn || rsn->malformed) flag(ElementAnomaly::malformed_rsn);
        if (rsn) out.rsn = std::move(*rsn);
        return;
    }
    case k_eid_vendor: {
        if (!is_wpa_element(data)) return;
        auto wpa = parse_wpa_element(data);
        if (!wpa || wpa->malformed) flag(ElementAnomaly::malformed_wpa);
        if (wpa) out.wpa = std::move(*wpa);
        return;
    }
    default:
        return;
    }
}

} // namespace

std::string_view element_anomaly_name(ElementAnomaly a) {
    switch (a) {
    case ElementAnomaly::truncated_element:
        return "truncated_element";
    case ElementAnomaly::bad_ssid_length:
        return "bad_ssid_length";
    case ElementAnomaly::duplicate_ssid:
        return "duplicate_ssid";
    case ElementAnomaly::bad_ds_length:
        return "bad_ds_length";
    case ElementAnomaly::malformed_rsn:
        return "malformed_rsn";
    case ElementAnomaly::malformed_wpa:
        return "malformed_wpa";
    case ElementAnomaly::count_:
        break;
    }
    return "unknown";
}

bool ssid_hidden(Bytes ssid) {
    return std::all_of(ssid.begin(), ssid.end(), [](std::uint8_t b) { return b == 0; });
}

Expected<MgmtBody, ParseError> parse_mgmt_body(std::uint8_t subtype, Bytes body) {
    int fixed = fixed_length(subtype);
    if (fixed < 0) return unexpected(ParseError{ErrorKind::bad_value, 0});
    auto fixed_len = static_cast<std::size_t>(fixed);
    if (body.size() < fixed_len) return unexpected(ParseError{ErrorKind::truncated, body.size()});
    MgmtBody out;
    out.subtype = subtype;
    // The capability field follows the timestamp and beacon interval in beacons and probe responses.
    std::size_t capability_at = subtype == k_mgmt_beacon || subtype == k_mgmt_probe_response ? 10 : 0;
    if (fixed_len > 0) out.capability = ByteReader{body.subspan(capability_at)}.u16le();
    ByteReader r{body.subspan(fixed_len)};
    while (r.remaining() > 0) {
        std::uint8_t id = r.u8();
        std::uint8_t len = r.u8();
        Bytes data = r.take(len);
        if (r.failed()) {
            // The elements before this one stay valid; nothing after it can be located.
            out.anomalies.push_back(ElementAnomaly::truncated_element);
            break;
        }
        ++out.elements;
        on_element(id, data, out);
    }
    return out;
}

} // namespace isoprobe::parse
