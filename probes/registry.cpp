#include "probes/registry.hpp"

#include <array>

namespace isoprobe::probes {

const probe::Method& arp_method();
const probe::Method& icmp_method();
const probe::Method& l2_unicast_method();
const probe::Method& gateway_bounce_method();
const probe::Method& unicast_in_broadcast_method();
const probe::Method& mdns_method();
const probe::Method& llmnr_method();
const probe::Method& nbns_method();
const probe::Method& ssdp_method();
const probe::Method& wsd_method();
const probe::Method& smb_method();
const probe::Method& ipv6_method();
const probe::Method& port_steal_method();
const probe::Method& port_steal_uplink_method();

std::span<const probe::Method* const> all_methods() {
    static const std::array<const probe::Method*, 14> k_methods{
        &arp_method(),
        &icmp_method(),
        &l2_unicast_method(),
        &gateway_bounce_method(),
        &unicast_in_broadcast_method(),
        &mdns_method(),
        &llmnr_method(),
        &nbns_method(),
        &ssdp_method(),
        &wsd_method(),
        &smb_method(),
        &ipv6_method(),
        &port_steal_method(),
        &port_steal_uplink_method(),
    };
    return k_methods;
}

const probe::Method* find_method(std::string_view name) {
    for (const auto* m : all_methods())
        if (m->name() == name) return m;
    return nullptr;
}

} // namespace isoprobe::probes
