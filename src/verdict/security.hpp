// The wlan-encryption and 8021x-eap-tls verdicts (図表42 認証方式 / 無線セキュリティ規格): over the EAP
// sessions and BSSes a capture showed, and over the methods a wired authenticator accepted when enumerated.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/report.hpp"

namespace isoprobe::verdict {

// Pass: every completed authentication used EAP-TLS with a client certificate (or TLS 1.3, where it cannot be
// seen). Fail: one completed with another method or without a client certificate, or a BSS in `bss` uses no
// 802.1X. Not-tested: no EAP and no BSS. Give only the BSSes in scope (the inventory's), when there is one.
model::Requirement decide_8021x_eap_tls(const std::vector<model::EapSession>& sessions,
                                        const std::vector<model::BssEntry>& bss);
// Fail: open, OWE, WEP, WPA(1) or TKIP. Pass: WPA2/WPA3 only. Not-tested: no BSS seen.
model::Requirement decide_wlan_encryption(const std::vector<model::BssEntry>& bss);

// One BSS's share of wlan-encryption: its status and the words that follow its label in the reason.
std::pair<model::Status, model::Sentence> encryption_verdict(const model::BssSecurity& sec);
// One attempt's share of 8021x-eap-tls: its status and reason when it ended in EAP-Success, else nothing.
std::optional<std::pair<model::Status, model::Sentence>> eap_success_verdict(const model::EapSession& s);

// 8021x-eap-tls from `isoprobe eap`: fail when the authenticator accepted a method other than
// certificate-only EAP-TLS, pass when it accepted EAP-TLS and `complete` (every method of the table was
// proposed) shows it refused the rest, inconclusive otherwise.
model::Requirement decide_eap_methods(const std::vector<model::EnumerationResult>& results, bool complete);

} // namespace isoprobe::verdict
