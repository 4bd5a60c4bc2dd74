// Value-to-name tables for protocol numbers (STYLE: constexpr arrays, "unknown(N)" for the rest).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace isoprobe::parse {

struct ValueName {
    std::uint32_t value;
    std::string_view name;
};

constexpr std::string_view find_value_name(std::span<const ValueName> table, std::uint32_t value) {
    for (const auto& e : table)
        if (e.value == value) return e.name;
    return {};
}

inline std::string value_name(std::span<const ValueName> table, std::uint32_t value) {
    auto n = find_value_name(table, value);
    return n.empty() ? "unknown(" + std::to_string(value) + ")" : std::string(n);
}

} // namespace isoprobe::parse
