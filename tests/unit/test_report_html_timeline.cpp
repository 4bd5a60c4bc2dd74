// The HTML timeline (src/report/html_timeline.cpp) over timestamps spanning the whole int64 range, as a
// pcapng with garbage timestamps gives: the axis length and offsets overflowed int64 (undefined; the release
// build drew every bar at one edge), so every coordinate must now be finite, inside the drawing, and where
// the time puts it.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <regex>
#include <string>

#include "report/html.hpp"

using namespace isoprobe;

namespace {

constexpr std::int64_t k_min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t k_max = std::numeric_limits<std::int64_t>::max();

model::Conversation conversation(int host, std::int64_t first_ns, std::int64_t last_ns) {
    model::Conversation c;
    c.a = {MacAddr::parse("02:00:00:00:00:01"), *IpAddr::parse("198.51.100.1")};
    c.b = {MacAddr::parse("02:00:00:00:00:" + std::to_string(10 + host)),
           *IpAddr::parse("198.51.100." + std::to_string(10 + host))};
    c.first_ns = first_ns;
    c.last_ns = last_ns;
    c.frames = {1};
    c.frame_count = 1;
    return c;
}

std::string timeline_svg(const std::string& page) {
    const auto section = page.find("<section id=\"timeline\"");
    REQUIRE(section != std::string::npos);
    const auto start = page.find("<svg", section), end = page.find("</svg>", section);
    REQUIRE(start != std::string::npos);
    REQUIRE(end != std::string::npos);
    return page.substr(start, end - start);
}

// The bar whose <title> starts with `label`: its x and width.
std::pair<double, double> bar(const std::string& svg, const std::string& label) {
    const std::regex rect("<rect x=\"([^\"]*)\" y=\"[^\"]*\" width=\"([^\"]*)\"[^>]*><title>" + label);
    std::smatch m;
    REQUIRE_MESSAGE(std::regex_search(svg, m, rect), "no bar for " << label);
    return {std::stod(m[1]), std::stod(m[2])};
}

} // namespace

TEST_CASE("timeline: times from INT64_MIN to INT64_MAX stay finite, inside the drawing and in place") {
    model::Report r;
    r.command = "probe";
    r.capture.frames = 4;
    r.capture.first_ns = k_min;
    r.capture.last_ns = k_max;
    r.run = model::RunInfo{k_min, k_max, "lab-host",  {{"discovery", k_min, 0}, {"probing", 0, k_max}},
                           {},    {},    std::nullopt};
    r.conversations = {conversation(1, k_min, k_max), conversation(2, 0, 0), conversation(3, k_max, k_max),
                       conversation(4, k_max, k_min)};
    r.attempts = {conversation(5, k_min, k_min)};

    const std::string svg = timeline_svg(report::to_html(r, report::Lang::en));
    CHECK_FALSE(std::regex_search(svg, std::regex("=\"-?(nan|inf)")));
    // Every coordinate parses whole, and lies within the 1000-unit-wide drawing.
    const std::regex coordinate(" (x|x1|x2|width)=\"([^\"]*)\"");
    int coordinates = 0;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), coordinate); it != std::sregex_iterator();
         ++it) {
        const std::string text = (*it)[2];
        CAPTURE(text);
        char* end = nullptr;
        const double v = std::strtod(text.c_str(), &end);
        CHECK(*end == '\0');
        CHECK(std::isfinite(v));
        CHECK(v >= 0);
        CHECK(v <= 1000);
        ++coordinates;
    }
    CHECK(coordinates > 20);

    // The plot runs from x 310 to 985; 0 ns lies half-way along an axis from INT64_MIN to INT64_MAX.
    const std::string a = "02:00:00:00:00:01 ↔ ";
    CHECK(bar(svg, a + "02:00:00:00:00:11") == std::pair{310.0, 675.0});
    CHECK(bar(svg, a + "02:00:00:00:00:12") == std::pair{647.5, 3.0});
    CHECK(bar(svg, a + "02:00:00:00:00:13") == std::pair{982.0, 3.0}); // at the end, 3 wide, kept inside
    CHECK(bar(svg, a + "02:00:00:00:00:14") ==
          std::pair{982.0, 3.0}); // last before first: a 3-wide mark at first
    CHECK(bar(svg, "02:00:00:00:00:01 → 02:00:00:00:00:15") == std::pair{310.0, 3.0});
    // The phases split the axis at 0.
    CHECK(svg.find("<rect x=\"310.0\" y=\"30.0\" width=\"337.5\"") != std::string::npos);
    CHECK(svg.find("<rect x=\"647.5\" y=\"30.0\" width=\"337.5\"") != std::string::npos);
    // 2^64 - 1 ns in 5 * 10^18 ns steps: ticks at 0, 5, 10 and 15 * 10^18 ns, and the loop ends.
    int ticks = 0;
    for (auto at = svg.find("stroke=\"#d0d7de\""); at != std::string::npos;
         at = svg.find("stroke=\"#d0d7de\"", at + 1))
        ++ticks;
    CHECK(ticks == 4);
    CHECK(svg.find(">1.39e+06 h</text>") != std::string::npos); // 5 * 10^18 ns
}
