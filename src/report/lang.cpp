#include "report/lang.hpp"

#include <cstdlib>

namespace isoprobe::report {

std::string_view lang_name(Lang l) {
    return l == Lang::ja ? "ja" : "en";
}

std::optional<Lang> parse_lang(std::string_view text) {
    if (text == "ja") return Lang::ja;
    if (text == "en") return Lang::en;
    return std::nullopt;
}

Lang lang_from_locale(const char* lc_all, const char* lc_messages, const char* lang) {
    for (const char* value : {lc_all, lc_messages, lang})
        if (value != nullptr && *value != '\0')
            return std::string_view(value).starts_with("ja") ? Lang::ja : Lang::en;
    return Lang::en;
}

Lang default_lang() {
    return lang_from_locale(std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"), std::getenv("LANG"));
}

} // namespace isoprobe::report
