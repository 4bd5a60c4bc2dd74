// Ethernet II / IEEE 802.3 MAC header (IEEE 802.3-2018 3.2) and 802.1Q / 802.1ad VLAN tags (IEEE
// 802.1Q-2018 9.5).
#include "parse/ethernet.hpp"

namespace isoprobe::parse {

namespace {
bool is_vlan_tpid(std::uint16_t type) {
    return type == k_ethertype_vlan || type == k_ethertype_qinq || type == k_ethertype_qinq_old;
}
} // namespace

Expected<EthernetHeader, ParseError> parse_ethernet(Bytes frame) {
    ByteReader r(frame);
    if (!r.has(14)) return unexpected(ParseError::truncated);
    EthernetHeader h;
    h.dst = MacAddr::from(r.take(6));
    h.src = MacAddr::from(r.take(6));
    h.type_or_length = r.u16be();
    h.payload = r.rest();
    return h;
}

Expected<EtherPayload, ParseError> unwrap_ether_payload(std::uint16_t type_or_length, Bytes payload) {
    EtherPayload out;
    std::size_t tags = 0;
    while (is_vlan_tpid(type_or_length)) {
        if (tags == k_max_vlan_tags) return unexpected(ParseError::malformed);
        ByteReader r(payload);
        r.skip(2); // TCI: priority and VID do not change what the frame carries
        type_or_length = r.u16be();
        if (r.failed()) return unexpected(ParseError::truncated);
        ++tags;
        payload = r.rest();
    }
    if (type_or_length < k_ethertype_min) {
        if (type_or_length < payload.size()) payload = payload.first(type_or_length);
    } else {
        out.ethertype = type_or_length;
    }
    out.payload = payload;
    return out;
}

} // namespace isoprobe::parse
