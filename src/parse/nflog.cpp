// NFLOG (tcpdump.org/linktypes.html; linux/netfilter/nfnetlink_log.h for the TLV types).
#include "parse/nflog.hpp"

namespace isoprobe::parse {

namespace {
constexpr std::uint8_t k_af_inet = 2, k_af_inet6 = 10; // Linux values
constexpr std::uint16_t k_nfula_payload = 9;
constexpr std::size_t k_tlv_header = 4;

// TLV lengths and types are in the capturing host's byte order; the lengths must chain to the end of the
// frame.
Expected<Bytes, ParseError> find_payload(Bytes tlvs, bool big_endian) {
    ByteReader r(tlvs);
    while (r.remaining() > 0) {
        const std::size_t length = big_endian ? r.u16be() : r.u16le();
        const std::uint16_t type = big_endian ? r.u16be() : r.u16le();
        if (r.failed() || length < k_tlv_header) return unexpected(ParseError::bad_length);
        const Bytes value = r.take(length - k_tlv_header);
        if (r.failed()) return unexpected(ParseError::bad_length);
        if ((type & 0x7fff) == k_nfula_payload) return value; // the high bit flags nesting (NLA_F_NESTED)
        r.skip(std::min((4 - length % 4) % 4, r.remaining()));
    }
    return unexpected(ParseError::unsupported);
}
} // namespace

Expected<EtherPayload, ParseError> parse_nflog(Bytes frame) {
    ByteReader r(frame);
    const std::uint8_t family = r.u8();
    const std::uint8_t version = r.u8();
    r.skip(2); // resource id
    if (r.failed()) return unexpected(ParseError::truncated);
    if (version != 0) return unexpected(ParseError::bad_value);
    if (family != k_af_inet && family != k_af_inet6) return unexpected(ParseError::unsupported);
    const Bytes tlvs = r.rest();
    auto payload = find_payload(tlvs, false);
    if (!payload && payload.error() == ParseError::bad_length) payload = find_payload(tlvs, true);
    if (!payload) return unexpected(payload.error());
    return EtherPayload{family == k_af_inet ? k_ethertype_ipv4 : k_ethertype_ipv6, *payload};
}

} // namespace isoprobe::parse
