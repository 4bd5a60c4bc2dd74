// Text sections for 802.1X and Wi-Fi: every string from the network goes through terminal_safe.
#pragma once
#include <ostream>

#include "model/report.hpp"

namespace isoprobe::report {

void eap_text(std::ostream& o, const model::Report& r);
// The EAP findings, under the 8021x-eap-tls requirement; "session N" counts from 1 in eap order.
void eap_findings_text(std::ostream& o, const model::Report& r, model::Lang lang);
void wlan_text(std::ostream& o, const model::Report& r);
void enumeration_text(std::ostream& o, const model::Report& r, model::Lang lang);
void inventory_text(std::ostream& o, const model::Report& r, model::Lang lang);

} // namespace isoprobe::report
