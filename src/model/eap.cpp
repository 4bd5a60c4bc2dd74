#include "model/eap.hpp"

#include <array>

namespace isoprobe::model {

std::string_view client_certificate_name(ClientCertificate c) {
    switch (c) {
    case ClientCertificate::present:
        return "present";
    case ClientCertificate::absent:
        return "absent";
    case ClientCertificate::not_observable:
        return "not-observable";
    case ClientCertificate::unknown:
        return "unknown";
    }
    return "unknown";
}

std::string_view eap_outcome_name(EapOutcome o) {
    switch (o) {
    case EapOutcome::incomplete:
        return "incomplete";
    case EapOutcome::success:
        return "success";
    case EapOutcome::failure:
        return "failure";
    }
    return "unknown";
}

std::string_view eap_finding_kind_name(EapFindingKind k) {
    constexpr std::array<std::string_view, k_eap_finding_kinds> k_names{
        "tls-below-1.2",
        "weak-signature-hash",
        "rsa-key-under-2048",
        "ec-key-under-256",
        "certificate-expired",
        "certificate-expiring",
        "server-cert-without-serverauth",
        "client-cert-without-clientauth",
        "identity-reveals-user",
    };
    return k_names[static_cast<std::size_t>(k)];
}

} // namespace isoprobe::model
