// Per-Packet Information header, LINKTYPE_PPI (CACE Technologies, "PPI Header Format" 1.0.10): a header
// naming the link type of the frame after it, then typed fields; the 802.11-Common field says whether the
// frame ends in an FCS.
#pragma once
#include <cstdint>

#include "parse/error.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

struct PpiHeader {
    std::uint32_t link_type = 0; // pph_dlt: the link type of `frame`
    bool bad_fcs = false;        // 802.11-Common flags: the frame failed its FCS check
    Bytes frame; // the frame after the header, without its FCS when 802.11-Common says one is there
};

// `wire_length` as for parse_radiotap: only what is captured of an FCS is removed; 0 means not cut.
// Truncated: shorter than 8 bytes or than pph_len. Bad value: version not 0. Bad length: pph_len below 8, or
// a field running past pph_len.
Expected<PpiHeader, ParseError> parse_ppi(Bytes data, std::size_t wire_length = 0);

} // namespace isoprobe::parse
