// Timestamps as RFC 3339 UTC text with microseconds (captures rarely carry more precision than that).
#pragma once
#include <cstdint>
#include <string>

namespace isoprobe {
std::string rfc3339(std::int64_t ns_since_epoch);
}
