// The typed error every pure parser in src/parse returns instead of throwing (STYLE: error tiers).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace isoprobe::parse {

enum class ErrorKind : std::uint8_t {
    truncated,   // the input ends inside a field
    bad_length,  // a length field contradicts the bytes around it
    bad_value,   // a field holds a value the standard forbids
    malformed,   // the structure is inconsistent (e.g. too many nested headers)
    unsupported, // well-formed but not a variant we decode (e.g. ARP for a non-Ethernet/IPv4 pair)
};

constexpr std::string_view error_kind_name(ErrorKind k) {
    switch (k) {
    case ErrorKind::truncated:
        return "truncated";
    case ErrorKind::bad_length:
        return "bad_length";
    case ErrorKind::bad_value:
        return "bad_value";
    case ErrorKind::malformed:
        return "malformed";
    case ErrorKind::unsupported:
        return "unsupported";
    }
    return "unknown";
}

struct ParseError {
    ErrorKind kind = ErrorKind::truncated;
    std::size_t offset = 0; // byte offset in the parser's input where the problem starts
    bool operator==(const ParseError&) const = default;

    // Shorthands for parsers that report only the kind (offset 0).
    static const ParseError truncated, bad_length, bad_value, malformed, unsupported;
};

inline constexpr ParseError ParseError::truncated{ErrorKind::truncated, 0};
inline constexpr ParseError ParseError::bad_length{ErrorKind::bad_length, 0};
inline constexpr ParseError ParseError::bad_value{ErrorKind::bad_value, 0};
inline constexpr ParseError ParseError::malformed{ErrorKind::malformed, 0};
inline constexpr ParseError ParseError::unsupported{ErrorKind::unsupported, 0};

} // namespace isoprobe::parse
