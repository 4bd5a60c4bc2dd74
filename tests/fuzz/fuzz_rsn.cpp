// libFuzzer target for the RSN and WPA element parsers (IEEE 802.11-2020 9.4.2.24), the management body
// walker (9.3.3) and the security classification that reads them. The first byte picks the management
// subtype.
#include <cstddef>
#include <cstdint>

#include "analyze/bss_table.hpp"
#include "parse/dot11_mgmt.hpp"
#include "parse/rsn.hpp"

using namespace isoprobe;

volatile std::uint64_t g_sink = 0;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    Bytes input(data + 1, size - 1);
    std::uint64_t sum = 0;
    auto rsn = parse::parse_rsn(input);
    auto wpa = parse::parse_wpa_element(input);
    if (rsn) {
        auto sec = analyze::classify_bss(*rsn, std::nullopt, true);
        sum += sec.akms.size() + static_cast<std::uint64_t>(sec.cls);
        for (const auto& a : sec.akms)
            sum += parse::akm_suite_name(a).size();
    }
    if (wpa) sum += analyze::classify_bss(std::nullopt, *wpa, true).pairwise.size();
    auto body = parse::parse_mgmt_body(data[0] & 0x0f, input);
    if (body) {
        if (body->ssid && body->ssid->size() > 255) __builtin_trap();
        auto sec = analyze::classify_bss(body->rsn, body->wpa, body->privacy());
        sum += body->anomalies.size() + sec.pairwise.size();
    }
    g_sink = sum;
    return 0;
}
