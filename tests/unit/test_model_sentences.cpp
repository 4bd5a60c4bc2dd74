// The sentence catalogue (src/model/sentences.cpp): every code renders in Japanese and English with the same
// parameters, every code the sources say is in it, and the reports of a golden capture read in Japanese.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "analyze/inspect.hpp"
#include "model/report.hpp"
#include "model/sentence.hpp"
#include "report/html.hpp"
#include "report/json.hpp"
#include "report/jsonl.hpp"
#include "report/text.hpp"

using namespace isoprobe;
using model::arg;
using model::Lang;
using model::say;
namespace fs = std::filesystem;

namespace {

std::set<std::string> placeholders(std::string_view tpl) {
    std::set<std::string> out;
    for (std::size_t open = tpl.find('{'); open != std::string_view::npos; open = tpl.find('{', open + 1)) {
        const auto close = tpl.find('}', open);
        REQUIRE_MESSAGE(close != std::string_view::npos, "an unclosed { in ", tpl);
        out.insert(std::string(tpl.substr(open + 1, close - open - 1)));
    }
    return out;
}

bool has_letters_outside_placeholders(std::string_view tpl) {
    bool inside = false;
    for (char c : tpl) {
        if (c == '{' || c == '}')
            inside = c == '{';
        else if (!inside && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            return true;
    }
    return false;
}

bool has_non_ascii(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

TEST_CASE("every code of the catalogue renders in Japanese and English with the same parameters") {
    std::set<std::string_view> seen;
    for (const auto& t : model::sentence_catalogue()) {
        CAPTURE(t.code);
        CHECK(seen.insert(t.code).second); // one row per code
        CHECK_FALSE(t.en.empty());
        CHECK_FALSE(t.ja.empty());
        const auto names = placeholders(t.en);
        CHECK(placeholders(t.ja) == names);
        std::vector<model::Param> params;
        for (const auto& n : names)
            params.push_back(arg(n, "<" + n + ">"));
        const auto s = say(std::string(t.code), params);
        for (Lang lang : {Lang::en, Lang::ja}) {
            const auto text = model::render(s, lang);
            CHECK(text.find('{') == std::string::npos);
            for (const auto& n : names)
                CHECK(text.find("<" + n + ">") != std::string::npos);
        }
        // Words of the template itself are translated; a template of parameters and symbols alone may be
        // shared.
        if (has_letters_outside_placeholders(t.en)) CHECK(t.ja != t.en);
    }
    CHECK(seen.size() >= 200);
}

TEST_CASE("lists and nested sentences render in the sentence's language") {
    const auto s = say("iso.unanswered", {arg("frames", 3), arg("attempts", 2), arg("targets", 1),
                                          arg("list", std::vector<std::string>{"4", "7", "9"})});
    CHECK(model::english(s) == "3 frame(s) of 2 attempt(s) toward 1 terminal(s) seen transmitting on this "
                               "segment got no answer (frames 4, 7, 9)");
    CHECK(model::render(s, Lang::ja).find("4、7、9") != std::string::npos);

    const auto first =
        say("iso.first", {arg("evidence", say("conv.both-ways", {arg("x", "a"), arg("y", "b")}))});
    CHECK(model::english(first) == "first: unicast frames in both directions between a and b");
    CHECK(model::render(first, Lang::ja) == "最初の通信：a と b の間で双方向のユニキャストフレーム");

    const auto why =
        say("station.why",
            {arg("claims", std::vector{say("st.dns"), say("st.ra")}, model::Param::Join::semicolon)});
    CHECK(model::english(why) == "answers DNS on port 53; sends IPv6 router advertisements");
    CHECK(model::render(why, Lang::ja) == "ポート 53 で DNS に応答；IPv6 ルータ広告を送信");

    // An optional clause: an empty list of sentences renders as nothing.
    CHECK(model::english(
              say("iso.no-proving-attempt",
                  {arg("count", 2), arg("by", std::vector<model::Sentence>{}, model::Param::Join::none)}))
              .starts_with("2 attempt(s) to reach other terminals, but none toward"));
}

TEST_CASE("a station role's English is its name, and every role has a row") {
    for (auto r : {model::Role::self, model::Role::gateway, model::Role::dhcp_server, model::Role::dns_server,
                   model::Role::authenticator, model::Role::ap, model::Role::switch_, model::Role::infra,
                   model::Role::terminal}) {
        CAPTURE(model::role_name(r));
        CHECK(model::english(model::role_sentence(r)) == model::role_name(r));
        CHECK(has_non_ascii(model::render(model::role_sentence(r), Lang::ja)));
    }
}

TEST_CASE("every code the sources use is in the catalogue, and every row is used") {
    std::set<std::string> catalogue, prefixes;
    for (const auto& t : model::sentence_catalogue()) {
        catalogue.insert(std::string(t.code));
        prefixes.insert(std::string(t.code.substr(0, t.code.find('.'))));
    }
    // A code is a string literal passed to say(), or a dotted literal under a known prefix (tables of codes,
    // conditional codes).
    const std::regex said(R"re(say\(\s*"([^"]*)")re"), dotted(R"re("([a-z0-9-]+)\.([a-z0-9.-]+)")re");
    std::set<std::string> used;
    std::vector<std::string> unknown;
    for (const char* dir : {"src", "probes"})
        for (const auto& e : fs::recursive_directory_iterator(fs::path(ISOPROBE_SOURCE_DIR) / dir)) {
            const auto ext = e.path().extension();
            if (!e.is_regular_file() || (ext != ".cpp" && ext != ".hpp") ||
                e.path().filename() == "sentences.cpp")
                continue;
            const std::string text = read(e.path());
            for (std::sregex_iterator it(text.begin(), text.end(), said), end; it != end; ++it) {
                if ((*it)[1].str().ends_with(".")) continue; // a prefix the code is built on ("role.")
                used.insert((*it)[1]);
                if (!catalogue.count((*it)[1]))
                    unknown.push_back(e.path().filename().string() + ": " + (*it)[1].str());
            }
            for (std::sregex_iterator it(text.begin(), text.end(), dotted), end; it != end; ++it) {
                if (!prefixes.count((*it)[1])) continue;
                const std::string code = (*it)[1].str() + "." + (*it)[2].str();
                used.insert(code);
                if (!catalogue.count(code)) unknown.push_back(e.path().filename().string() + ": " + code);
            }
        }
    CHECK_MESSAGE(unknown.empty(),
                  "codes not in the catalogue: " << doctest::toString(unknown.size()) << " "
                                                 << (unknown.empty() ? "" : unknown.front()));
    std::vector<std::string> unused;
    for (const auto& c : catalogue)
        if (!used.count(c) && !c.starts_with("role.")) unused.push_back(c); // roles: model::role_sentence
    CHECK_MESSAGE(unused.empty(),
                  "catalogue rows no source uses: " << (unused.empty() ? "" : unused.front()));
}

TEST_CASE("the reports of a golden capture give their sentences in Japanese under --lang ja") {
    const auto path = fs::path(ISOPROBE_SOURCE_DIR) / "captures" / "h1-open.pcap";
    auto rep = analyze::inspect_files({path.string()}, {});
    REQUIRE(rep);
    REQUIRE_FALSE(rep->requirements.empty());
    REQUIRE_FALSE(rep->requirements[0].reasons.empty());
    const auto& reason = rep->requirements[0].reasons[0];
    const auto ja = model::render(reason, Lang::ja), en = model::english(reason);
    CHECK(has_non_ascii(ja));

    const auto html_ja = report::to_html(*rep, Lang::ja), html_en = report::to_html(*rep, Lang::en);
    CHECK(html_ja.find(ja) != std::string::npos);
    CHECK(html_ja.find(en) == std::string::npos);
    CHECK(html_en.find(en) != std::string::npos);

    const auto text_ja = report::to_text(*rep, false, Lang::ja), text_en = report::to_text(*rep, false);
    CHECK(text_ja.find(ja) != std::string::npos);
    CHECK(text_ja.find(en) == std::string::npos);
    CHECK(text_en.find(en) != std::string::npos);
    for (const auto& st : rep->stations)
        CHECK(text_ja.find(model::render(st.why, Lang::ja)) != std::string::npos);

    // JSON keeps English text beside the code; JSON lines add the reader's language.
    const auto json = report::to_json(*rep);
    const auto& req = json["requirements"][0];
    CHECK(req["reasons"][0] == en);
    CHECK(req["reasons_coded"][0]["code"] == reason.code);
    CHECK(req["reasons_coded"][0]["text"] == en);
    CHECK_FALSE(req["reasons_coded"][0].contains("text_ja"));
    const auto lines = report::to_jsonl(*rep, std::nullopt, Lang::ja);
    CHECK(lines.find(nlohmann::json(ja).dump()) != std::string::npos);
    CHECK(lines.find("\"text_ja\"") != std::string::npos);
}
