// Timestamps as RFC 3339 UTC text with microseconds (captures rarely carry more precision than that).
#pragma once
#include <cstdint>
#include <string>

namespace isoprobe {
std::string rfc3339(std::int64_t ns_since_epoch);

// How long from `from` to `to`, 0 when `to` is earlier. Unsigned: timestamps from a hostile capture can span
// INT64_MIN..INT64_MAX, which no int64 difference holds.
constexpr std::uint64_t nanoseconds_between(std::int64_t from, std::int64_t to) {
    return to > from ? static_cast<std::uint64_t>(to) - static_cast<std::uint64_t>(from) : 0;
}
} // namespace isoprobe
