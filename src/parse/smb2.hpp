// SMB2 NEGOTIATE (MS-SMB2 2.2.3, 2.2.4) over the NetBIOS session service framing (RFC 1002 4.3.1, as used on
// TCP 445).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "parse/error.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

struct Smb2NegotiateResponse {
    bool smb1 = false;         // the server answered with an SMB1 header (0xFF 'SMB')
    std::uint32_t status = 0;  // NTSTATUS
    std::uint16_t dialect = 0; // DialectRevision, e.g. 0x0302
};

// A NEGOTIATE request offering SMB 2.0.2, 2.1, 3.0 and 3.0.2 (no negotiate contexts needed), framed for TCP
// 445.
std::vector<std::uint8_t> smb2_negotiate_request();
// Parses the server's framed answer to that request.
Expected<Smb2NegotiateResponse, ParseError> parse_smb2_negotiate_response(Bytes framed);
// "SMB 3.0.2" for 0x0302, "SMB 2.1" for 0x0210, ..., "unknown(0xNNNN)" otherwise.
std::string smb2_dialect_name(std::uint16_t dialect);

} // namespace isoprobe::parse
