// The HTML report's bounds (src/report/html.cpp): a capture with tens of thousands of conversations once made
// a page of 22.5 MB (40,960 rows); the conversation and attempt tables now stop at a fixed number of rows,
// say how many they left out, and point to the JSON report, which keeps them all.
#include <doctest/doctest.h>

#include <string>

#include "report/html.hpp"

using namespace isoprobe;

namespace {

std::vector<model::Conversation> conversations(std::size_t n) {
    std::vector<model::Conversation> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        auto& c = out[i];
        c.a = {std::nullopt, *IpAddr::parse("198.51.100." + std::to_string(1 + i % 200))};
        c.b = {std::nullopt, *IpAddr::parse("203.0.113." + std::to_string(1 + i / 200 % 200))};
        c.frames = {i + 1};
        c.frame_count = 1;
        c.evidence = "row " + std::to_string(i);
    }
    return out;
}

std::string section(const std::string& page, const std::string& id) {
    const auto start = page.find("<section id=\"" + id + "\"");
    REQUIRE(start != std::string::npos);
    return page.substr(start, page.find("</section>", start) - start);
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

} // namespace

TEST_CASE("html: the conversation and attempt tables are capped, with the rows left out counted") {
    const std::size_t conversation_total = report::k_html_max_conversation_rows + 1234;
    const std::size_t attempt_total = report::k_html_max_attempt_rows + 7;
    model::Report r;
    r.conversations = conversations(conversation_total);
    r.attempts = conversations(attempt_total);
    const std::string en = report::to_html(r, report::Lang::en), ja = report::to_html(r, report::Lang::ja);

    const std::string listed = section(en, "conversations"), tried = section(en, "attempts");
    // One header row, then the capped rows; the heading still counts them all.
    CHECK(count(listed, "<tr>") == 1 + report::k_html_max_conversation_rows);
    CHECK(count(tried, "<tr>") == 1 + report::k_html_max_attempt_rows);
    CHECK(listed.find("(" + std::to_string(conversation_total) + ")") != std::string::npos);
    CHECK(listed.find(">row " + std::to_string(report::k_html_max_conversation_rows - 1) + "<") !=
          std::string::npos);
    CHECK(listed.find(">row " + std::to_string(report::k_html_max_conversation_rows) + "<") ==
          std::string::npos);
    CHECK(listed.find("<p class=\"note\">1234 more (the JSON report, --json, lists them all)</p>") !=
          std::string::npos);
    CHECK(tried.find("<p class=\"note\">7 more (the JSON report, --json, lists them all)</p>") !=
          std::string::npos);
    CHECK(section(ja, "conversations").find("ほか 1234 件（すべて JSON レポート（--json）にあります）") !=
          std::string::npos);
    // About 550 bytes a row: 40,960 rows made 22.5 MB; the capped page stays under a megabyte.
    CHECK(en.size() < 1'000'000);

    SUBCASE("a list at the cap is shown whole, without a note") {
        r.conversations = conversations(report::k_html_max_conversation_rows);
        const std::string whole = section(report::to_html(r, report::Lang::en), "conversations");
        CHECK(count(whole, "<tr>") == 1 + report::k_html_max_conversation_rows);
        CHECK(whole.find("<p class=\"note\">") == std::string::npos);
    }
}
