// Safe text for terminals: bytes from the network (SSIDs, identities, names) may hold escape sequences.
#pragma once
#include <string>
#include <string_view>

namespace isoprobe {

// Keeps printable ASCII and valid UTF-8 (except C1 controls); writes everything else as \xNN, and '\' as "\\".
std::string terminal_safe(std::string_view raw);

// For JSON: keeps valid UTF-8 exactly (control characters included: JSON escapes them itself) and writes only the
// bytes that are not UTF-8 as \xNN, so the text is always valid JSON; callers add a hex field where bytes matter.
std::string json_safe(std::string_view raw);

} // namespace isoprobe
