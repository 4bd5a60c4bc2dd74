// libFuzzer target for the inventory parser (docs/inventory.md) and the survey that reads its result: any
// text must give an inventory or one line of error, never a crash or an exception.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "analyze/inventory.hpp"

using namespace isoprobe;

volatile std::uint64_t g_sink = 0;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto inv = analyze::parse_inventory(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!inv) {
        if (inv.error().empty() || inv.error().find('\n') != std::string::npos) __builtin_trap();
        g_sink = inv.error().size();
        return 0;
    }
    // A fixed table with an open, a hidden and a WPA3-Enterprise BSS exercises every matching path.
    std::vector<model::BssEntry> bss(3);
    bss[0].bssid.b = {0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0x01};
    bss[0].ssid = {'L', 'G', 'W', 'A', 'N'};
    bss[0].ssid_known = true;
    bss[0].security.cls = model::BssClass::wpa3_enterprise;
    bss[1].bssid.b = {0x02, 0x00, 0x00, 0x00, 0x00, 0x00};
    bss[1].hidden = true;
    bss[2].bssid.b = {0x02, 0x11, 0x22, 0x33, 0x44, 0x55};
    bss[2].ssid = {'f', 'r', 'e', 'e'};
    bss[2].ssid_known = true;
    auto a = analyze::survey_inventory(*inv, bss);
    std::uint64_t sum = verdict::decide_ap_inventory(a.evidence).reasons.size();
    for (const auto& f : a.findings)
        sum += f.kind.size() + f.detail.code.size();
    for (const auto& n : inv->networks)
        for (const auto& p : n.bssids) {
            if (p.bits < 1 || p.bits > 48) __builtin_trap();
            sum += p.str().size();
        }
    g_sink = sum;
    return 0;
}
