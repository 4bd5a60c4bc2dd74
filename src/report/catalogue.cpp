#include "report/catalogue.hpp"

#include <array>

namespace isoprobe::report {

namespace {
constexpr std::array<RequirementInfo, 4> k_requirements{{
    {"terminal-isolation",
     "図表42「無線端末同士の通信の防止」（必須）; "
     "6.5.(4)「有線・無線を問わず端末間の通信が行われないよう適切な設定を行わなければならない」",
     "端末間通信の防止（有線・無線）", "No communication between terminals (wired and wireless)"},
    {"wlan-encryption",
     "図表42「無線セキュリティ規格」WPA2/WPA3（必須）; 図表43 マイナンバー利用事務系: WPA2 又は WPA3 "
     "による暗号化（必須）",
     "無線LANの暗号化（WPA2/WPA3）", "Wi-Fi encryption (WPA2/WPA3)"},
    {"8021x-eap-tls", "図表42「認証方式」（必須）",
     "IEEE 802.1X とクライアント証明書による端末認証（EAP-TLS）",
     "IEEE 802.1X with client-certificate authentication (EAP-TLS)"},
    {"ap-inventory",
     "図表42 注11: "
     "探査ツール等を用い、無許可のアクセスポイントや使用されていないアクセスポイントが設置されていないことを"
     "点検",
     "無許可・未使用アクセスポイントの点検", "Survey for unauthorised and unused access points"},
}};
} // namespace

std::span<const RequirementInfo> requirement_catalogue() {
    return k_requirements;
}

const RequirementInfo* find_requirement(std::string_view id) {
    for (const auto& r : k_requirements)
        if (r.id == id) return &r;
    return nullptr;
}

} // namespace isoprobe::report
