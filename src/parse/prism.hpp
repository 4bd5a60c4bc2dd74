// 802.11 monitor-mode capture headers of the linux-wlan-ng era: the Prism header (LINKTYPE_IEEE802_11_PRISM)
// and the AVS header (LINKTYPE_IEEE802_11_AVS, which drivers also write under the Prism link type), as
// Wireshark's packet-ieee80211-prism.c reads them. Neither says whether the 802.11 frame ends in an FCS.
#pragma once
#include <cstdint>

#include "parse/error.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

// Truncated: shorter than the header. Bad length: a length field below the fixed part of its header.
// A frame under the Prism link type that starts with the AVS magic is read as AVS.
Expected<Bytes, ParseError> parse_prism(Bytes data);
// Bad value: not the AVS magic (0x8021100x, version 1 or 2).
Expected<Bytes, ParseError> parse_avs(Bytes data);

} // namespace isoprobe::parse
