// Safe text for terminals: bytes from the network (SSIDs, identities, names) may hold escape sequences.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isoprobe {

// Keeps printable ASCII and valid UTF-8, except C1 controls and the invisible and bidirectional formatting
// characters (U+200B-200F, U+202A-202E, U+2060-2064, U+2066-2069, U+FEFF), which would make a string display
// as another: writes those as \uNNNN, other bytes as \xNN, and '\' as "\\".
std::string terminal_safe(std::string_view raw);

// For JSON: keeps valid UTF-8 exactly (control and formatting characters included: JSON escapes control
// characters itself and consumers need the real text), writes bytes that are not UTF-8 as \xNN and '\' as
// "\\", so the text is always valid JSON and unambiguous; callers add a *_hex field with the exact bytes.
std::string json_safe(std::string_view raw);

// Valid UTF-8 kept as is (backslashes too), other bytes as \xNN: for sentences that may quote names, readable
// but not reversible (the names they quote have their own *_hex fields).
std::string utf8_safe(std::string_view raw);

bool is_utf8(std::string_view raw);

// Two lowercase hex digits per byte.
std::string hex_string(std::string_view raw);
// The bytes hex_string wrote, or nullopt for anything else.
std::optional<std::string> from_hex(std::string_view hex);

// " (hex 6261...)" when terminal_safe changes `raw` (so a reader can recover the exact bytes at a glance),
// else "".
std::string hex_note(std::string_view raw);

// One argument as POSIX sh reads it back: as is when made only of characters no shell treats specially,
// otherwise in single quotes (a quote inside as '\''). The exact command line of a run, for its report.
std::string shell_quote(std::string_view arg);
// The arguments quoted and joined by spaces.
std::string shell_command(const std::vector<std::string>& argv);

} // namespace isoprobe
