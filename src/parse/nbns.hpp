// NetBIOS name service header (RFC 1002 4.2.1.1).
#pragma once
#include <cstdint>

#include "parse/error.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

struct NbnsHeader {
    std::uint16_t transaction_id = 0;
    std::uint16_t flags = 0; // R, OPCODE, NM_FLAGS, RCODE

    bool response() const { return (flags & 0x8000) != 0; } // R
};

// Truncated below the 12-byte header.
Expected<NbnsHeader, ParseError> parse_nbns_header(Bytes message);

} // namespace isoprobe::parse
