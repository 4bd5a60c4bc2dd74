// The model's names (docs/report.md vocabulary) and how statuses combine.
#include "model/report.hpp"

namespace isoprobe::model {

std::string_view status_name(Status s) {
    switch (s) {
    case Status::pass:
        return "pass";
    case Status::fail:
        return "fail";
    case Status::inconclusive:
        return "inconclusive";
    case Status::not_tested:
        return "not-tested";
    }
    return "inconclusive";
}

Status combine(const std::vector<Status>& statuses) {
    bool any_fail = false, any_inconclusive = false, any_pass = false;
    for (auto s : statuses) {
        any_fail |= s == Status::fail;
        any_inconclusive |= s == Status::inconclusive;
        any_pass |= s == Status::pass;
    }
    if (any_fail) return Status::fail;
    if (any_inconclusive || !any_pass) return Status::inconclusive;
    return Status::pass;
}

std::string_view outcome_name(ProbeOutcome o) {
    switch (o) {
    case ProbeOutcome::reached:
        return "reached";
    case ProbeOutcome::not_reached:
        return "not-reached";
    case ProbeOutcome::no_reply:
        return "no-reply";
    case ProbeOutcome::not_run:
        return "not-run";
    case ProbeOutcome::error:
        return "error";
    }
    return "error";
}

std::string_view role_name(Role r) {
    switch (r) {
    case Role::self:
        return "self";
    case Role::gateway:
        return "gateway";
    case Role::dhcp_server:
        return "dhcp-server";
    case Role::dns_server:
        return "dns-server";
    case Role::authenticator:
        return "authenticator";
    case Role::ap:
        return "ap";
    case Role::switch_:
        return "switch";
    case Role::infra:
        return "infra";
    case Role::terminal:
        return "terminal";
    }
    return "terminal";
}

// The code is "role." and the role's name; its English is the name itself (tested for every role).
Sentence role_sentence(Role r) {
    return say("role." + std::string(role_name(r)));
}

} // namespace isoprobe::model
