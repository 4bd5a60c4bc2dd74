// How the report's language is chosen: --lang values and the locale.
#pragma once
#include <optional>
#include <string_view>

#include "model/lang.hpp"

namespace isoprobe::report {

using model::Lang;

std::string_view lang_name(Lang l); // "ja", "en"
std::optional<Lang> parse_lang(std::string_view text);

// The first set and non-empty of LC_ALL, LC_MESSAGES and LANG decides, as POSIX does for messages: a locale
// beginning with "ja" (ja_JP.UTF-8, ja) is Japanese, anything else (C, POSIX, en_US...) or none is English.
Lang lang_from_locale(const char* lc_all, const char* lc_messages, const char* lang);
Lang default_lang(); // from this process's environment

} // namespace isoprobe::report
