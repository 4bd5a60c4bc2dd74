// IEEE 802.2 LLC header and its SNAP extension (IEEE 802-2014 10.3, RFC 1042, IEEE 802.1H).
#include "parse/llc.hpp"

namespace isoprobe::parse {

Expected<LlcHeader, ParseError> parse_llc(Bytes pdu) {
    ByteReader r(pdu);
    LlcHeader h;
    h.dsap = r.u8();
    h.ssap = r.u8();
    h.control = r.u8();
    // The two low bits 11 mark an unnumbered (U) PDU; I and S PDUs carry a second control byte (802.2 5.2).
    if ((h.control & 0x03) != 0x03) h.control = static_cast<std::uint16_t>(h.control | (r.u8() << 8));
    if (r.failed()) return unexpected(ParseError::truncated);
    if (h.dsap == k_llc_sap_snap && h.ssap == k_llc_sap_snap && h.control == 0x03) {
        h.snap = true;
        h.oui = r.u24be();
        h.pid = r.u16be();
        if (r.failed()) return unexpected(ParseError::truncated);
    }
    h.payload = r.rest();
    return h;
}

} // namespace isoprobe::parse
