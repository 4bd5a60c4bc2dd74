// A sentence of the report (a reason, an evidence sentence, a note, a detail, an observation): a stable code
// and its parameters, rendered in Japanese or English from the one catalogue (src/model/sentences.cpp,
// docs/report.md "Sentences"). There is no conversion from a string, so no sentence reaches the report
// without a code; `say` is the one way to write one, and the catalogue test finds every code in the sources
// by it.
#pragma once
#include <concepts>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/lang.hpp"

namespace isoprobe::model {

struct Sentence;

// One parameter: a text (an address, a count, an SSID already made readable), a list of texts, or nested
// sentences (a clause of this one, or a list of them), rendered in the sentence's language.
struct Param {
    enum class Kind { text, list, sentence, sentences };
    enum class Join {
        comma,
        semicolon,
        none
    }; // how a list reads: "a, b", "a; b", or "ab" (optional clauses)
    std::string name;
    Kind kind = Kind::text;
    Join join = Join::comma;
    std::string text;
    std::vector<std::string> list;
    std::vector<Sentence> sentences; // one for Kind::sentence
    bool operator==(const Param&) const;
};

struct Sentence {
    std::string code;
    std::vector<Param> params;
    bool operator==(const Sentence&) const = default;
};

inline Sentence say(std::string code, std::vector<Param> params = {}) {
    return {std::move(code), std::move(params)};
}

Param arg(std::string name, std::string value);
Param arg(std::string name, const char* value);
Param arg(std::string name, std::string_view value);
Param arg(std::string name, std::integral auto value) {
    return arg(std::move(name), std::to_string(value));
}
Param arg(std::string name, std::vector<std::string> items);
Param arg(std::string name, Sentence clause);
Param arg(std::string name, std::vector<Sentence> clauses, Param::Join join = Param::Join::comma);

std::string render(const Sentence& s, Lang lang);
inline std::string english(const Sentence& s) {
    return render(s, Lang::en);
}

struct SentenceTemplate {
    std::string_view code, en, ja;
};
std::span<const SentenceTemplate> sentence_catalogue();

} // namespace isoprobe::model
