// The report language (src/report/lang.cpp): --lang values and the locale.
#include <doctest/doctest.h>

#include "report/lang.hpp"

using namespace isoprobe;
using report::Lang;

TEST_CASE("language: --lang values and the locale") {
    CHECK(report::parse_lang("ja") == Lang::ja);
    CHECK(report::parse_lang("en") == Lang::en);
    CHECK_FALSE(report::parse_lang("jp").has_value());
    CHECK(report::lang_from_locale("ja_JP.UTF-8", nullptr, nullptr) == Lang::ja);
    CHECK(report::lang_from_locale(nullptr, "ja_JP.UTF-8", "en_US.UTF-8") == Lang::ja);
    CHECK(report::lang_from_locale("", "", "ja") == Lang::ja);
    CHECK(report::lang_from_locale("C", "ja_JP.UTF-8", "ja_JP.UTF-8") == Lang::en); // LC_ALL wins
    CHECK(report::lang_from_locale(nullptr, nullptr, "en_GB.UTF-8") == Lang::en);
    CHECK(report::lang_from_locale(nullptr, nullptr, nullptr) == Lang::en);
}
