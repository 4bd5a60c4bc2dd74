// What an auditor should be told about the EAP attempts besides the 8021x-eap-tls verdict (docs/report.md,
// "EAP findings"): old TLS, weak certificate signatures and keys, certificates expired or about to expire,
// missing key purposes, outer identities that name their user. Facts only: src/verdict never reads them.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "model/eap.hpp"

namespace isoprobe::analyze {

// Below these an auditor is told (NIST SP 800-131A Rev. 2: RSA under 2048 bits and EC under 224 disallowed;
// 256 is the usual floor for EAP-TLS). Expiry is judged at `at_ns`, the capture's last frame.
inline constexpr int k_min_rsa_bits = 2048;
inline constexpr int k_min_ec_bits = 256;
inline constexpr std::int64_t k_expiry_warning_days = 30;

// Whether an outer identity names its user: anything but an empty or "anonymous" user part (RFC 7542 2.4).
bool identity_reveals_user(std::string_view identity);

std::vector<model::EapFinding> eap_findings(const std::vector<model::EapSession>& sessions,
                                            std::int64_t at_ns);

} // namespace isoprobe::analyze
