// PPP (RFC 1661) as LINKTYPE_PPP and LINKTYPE_PPP_HDLC hold it: with or without the HDLC-like address and
// control bytes (RFC 1662 3.1), with a one- or two-byte protocol field (RFC 1661 6.5); and Cisco HDLC, which
// LINKTYPE_PPP_HDLC may also hold (tcpdump.org/linktypes.html). No link-layer addresses.
#pragma once
#include <cstdint>

#include "parse/error.hpp"
#include "parse/ethernet.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

// The packet as an EtherType (IPv4 or IPv6) and its bytes. Truncated: no complete protocol field.
// Unsupported: any other protocol (LCP, IPCP, compressed data, ...).
Expected<EtherPayload, ParseError> parse_ppp(Bytes frame);

} // namespace isoprobe::parse
