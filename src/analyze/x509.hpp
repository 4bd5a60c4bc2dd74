// X.509 certificate summaries (RFC 5280 4.1) for the EAP-TLS chains, read with OpenSSL's DER decoder.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "util/bytes.hpp"

namespace isoprobe::analyze {

struct CertInfo {
    bool parsed = false; // false: OpenSSL could not decode the DER; only `der_bytes` is set
    std::size_t der_bytes = 0;
    std::string subject, issuer;       // RFC 2253 text
    std::string serial;                // hex
    std::string not_before, not_after; // RFC 3339 UTC, seconds precision
    std::string key_type;              // rsa, ec, ed25519, ed448, dsa, or OpenSSL's short name
    int key_bits = 0;
    std::string signature_algorithm;            // e.g. sha256WithRSAEncryption
    std::optional<std::int64_t> days_to_expiry; // whole days from `at_ns` to notAfter, negative once expired
    bool self_signed = false;                   // subject equals issuer
};

// Describes one DER certificate; `at_ns` is the capture time the expiry is measured from.
CertInfo describe_certificate(Bytes der, std::int64_t at_ns);

} // namespace isoprobe::analyze
