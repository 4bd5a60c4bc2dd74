// One captured frame as every source yields it (pcap, pcapng, gzip, live): the bytes stay owned by the source.
#pragma once
#include <cstdint>
#include <string>

#include "util/bytes.hpp"

namespace isoprobe::capture {

// Link types we decode (tcpdump.org/linktypes.html); anything else is counted as undecoded.
enum class LinkType : std::uint16_t {
    ethernet = 1,
    ieee802_11 = 105,
    linux_sll = 113,
    ieee802_11_radiotap = 127,
    linux_sll2 = 276,
};
std::string link_type_name(std::uint32_t link_type);

struct Frame {
    std::uint64_t number = 0;   // 1-based across all input files, as tshark numbers a single file
    std::int64_t ts_ns = 0;     // nanoseconds since the Unix epoch
    std::uint32_t link_type = 0;
    std::uint32_t interface = 0; // pcapng interface id (0 for pcap)
    std::uint32_t orig_len = 0;  // length on the wire; bytes.size() may be shorter (snaplen)
    Bytes bytes;                 // valid until the next call to the source
};

} // namespace isoprobe::capture
