#include <doctest/doctest.h>

#include "util/escape.hpp"

using isoprobe::terminal_safe;

TEST_CASE("terminal_safe keeps text and neutralises control sequences") {
    struct Row {
        std::string raw, want;
    };
    const Row rows[] = {
        {"ROUTE-821E295", "ROUTE-821E295"},
        {"\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"},       // ANSI escape: not executed by the terminal
        {"a\\b", "a\\\\b"},                                   // the escape character itself is escaped
        {"\xe6\x9d\xb1\xe4\xba\xac", "\xe6\x9d\xb1\xe4\xba\xac"}, // valid UTF-8 (東京) kept
        {"\xc2\x9b" "2J", "\\xc2\\x9b2J"},                    // C1 CSI as UTF-8: escaped
        {"\xff\xfe", "\\xff\\xfe"},                           // not UTF-8
        {"\xed\xa0\x80", "\\xed\\xa0\\x80"},                  // UTF-16 surrogate: invalid UTF-8
        {"\xc0\xaf", "\\xc0\\xaf"},                           // overlong encoding
        {std::string("a\0b", 3), "a\\x00b"},
        {"line\nbreak", "line\\x0abreak"},
    };
    for (const auto& r : rows) CHECK(terminal_safe(r.raw) == r.want);
}
