// Sentences for hand-built reports in tests: a system message (the catalogue's pass-through code) carries any
// text, English in every language.
#pragma once
#include <string>

#include "model/sentence.hpp"

namespace isoprobe::test {

inline model::Sentence plain(std::string text) {
    return model::say("sys.message", {model::arg("message", std::move(text))});
}

} // namespace isoprobe::test
