#include "analyze/infra_signs.hpp"

#include <array>

#include "parse/ethernet.hpp"
#include "parse/icmp.hpp"
#include "parse/ipv4.hpp"

namespace isoprobe::analyze {

namespace {

using model::Role;

constexpr std::uint8_t k_udp = parse::k_ipproto_udp, k_tcp = parse::k_ipproto_tcp;

// By IP protocol number (IANA).
struct ByProtocol {
    std::uint8_t ip_proto;
    InfraSign sign;
};
constexpr std::array k_by_protocol{
    ByProtocol{88, {Role::gateway, SignSpeaker::source, "sign.eigrp"}},
    ByProtocol{89, {Role::gateway, SignSpeaker::source, "sign.ospf"}},
    ByProtocol{103, {Role::gateway, SignSpeaker::source, "sign.pim"}},
    ByProtocol{parse::k_ipproto_vrrp, {Role::gateway, SignSpeaker::source, "sign.vrrp"}},
};

// By TCP or UDP port, at either end.
struct ByPort {
    std::uint8_t transport;
    std::uint16_t port;
    InfraSign sign;
};
constexpr std::array k_by_port{
    ByPort{k_udp, 520, {Role::gateway, SignSpeaker::source, "sign.rip"}},
    ByPort{k_udp, 521, {Role::gateway, SignSpeaker::source, "sign.ripng"}},
    ByPort{k_tcp, 179, {Role::gateway, SignSpeaker::both_ends, "sign.bgp"}},
    ByPort{k_udp, 1985, {Role::gateway, SignSpeaker::source, "sign.hsrp"}},
    ByPort{k_udp, 2029, {Role::gateway, SignSpeaker::source, "sign.hsrp6"}},
    ByPort{k_udp, 3222, {Role::gateway, SignSpeaker::source, "sign.glbp"}},
    ByPort{k_udp, 1812, {Role::infra, SignSpeaker::both_ends, "sign.radius"}},
    ByPort{k_udp, 1813, {Role::infra, SignSpeaker::both_ends, "sign.radius-acct"}},
    ByPort{k_udp, 1645, {Role::infra, SignSpeaker::both_ends, "sign.radius"}},
    ByPort{k_udp, 1646, {Role::infra, SignSpeaker::both_ends, "sign.radius-acct"}},
    ByPort{k_tcp, 49, {Role::infra, SignSpeaker::both_ends, "sign.tacacs"}},
    ByPort{k_udp, 12222, {Role::infra, SignSpeaker::both_ends, "sign.lwapp"}},
    ByPort{k_udp, 12223, {Role::infra, SignSpeaker::both_ends, "sign.lwapp"}},
    ByPort{k_udp, 5246, {Role::infra, SignSpeaker::both_ends, "sign.capwap"}},
    ByPort{k_udp, 5247, {Role::infra, SignSpeaker::both_ends, "sign.capwap"}},
};

// The ports of k_by_port as a bitmap: nearly every TCP or UDP frame carries none of them and leaves after two
// bit tests instead of a walk through the table.
constexpr auto k_sign_ports = [] {
    std::array<std::uint64_t, 65536 / 64> bits{};
    for (const auto& row : k_by_port)
        bits[row.port / 64] |= std::uint64_t{1} << (row.port % 64);
    return bits;
}();
bool sign_port(std::uint16_t port) {
    return (k_sign_ports[port / 64] >> (port % 64) & 1) != 0;
}

constexpr std::uint8_t k_pado = 0x07, k_pads = 0x65; // RFC 2516 5.2, 5.4: sent by the access concentrator

struct VirtualMac {
    std::array<std::uint8_t, 6> prefix;
    int bits;
    std::string_view protocol;
};
constexpr std::array k_virtual_macs{
    VirtualMac{{0x00, 0x00, 0x0c, 0x07, 0xac, 0x00}, 40, "HSRP"},   // RFC 2281 5: 0000.0c07.acXX
    VirtualMac{{0x00, 0x00, 0x0c, 0x9f, 0xf0, 0x00}, 36, "HSRPv2"}, // 0000.0c9f.fXXX
    VirtualMac{
        {0x00, 0x05, 0x73, 0xa0, 0x00, 0x00}, 36, "HSRP for IPv6"}, // 0005.73a0.0XXX (Cisco, HSRP for IPv6)
    VirtualMac{{0x00, 0x00, 0x5e, 0x00, 0x01, 0x00}, 40, "VRRP"},   // RFC 5798 7.3 (CARP uses it too)
    VirtualMac{{0x00, 0x00, 0x5e, 0x00, 0x02, 0x00}, 40, "VRRP (IPv6)"},
    VirtualMac{{0x00, 0x07, 0xb4, 0x00, 0x00, 0x00}, 32, "GLBP"}, // 0007.b400.XXYY
};

bool has_prefix(const MacAddr& mac, const std::array<std::uint8_t, 6>& prefix, int bits) {
    for (int i = 0; i < 6 && bits > 0; ++i, bits -= 8) {
        const auto mask = static_cast<std::uint8_t>(bits >= 8 ? 0xff : 0xff << (8 - bits));
        if ((mac.b[static_cast<std::size_t>(i)] & mask) != prefix[static_cast<std::size_t>(i)]) return false;
    }
    return true;
}

} // namespace

std::optional<InfraSign> infra_sign(const decode::Packet& p) {
    if (p.ethertype == parse::k_ethertype_pppoe_discovery &&
        (p.pppoe_code == k_pado || p.pppoe_code == k_pads))
        return InfraSign{Role::gateway, SignSpeaker::source, "sign.pppoe"};
    if (p.ip_src.empty()) return std::nullopt;
    for (const auto& row : k_by_protocol)
        if (row.ip_proto == p.ip_proto) return row.sign;
    if (p.ip_proto != k_udp && p.ip_proto != k_tcp) return std::nullopt;
    if (!sign_port(p.sport) && !sign_port(p.dport)) return std::nullopt;
    for (const auto& row : k_by_port) {
        if (row.transport != p.ip_proto) continue;
        const bool from = row.port == p.sport, to = row.port == p.dport;
        // A terminal's ephemeral port may coincide with one of these (old stacks draw from 1024-5000) while
        // it talks to another well-known service: that is no sign.
        if ((from && !to && p.dport < 1024) || (to && !from && p.sport < 1024)) continue;
        if (from || to) return row.sign;
    }
    return std::nullopt;
}

bool routed_ttl(const decode::Packet& p) {
    if (p.ip_src.empty() || p.ip_dst.is_multicast() || p.ip_dst.is_broadcast_v4() || p.dst.is_group())
        return false;
    const std::uint8_t t = p.ip_ttl;
    return t > 32 && t != 64 && t != 128 && t != 255;
}

bool router_icmp(const decode::Packet& p) {
    if (p.protos.test(static_cast<std::size_t>(model::Proto::icmp)))
        return p.icmp_type == parse::k_icmp_redirect ||
               (p.icmp_type == parse::k_icmp_time_exceeded && p.icmp_code == 0);
    if (p.protos.test(static_cast<std::size_t>(model::Proto::icmpv6)))
        return p.icmp_type == parse::k_ndp_redirect || (p.icmp_type == 3 && p.icmp_code == 0);
    return false;
}

std::optional<std::string_view> virtual_router_mac(const MacAddr& mac) {
    for (const auto& row : k_virtual_macs)
        if (has_prefix(mac, row.prefix, row.bits)) return row.protocol;
    return std::nullopt;
}

bool ieee_reserved_group(const MacAddr& mac) {
    return has_prefix(mac, {0x01, 0x80, 0xc2, 0x00, 0x00, 0x00}, 44);
}

} // namespace isoprobe::analyze
