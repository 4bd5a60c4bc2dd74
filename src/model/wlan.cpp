#include "model/wlan.hpp"

namespace isoprobe::model {

std::string_view pmf_name(Pmf p) {
    switch (p) {
    case Pmf::off:
        return "off";
    case Pmf::capable:
        return "capable";
    case Pmf::required:
        return "required";
    }
    return "off";
}

std::string_view bss_class_name(BssClass c) {
    switch (c) {
    case BssClass::open:
        return "open";
    case BssClass::owe:
        return "owe";
    case BssClass::wep:
        return "wep";
    case BssClass::wpa:
        return "wpa";
    case BssClass::wpa2_personal:
        return "wpa2-personal";
    case BssClass::wpa3_personal:
        return "wpa3-personal";
    case BssClass::wpa3_transition:
        return "wpa3-transition";
    case BssClass::wpa2_enterprise:
        return "wpa2-enterprise";
    case BssClass::wpa3_enterprise:
        return "wpa3-enterprise";
    case BssClass::wpa3_enterprise_192:
        return "wpa3-enterprise-192";
    case BssClass::unknown:
        return "unknown";
    }
    return "unknown";
}

} // namespace isoprobe::model
