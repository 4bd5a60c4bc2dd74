// The HTML report (src/report/html*.cpp): escaping of every hostile string of captures/hostile-strings.pcap,
// both languages, which sections appear, no script, the SVG timeline. A capture with tens of thousands of
// conversations once made a page of 22.5 MB (40,960 rows); the conversation and attempt tables now stop at a
// fixed number of rows, say how many they left out, and point to the JSON report, which keeps them all.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "analyze/inspect.hpp"
#include "report/html.hpp"
#include "report/lang.hpp"
#include "tests/unit/test_model_util.hpp"

using namespace isoprobe;
using report::Lang;
using test::plain;

namespace {

model::Report inspect(const std::string& capture) {
    auto rep = analyze::inspect_files({std::string(ISOPROBE_SOURCE_DIR) + "/captures/" + capture}, {});
    REQUIRE_MESSAGE(rep.has_value(), (rep ? "" : rep.error()));
    return std::move(rep.value());
}

bool has(const std::string& page, const std::string& what) {
    return page.find(what) != std::string::npos;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// Markup that would run or fetch something if a captured string reached the page unescaped.
void check_inert(const std::string& page) {
    const std::string l = lower(page);
    for (const char* bad : {"<script", "<img", "<svg onload", "<iframe", "<b onmouseover"})
        CHECK_MESSAGE(!has(l, bad), "found " << bad);
    CHECK(page.find('\x1b') == std::string::npos);
    CHECK(page.find('\x07') == std::string::npos);
}

std::vector<model::Conversation> conversations(std::size_t n) {
    std::vector<model::Conversation> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        auto& c = out[i];
        c.a = {std::nullopt, *IpAddr::parse("198.51.100." + std::to_string(1 + i % 200))};
        c.b = {std::nullopt, *IpAddr::parse("203.0.113." + std::to_string(1 + i / 200 % 200))};
        c.frames = {i + 1};
        c.frame_count = 1;
        c.evidence = plain("row " + std::to_string(i));
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

TEST_CASE("html_escape: markup, quotes, terminal escapes and invalid UTF-8 become inert visible text") {
    struct Row {
        std::string raw, want;
    };
    const Row rows[] = {
        {"<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"},
        {"\"><script>alert(2)</script>", "&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"},
        {"\x1b]0;pwned\x07\x1b[2J", "\\x1b]0;pwned\\x07\\x1b[2J"},
        {"caf\xe9 \xff\xfe\xc3(", "caf\\xe9 \\xff\\xfe\\xc3("},
        {"<svg onload=alert(3)>", "&lt;svg onload=alert(3)&gt;"},
        {"\x1b[31mred", "\\x1b[31mred"},
        {"'a' & b", "&#39;a&#39; &amp; b"},
        {"&lt;", "&amp;lt;"},                                     // an entity in the input stays text
        {"\xe7\xab\xaf\xe6\x9c\xab", "\xe7\xab\xaf\xe6\x9c\xab"}, // 端末: valid UTF-8 kept
        {"a\\x1b", "a\\\\x1b"},                                   // a literal backslash cannot fake an escape
        {"Corp\u202eiFiW-tseuG", "Corp\\u202eiFiW-tseuG"},        // right-to-left override: not applied
        {"\u2066<b>\u2069\u200b\ufeff",
         "\\u2066&lt;b&gt;\\u2069\\u200b\\ufeff"}, // isolates, invisible characters
    };
    for (const auto& r : rows)
        CHECK(report::html_escape(r.raw) == r.want);
}

TEST_CASE("the hostile capture renders inert in both languages") {
    const auto rep = inspect("hostile-strings.pcap");
    for (Lang lang : {Lang::ja, Lang::en}) {
        CAPTURE(report::lang_name(lang));
        const std::string page = report::to_html(rep, lang);
        check_inert(page);
        CHECK(page.starts_with("<!DOCTYPE html>"));
        CHECK(has(page, "<html lang=\"" + std::string(report::lang_name(lang)) + "\">"));
        CHECK(has(page, "<meta charset=\"utf-8\">"));
        CHECK(has(page, "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""));
        CHECK(has(page, "@media print"));
        // Every hostile string appears, escaped: SSIDs, identities, the certificate's subject and issuer.
        for (const char* shown :
             {"&lt;img src=x onerror=alert(1)&gt;", "&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;",
              "\\x1b]0;pwned\\x07\\x1b[2J", "caf\\xe9 \\xff\\xfe\\xc3(", "&lt;svg onload=alert(3)&gt;",
              "\\x1b[31mred", "onmouseover=alert(4)", "iframe src=javascript"})
            CHECK_MESSAGE(has(page, shown), "missing " << shown);
        // Bidi and invisible characters are shown, never applied; the byte 0x9b and the text "\x9b" differ;
        // the identity keeps what follows its NUL; names that escaping changed show their bytes.
        CHECK(has(page, "Corp\\u202eiFiW-tseuG</span> (hex 436f7270e280ae694669572d7473657547)"));
        CHECK(page.find("\u202e") == std::string::npos);
        CHECK(has(page, "lit\\\\x9b</span>"));
        CHECK(has(page, "lit\\x9b</span>"));
        CHECK(has(page, "&lt;svg onload=alert(3)&gt;\\x00@hidden</span> (hex "));
        // The identity is in the SVG timeline's labels as well, escaped there too.
        const auto svg = page.find("<svg");
        REQUIRE(svg != std::string::npos);
        CHECK(page.find("&lt;svg onload=alert(3)&gt;", svg) != std::string::npos);
        // Evidence sections with content are there; those without are not.
        for (const char* id :
             {"requirements", "conversations", "attempts", "stations", "eap", "wlan", "capture", "timeline"})
            CHECK_MESSAGE(has(page, "<section id=\"" + std::string(id) + "\""), "missing section " << id);
        for (const char* id : {"probes", "controls", "enumeration", "inventory"})
            CHECK_MESSAGE(!has(page, "<section id=\"" + std::string(id) + "\""), "unexpected section " << id);
        for (const char* id : {"terminal-isolation", "wlan-encryption", "8021x-eap-tls", "ap-inventory"})
            CHECK(has(page, id));
    }
    const std::string ja = report::to_html(rep, Lang::ja), en = report::to_html(rep, Lang::en);
    for (const char* word :
         {"総合判定", "不適合", "端末間通信", "根拠条項", "無線LAN アクセスポイント（BSS）", "時系列"})
        CHECK(has(ja, word));
    for (const char* word : {"Verdict", "Fail", "Terminal-to-terminal conversations", "Clause", "Timeline"})
        CHECK(has(en, word));
    CHECK(!has(en, "総合判定"));
    // Both titles of each requirement are in either language; the engine's reasons in the page's.
    CHECK(has(en, "端末間通信の防止（有線・無線）"));
    CHECK(has(ja, "No communication between terminals (wired and wireless)"));
    CHECK(has(en, "terminal-to-terminal conversation(s)"));
    CHECK(!has(ja, "terminal-to-terminal conversation(s)"));
    CHECK(has(ja, "端末間通信 "));
}

TEST_CASE("an empty capture renders every fixed part and no evidence section") {
    const auto rep = inspect("ws-empty.pcap");
    for (Lang lang : {Lang::ja, Lang::en}) {
        const std::string page = report::to_html(rep, lang);
        check_inert(page);
        CHECK(has(page, "class=\"verdict inconclusive\""));
        CHECK(has(page, "<section id=\"requirements\""));
        CHECK(has(page, "<section id=\"timeline\""));
        CHECK(has(page, "<svg"));
        for (const char* id : {"conversations", "attempts", "stations", "eap", "wlan", "probes"})
            CHECK(!has(page, "<section id=\"" + std::string(id) + "\""));
    }
    CHECK(has(report::to_html(rep, Lang::en), "No timed events"));
    CHECK(has(report::to_html(rep, Lang::ja), "時刻のある事象はありません"));
}

TEST_CASE("a live run: result matrix, controls, phases on the timeline") {
    model::Report r;
    r.command = "probe";
    r.verdict = model::Status::pass;
    r.requirements.push_back(
        {"terminal-isolation", model::Status::pass, {plain("every method not-reached")}});
    auto peer = [](const char* mac, const char* ip) {
        return model::Endpoint{MacAddr::parse(mac), *IpAddr::parse(ip)};
    };
    r.segment = model::SegmentInfo{
        "probe0", "sentinel0", *IpAddr::parse("198.51.100.10"), "198.51.100.0/24", {}, {}, std::nullopt};
    const auto sentinel = peer("02:00:00:00:00:02", "198.51.100.2"),
               other = peer("02:00:00:00:00:03", "198.51.100.3");
    r.probes.push_back({sentinel, true, "arp", model::ProbeOutcome::not_reached, {7, 9}, {}});
    r.probes.push_back(
        {sentinel, true, "smb", model::ProbeOutcome::reached, {12}, {plain("dialect <0x0302>")}});
    r.probes.push_back({other,
                        false,
                        "arp",
                        model::ProbeOutcome::no_reply,
                        {},
                        {plain("no sentinel: silence is not proof")}});
    r.controls.push_back({"gateway-arp", true, plain("the gateway answered")});
    r.controls.push_back({"sentinel-capture", false, plain("nothing \"received\"")});
    const std::int64_t t0 = 1'700'000'000'000'000'000;
    r.run = model::RunInfo{t0,
                           t0 + 5'000'000'000,
                           "lab-host",
                           {{"discovery", t0, t0 + 1'000'000'000},
                            {"probing", t0 + 1'000'000'000, t0 + 4'000'000'000},
                            {"odd<phase>", t0 + 4'000'000'000, t0 + 5'000'000'000}},
                           {},
                           {},
                           std::nullopt};
    r.capture.frames = 20;
    r.capture.first_ns = t0 + 100'000'000;
    r.capture.last_ns = t0 + 4'900'000'000;

    const std::string ja = report::to_html(r, Lang::ja), en = report::to_html(r, Lang::en);
    for (const auto* page : {&ja, &en}) {
        check_inert(*page);
        CHECK(has(*page, "<section id=\"probes\""));
        CHECK(has(*page, "<table class=\"matrix\">"));
        CHECK(has(*page, "<section id=\"controls\""));
        CHECK(has(*page, "dialect &lt;0x0302&gt;"));
        CHECK(has(*page, "nothing &quot;received&quot;"));
        CHECK(has(*page, "odd&lt;phase&gt;")); // an unknown phase name is model text like any other
        CHECK(has(*page, "lab-host"));
    }
    for (const char* word : {"到達", "不達", "応答なし", "探索", "接触試験", "センチネル", "正常", "異常"})
        CHECK(has(ja, word));
    for (const char* word :
         {"reached", "not reached", "no reply", "discovery", "probing", "Positive controls"})
        CHECK(has(en, word));
}

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
