// Linux netfilter log messages, LINKTYPE_NFLOG (tcpdump.org/linktypes.html, "LINKTYPE_NFLOG"): a 4-byte
// header naming the address family, then TLVs, one of which (NFULA_PAYLOAD) holds the logged IP packet. No
// link-layer addresses.
#pragma once
#include <cstdint>

#include "parse/error.hpp"
#include "parse/ethernet.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

// The logged packet as an EtherType (IPv4 or IPv6) and its bytes. Truncated: shorter than the header.
// Bad value: version not 0. Bad length: a TLV running past the frame in either byte order.
// Unsupported: another family, or no payload TLV.
Expected<EtherPayload, ParseError> parse_nflog(Bytes frame);

} // namespace isoprobe::parse
