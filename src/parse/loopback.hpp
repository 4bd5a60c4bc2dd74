// BSD loopback encapsulation: LINKTYPE_NULL (a 4-byte address family in the capturing host's byte order) and
// LINKTYPE_LOOP (the same in network byte order), tcpdump.org/linktypes.html. No link-layer addresses.
#pragma once
#include <cstdint>

#include "parse/error.hpp"
#include "parse/ethernet.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

// The packet as an EtherType (IPv4 or IPv6) and its bytes. Truncated: shorter than 4 bytes. Unsupported: an
// address family other than AF_INET and the AF_INET6 values of the BSDs and macOS (24, 28, 30).
Expected<EtherPayload, ParseError> parse_loopback(Bytes frame, bool network_byte_order);

} // namespace isoprobe::parse
