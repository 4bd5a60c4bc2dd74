// X.509 certificate summaries (RFC 5280 4.1) for the EAP-TLS chains, read with OpenSSL's DER decoder.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "model/eap.hpp"
#include "util/bytes.hpp"

namespace isoprobe::analyze {

// Describes one DER certificate; `at_ns` is the capture time the expiry is measured from.
model::CertInfo describe_certificate(Bytes der, std::int64_t at_ns);

} // namespace isoprobe::analyze
