// Linux cooked capture headers: LINKTYPE_LINUX_SLL (113) and LINKTYPE_LINUX_SLL2 (276),
// tcpdump.org/linktypes.
#include "parse/sll.hpp"

#include <algorithm>

namespace isoprobe::parse {

namespace {
constexpr std::size_t k_sll_address_field = 8;

// The length field may exceed the 8-byte address field (e.g. InfiniBand); only the field itself is captured.
Bytes address_of(Bytes field, std::size_t length) {
    return field.first(std::min(length, field.size()));
}
} // namespace

Expected<SllHeader, ParseError> parse_sll(Bytes frame) {
    ByteReader r(frame);
    SllHeader h;
    h.packet_type = r.u16be();
    h.hatype = r.u16be();
    const std::size_t address_length = r.u16be();
    const Bytes field = r.take(k_sll_address_field);
    h.protocol = r.u16be();
    if (r.failed()) return unexpected(ParseError::truncated);
    h.address = address_of(field, address_length);
    h.payload = r.rest();
    return h;
}

Expected<SllHeader, ParseError> parse_sll2(Bytes frame) {
    ByteReader r(frame);
    SllHeader h;
    h.protocol = r.u16be();
    r.skip(2 + 4); // reserved, interface index
    h.hatype = r.u16be();
    h.packet_type = r.u8();
    const std::size_t address_length = r.u8();
    const Bytes field = r.take(k_sll_address_field);
    if (r.failed()) return unexpected(ParseError::truncated);
    h.address = address_of(field, address_length);
    h.payload = r.rest();
    return h;
}

} // namespace isoprobe::parse
