// The guideline requirements isoprobe reports on, with their clauses in
// 総務省「地方公共団体における情報セキュリティ ポリシーに関するガイドライン」令和7年3月版 (Ministry of
// Internal Affairs and Communications, information-security policy guideline for local governments, March
// 2025 revision; published on https://www.soumu.go.jp/). Comments elsewhere cite it as GUIDELINE with a
// clause (図表42 注11) or a requirement id.
#pragma once
#include <span>
#include <string_view>

namespace isoprobe::report {

struct RequirementInfo {
    std::string_view id;
    std::string_view clause;
    std::string_view title_ja;
    std::string_view title_en;
};

std::span<const RequirementInfo> requirement_catalogue();
const RequirementInfo* find_requirement(std::string_view id);

} // namespace isoprobe::report
