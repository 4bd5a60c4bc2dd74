#include "model/eap.hpp"

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

} // namespace isoprobe::model
