// The wlan-encryption and 8021x-eap-tls verdicts over the EAP sessions and BSSes an Analysis found
// (GUIDELINE 図表42 認証方式 / 無線セキュリティ規格).
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analyze/bss_table.hpp"
#include "analyze/eap_sessions.hpp"
#include "report/model.hpp"

namespace isoprobe::analyze {

// Pass: every completed authentication used EAP-TLS with a client certificate (or TLS 1.3, where it cannot be
// seen). Fail: one completed with another method or without a client certificate, or a BSS in `bss` uses no
// 802.1X. Not-tested: no EAP and no BSS. Give only the BSSes in scope (the inventory's), when there is one.
report::Requirement decide_8021x_eap_tls(const std::vector<EapSession>& sessions, const std::vector<BssEntry>& bss);
// Fail: open, OWE, WEP, WPA(1) or TKIP. Pass: WPA2/WPA3 only. Not-tested: no BSS seen.
report::Requirement decide_wlan_encryption(const std::vector<BssEntry>& bss);

// One BSS's share of wlan-encryption: its status and the words that follow its label in the reason.
std::pair<report::Status, std::string> encryption_verdict(const BssSecurity& sec);
// One attempt's share of 8021x-eap-tls: its status and reason when it ended in EAP-Success, else nothing.
std::optional<std::pair<report::Status, std::string>> eap_success_verdict(const EapSession& s);

} // namespace isoprobe::analyze
