// What marks a station as infrastructure by what it sends (docs/report.md, "Roles"): protocols only routers,
// first-hop redundancy groups, AAA, wireless controllers and access concentrators speak, the virtual MACs of
// first-hop redundancy, and the IEEE reserved group addresses that bridges never forward. One table each: the
// station table and the isolation rules read them, nothing else decides these.
#pragma once
#include <optional>
#include <string_view>

#include "decode/packet.hpp"
#include "model/report.hpp"

namespace isoprobe::analyze {

// Who in a packet the sign is about.
enum class SignSpeaker { source, both_ends };

struct InfraSign {
    model::Role
        role; // gateway (routing, first-hop redundancy, access concentrator) or infra (AAA, controllers)
    SignSpeaker speaker;
    std::string_view why; // a sentence code: "sign.ospf" (speaks OSPF (a router))
};

// The protocol sign of one packet, if it has one: routing protocols (OSPF, EIGRP, PIM, RIP, RIPng, BGP),
// first-hop redundancy (VRRP/CARP, HSRP, GLBP), RADIUS, TACACS+, LWAPP, CAPWAP, PPPoE discovery offers.
std::optional<InfraSign> infra_sign(const decode::Packet& p);

// A routed packet: its TTL or hop limit lies below every common initial value (255, 128, 64) by more than a
// traceroute's probes would (TTL 32 and less are left out), so the station that put it on this link forwarded
// it.
bool routed_ttl(const decode::Packet& p);

// An ICMP message only a router sends: a redirect, or TTL exceeded in transit (ICMPv4 5, 11/0; ICMPv6 137,
// 3/0).
bool router_icmp(const decode::Packet& p);

// The first-hop redundancy protocol whose virtual MAC this is (HSRP v1/v2 and for IPv6, VRRP/CARP for IPv4
// and IPv6, GLBP).
std::optional<std::string_view> virtual_router_mac(const MacAddr& mac);

// 01:80:c2:00:00:00-0f: IEEE 802.1Q 8.6.3 reserved addresses (STP, LACP, EAPOL's PAE group, LLDP) that a
// bridge never forwards: a frame to one reaches no other terminal.
bool ieee_reserved_group(const MacAddr& mac);

} // namespace isoprobe::analyze
