// The guideline requirements isoprobe reports on (../shared/GUIDELINE.md): MIC, 地方公共団体における情報セキュリティ
// ポリシーに関するガイドライン, March 2025 revision.
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
