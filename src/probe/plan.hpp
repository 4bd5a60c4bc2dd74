// Which contact method runs against which peer: the one rule behind every `not-run` a live run reports before
// sending anything. Pure, so each case is tested by itself.
#pragma once
#include <optional>
#include <string>

#include "probe/method.hpp"

namespace isoprobe::probe {

// Why `method` is not sent to `peer`, or nullopt when it is: no IPv4 address known for a method that needs
// one, a method bound to one segment toward a sentinel on another (--cross-segment), or the method's own
// reason (no MAC, no gateway).
std::optional<model::Sentence> why_not_run(const Segment& seg, const Method& method, const Peer& peer);

} // namespace isoprobe::probe
