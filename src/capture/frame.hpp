// One captured frame as every source yields it (pcap, pcapng, gzip, live): the bytes stay owned by the
// source.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "util/bytes.hpp"

namespace isoprobe::capture {

// Link types code names (tcpdump.org/linktypes.html); link_type.cpp holds the one table of every link type we
// name, with how its frames are read.
enum class LinkType : std::uint16_t {
    ethernet = 1,
    ieee802_11 = 105,
    linux_sll = 113,
    ieee802_11_radiotap = 127,
    linux_sll2 = 276,
};

// How a link type's frames are read: what header comes first, and whether there are MAC addresses under it.
enum class Framing : std::uint8_t {
    unread,      // named for the report, not decoded
    ethernet,    // MAC addresses
    dot11,       // 802.11 MAC addresses, after the capture header below
    dot11_prism, // Prism monitor header (or AVS, which the same drivers write under this link type)
    dot11_avs,   // AVS monitor header
    dot11_radiotap,
    ppi,       // Per-Packet Information header, then the link type it names
    linux_sll, // the sender's address and the direction only
    linux_sll2,
    raw_ip,       // IP packets: no layer 2 (the IP version nibble tells IPv4 from IPv6)
    null_host,    // 4-byte address family in the capturing host's byte order, then IP
    null_network, // the same in network byte order (LINKTYPE_LOOP)
    ppp,          // PPP protocol field, with or without HDLC-like framing, then IP
    nflog,        // Linux netfilter log: TLVs, one of them the IP packet
};

struct LinkTypeInfo {
    std::uint32_t value = 0;
    std::string_view name;
    Framing framing = Framing::unread;
};
// Every row of the table.
std::span<const LinkTypeInfo> link_types();
// The table row for a link type; unknown values get the name "linktype-N" and Framing::unread.
LinkTypeInfo link_type_info(std::uint32_t link_type);
std::string link_type_name(std::uint32_t link_type);
// Link types without MAC addresses: IP conversations can be seen, not which hosts share the link.
bool ip_only(Framing framing);

struct Frame {
    std::uint64_t number = 0; // 1-based across all input files, as tshark numbers a single file
    std::int64_t ts_ns = 0;   // nanoseconds since the Unix epoch
    std::uint32_t link_type = 0;
    std::uint32_t interface = 0; // pcapng interface id (0 for pcap)
    std::uint32_t orig_len = 0;  // length on the wire; bytes.size() may be shorter (snaplen)
    Bytes bytes;                 // valid until the next call to the source
};

} // namespace isoprobe::capture
