// Names of anomalies and encapsulations, as the report prints them (docs/report.md).
#include <iterator>

#include "decode/packet.hpp"

namespace isoprobe::decode {

namespace {
constexpr std::string_view k_anomaly_names[]{
    "none",
    "unknown_link_type",
    "truncated_link_header",
    "truncated_network_header",
    "truncated_transport_header",
    "bad_ip_header",
    "bad_radiotap",
    "bad_link_header",
};
static_assert(std::size(k_anomaly_names) == static_cast<std::size_t>(Anomaly::count_));
constexpr std::string_view k_encapsulation_names[]{"none", "erspan", "gre_teb", "vxlan"};
static_assert(std::size(k_encapsulation_names) == static_cast<std::size_t>(Encapsulation::count_));
} // namespace

std::string_view anomaly_name(Anomaly a) {
    const auto i = static_cast<std::size_t>(a);
    return i < std::size(k_anomaly_names) ? k_anomaly_names[i] : "unknown";
}

std::string_view encapsulation_name(Encapsulation e) {
    const auto i = static_cast<std::size_t>(e);
    return i < std::size(k_encapsulation_names) ? k_encapsulation_names[i] : "unknown";
}

} // namespace isoprobe::decode
