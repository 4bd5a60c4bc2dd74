// The EAP and Wi-Fi sections of the report (docs/report.md) and the 8021x-eap-tls and wlan-encryption
// verdicts that follow from them (GUIDELINE 図表42 認証方式 / 無線セキュリティ規格).
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyze/bss_table.hpp"
#include "analyze/eap_sessions.hpp"
#include "report/model.hpp"

namespace isoprobe::report {

// SSIDs and EAP identities are written with terminal_safe (util/escape.hpp): valid UTF-8 kept, other bytes
// as \xNN; "ssid_hex" carries the exact bytes.
nlohmann::ordered_json to_json(const analyze::CertInfo& c);
nlohmann::ordered_json to_json(const analyze::TlsSummary& t);
nlohmann::ordered_json to_json(const analyze::EapSession& s);
nlohmann::ordered_json to_json(const analyze::BssEntry& e);

// {"sessions": [...], "stats": {...}}
nlohmann::ordered_json eap_section(const std::vector<analyze::EapSession>& sessions,
                                   const analyze::EapStats& stats);
// {"bss": [...], "malformed": n, "dropped": n}
nlohmann::ordered_json wlan_section(const std::vector<analyze::BssEntry>& entries, std::uint64_t malformed, std::uint64_t dropped);

// Pass: every completed authentication used EAP-TLS with a client certificate (or TLS 1.3, where it cannot be
// seen). Fail: one completed with another method or without a client certificate, or a BSS in `bss` uses no
// 802.1X. Not-tested: no EAP and no BSS. Give only the BSSes in scope (the inventory's), when there is one.
Requirement decide_8021x_eap_tls(const std::vector<analyze::EapSession>& sessions,
                                 const std::vector<analyze::BssEntry>& bss);
// Fail: open, OWE, WEP, WPA(1) or TKIP. Pass: WPA2/WPA3 only. Not-tested: no BSS seen.
Requirement decide_wlan_encryption(const std::vector<analyze::BssEntry>& bss);

} // namespace isoprobe::report
