// The EAP and Wi-Fi sections of the JSON report (docs/report.md); their verdicts are
// analyze/security_verdicts.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyze/bss_table.hpp"
#include "analyze/eap_sessions.hpp"
#include "model/report.hpp"

namespace isoprobe::report {

// SSIDs and EAP identities are written with json_safe (util/escape.hpp): valid UTF-8 kept, backslashes
// doubled, other bytes as \xNN; "ssid_hex" and "identity_hex" carry the exact bytes.
nlohmann::ordered_json to_json(const model::CertInfo& c);
nlohmann::ordered_json to_json(const model::TlsSummary& t, std::optional<model::Lang> also = std::nullopt);
nlohmann::ordered_json to_json(const model::EapSession& s, std::optional<model::Lang> also = std::nullopt);
nlohmann::ordered_json to_json(const model::BssEntry& e);
// One finding under 8021x-eap-tls; `sessions` names the certificate's subject.
nlohmann::ordered_json to_json(const model::EapFinding& f, const std::vector<model::EapSession>& sessions,
                               std::optional<model::Lang> also = std::nullopt);

// {"sessions": [...], "stats": {...}}
nlohmann::ordered_json eap_section(const std::vector<model::EapSession>& sessions,
                                   const model::EapStats& stats);
// {"bss": [...], "malformed": n, "dropped": n}
nlohmann::ordered_json wlan_section(const std::vector<model::BssEntry>& entries, std::uint64_t malformed,
                                    std::uint64_t dropped);

} // namespace isoprobe::report
