// Linux cooked capture headers: LINKTYPE_LINUX_SLL (113) and LINKTYPE_LINUX_SLL2 (276),
// tcpdump.org/linktypes.
#pragma once
#include <cstdint>

#include "parse/error.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

// Packet types (linux/if_packet.h PACKET_*): the capturing host's view of the frame's destination.
inline constexpr std::uint16_t k_sll_host = 0, k_sll_broadcast = 1, k_sll_multicast = 2, k_sll_otherhost = 3,
                               k_sll_outgoing = 4;
inline constexpr std::uint16_t k_arphrd_ether = 1;
inline constexpr std::uint16_t k_arphrd_loopback = 772;
// Protocol values below 0x0600 that are not EtherTypes (linux/if_ether.h ETH_P_802_2).
inline constexpr std::uint16_t k_sll_proto_llc = 0x0004;

struct SllHeader {
    std::uint16_t packet_type = 0;
    std::uint16_t hatype = 0;   // ARPHRD_* of the interface
    std::uint16_t protocol = 0; // an EtherType, or k_sll_proto_llc
    Bytes address; // the SENDER's link-layer address, at most 8 bytes; the destination is not recorded
    Bytes payload;
};

// LINKTYPE_LINUX_SLL: 16-byte header.
Expected<SllHeader, ParseError> parse_sll(Bytes frame);
// LINKTYPE_LINUX_SLL2: 20-byte header (adds the interface index, which we do not need).
Expected<SllHeader, ParseError> parse_sll2(Bytes frame);

} // namespace isoprobe::parse
