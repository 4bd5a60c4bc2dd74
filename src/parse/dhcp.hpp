// DHCP (RFC 2131 2, 3) carried in BOOTP, with the options the analysis reads (RFC 2132 3.3, 3.5, 9.6, 9.7).
#pragma once
#include <cstdint>

#include "parse/error.hpp"
#include "util/addr.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

inline constexpr std::uint8_t k_bootp_request = 1, k_bootp_reply = 2;
// DHCP message types, option 53 (RFC 2132 9.6).
inline constexpr std::uint8_t k_dhcp_discover = 1, k_dhcp_offer = 2, k_dhcp_request = 3, k_dhcp_ack = 5;

// What the analysis reads of a DHCP message.
struct DhcpInfo {
    std::uint8_t message_type = 0; // option 53
    MacAddr client_mac;            // chaddr
    IpAddr your_ip, server_id;     // yiaddr, option 54
    IpAddr router;                 // first address of option 3
    IpAddr subnet_mask;            // option 1
};

struct DhcpMessage {
    std::uint8_t op = 0; // BOOTREQUEST or BOOTREPLY
    DhcpInfo info;
};

// Truncated below the 236-byte BOOTP header. Without the magic cookie (plain BOOTP) no options are read; the
// option walk stops at End, at the end of the bytes, or at an option running past them. Option overload is
// not followed.
Expected<DhcpMessage, ParseError> parse_dhcp(Bytes message);

} // namespace isoprobe::parse
