#include <doctest/doctest.h>

#include "util/escape.hpp"

using isoprobe::terminal_safe;

TEST_CASE("terminal_safe keeps text and neutralises control sequences") {
    struct Row {
        std::string raw, want;
    };
    const Row rows[] = {
        {"ROUTE-821E295", "ROUTE-821E295"},
        {"\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"},           // ANSI escape: not executed by the terminal
        {"a\\b", "a\\\\b"},                                       // the escape character itself is escaped
        {"\xe6\x9d\xb1\xe4\xba\xac", "\xe6\x9d\xb1\xe4\xba\xac"}, // valid UTF-8 (東京) kept
        {"\xc2\x9b"
         "2J",
         "\\xc2\\x9b2J"},                    // C1 CSI as UTF-8: escaped
        {"\xff\xfe", "\\xff\\xfe"},          // not UTF-8
        {"\xed\xa0\x80", "\\xed\\xa0\\x80"}, // UTF-16 surrogate: invalid UTF-8
        {"\xc0\xaf", "\\xc0\\xaf"},          // overlong encoding
        {std::string("a\0b", 3), "a\\x00b"},
        {"line\nbreak", "line\\x0abreak"},
    };
    for (const auto& r : rows)
        CHECK(terminal_safe(r.raw) == r.want);
}

TEST_CASE("terminal_safe shows bidirectional and invisible formatting characters as \\uNNNN") {
    struct Row {
        std::string raw, want;
    };
    const Row rows[] = {
        {"Corp\u202eiFiW-tseuG",
         "Corp\\u202eiFiW-tseuG"}, // right-to-left override: would display "CorpGuest-WiFi"
        {"a\u2066b\u2067c\u2068d\u2069", "a\\u2066b\\u2067c\\u2068d\\u2069"}, // isolates
        {"\u202a\u202b\u202c\u202d", "\\u202a\\u202b\\u202c\\u202d"},         // embeddings and pop
        {"zero\u200bwidth\u200c\u200d\u200e\u200f", "zero\\u200bwidth\\u200c\\u200d\\u200e\\u200f"},
        {"\ufeffBOM", "\\ufeffBOM"},
        {"word\u2060joiner", "word\\u2060joiner"},
        {"\u2010\u2070\u202f", "\u2010\u2070\u202f"}, // neighbours of the ranges are ordinary text
        {"a\\u202e", "a\\\\u202e"},                   // a literal "\u202e" cannot fake the escape
    };
    for (const auto& r : rows)
        CHECK(terminal_safe(r.raw) == r.want);
}

TEST_CASE("json_safe: exact UTF-8, unambiguous escapes for the rest") {
    using isoprobe::json_safe;
    CHECK(json_safe("Corp\u202eiFiW-tseuG") == "Corp\u202eiFiW-tseuG"); // JSON consumers get the real text
    CHECK(json_safe(std::string("a\0b\x1b", 4)) ==
          std::string("a\0b\x1b", 4));        // JSON escapes controls itself
    CHECK(json_safe("x\x9b") == "x\\x9b");    // the byte 0x9b
    CHECK(json_safe("x\\x9b") == "x\\\\x9b"); // the four characters \x9b: no longer the same text
    CHECK(json_safe("caf\xe9") == "caf\\xe9");
    CHECK(isoprobe::utf8_safe("x\\x9b\x9b") ==
          "x\\x9b\\x9b"); // for sentences: readable, backslash kept as is
}

TEST_CASE("hex_string, from_hex and hex_note") {
    CHECK(isoprobe::hex_string(std::string("\x00\xff"
                                           "a",
                                           3)) == "00ff61");
    CHECK(isoprobe::from_hex("00ff61") == std::string("\x00\xff"
                                                      "a",
                                                      3));
    CHECK_FALSE(isoprobe::from_hex("0").has_value());
    CHECK_FALSE(isoprobe::from_hex("zz").has_value());
    CHECK(isoprobe::hex_note("eth0").empty());
    CHECK(isoprobe::hex_note("bad\xff") == " (hex 626164ff)");
    CHECK(isoprobe::hex_note("a\u202e") == " (hex 61e280ae)");
}

TEST_CASE("shell_quote gives what POSIX sh reads back as the same argument") {
    using isoprobe::shell_command;
    using isoprobe::shell_quote;
    CHECK(shell_quote("audit") == "audit");
    CHECK(shell_quote("--out=/var/lib/isoprobe/a-1.2,x:y@z%+") == "--out=/var/lib/isoprobe/a-1.2,x:y@z%+");
    CHECK(shell_quote("") == "''");
    CHECK(shell_quote("two words") == "'two words'");
    CHECK(shell_quote("it's") == "'it'\\''s'");
    CHECK(shell_quote("$(rm -rf /)") == "'$(rm -rf /)'");
    CHECK(shell_quote("a\nb") == "'a\nb'");
    CHECK(shell_quote("\xe6\x9d\xb1\xe4\xba\xac") == "'\xe6\x9d\xb1\xe4\xba\xac'");
    CHECK(shell_command({"isoprobe", "audit", "--note", "ticket #42; approved"}) ==
          "isoprobe audit --note 'ticket #42; approved'");
}
