// ARP for IPv4 over IEEE 802 networks (RFC 826).
#pragma once
#include "parse/error.hpp"
#include "util/addr.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

inline constexpr std::uint16_t k_arp_request = 1, k_arp_reply = 2;

// What an ARP packet says.
struct ArpInfo {
    std::uint16_t op = 0; // 1 request, 2 reply
    MacAddr sender_mac, target_mac;
    IpAddr sender_ip, target_ip;
};

// Unsupported: hardware or protocol types other than Ethernet (or IEEE 802) and IPv4.
Expected<ArpInfo, ParseError> parse_arp(Bytes packet);

} // namespace isoprobe::parse
