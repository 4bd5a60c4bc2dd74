// The table of contact methods, in the order a run uses them (port stealing last: it disturbs the segment).
#pragma once
#include <span>
#include <string_view>

#include "probe/method.hpp"

namespace isoprobe::probes {

std::span<const probe::Method* const> all_methods();
const probe::Method* find_method(std::string_view name);

} // namespace isoprobe::probes
