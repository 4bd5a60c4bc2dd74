#include "util/time.hpp"

#include <cstdio>
#include <ctime>

namespace isoprobe {

std::string rfc3339(std::int64_t ns) {
    std::int64_t secs = ns / 1'000'000'000;
    std::int64_t rem = ns % 1'000'000'000;
    if (rem < 0) {
        rem += 1'000'000'000;
        --secs;
    }
    std::time_t t = static_cast<std::time_t>(secs);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%06lldZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<long long>(rem / 1000));
    return buf;
}

} // namespace isoprobe
