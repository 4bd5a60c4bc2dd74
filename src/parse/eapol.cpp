// EAPOL PDUs (IEEE 802.1X-2010 11.3).
#include "parse/eapol.hpp"

#include <algorithm>
#include <array>

#include "parse/value_names.hpp"

namespace isoprobe::parse {

namespace {
// IEEE 802.1X-2010 Table 11-3.
constexpr auto k_types = std::to_array<ValueName>({
    {0, "eap-packet"},
    {1, "start"},
    {2, "logoff"},
    {3, "key"},
    {4, "encapsulated-asf-alert"},
    {5, "mka"},
    {6, "announcement-generic"},
    {7, "announcement-specific"},
    {8, "announcement-req"},
});
} // namespace

std::string eapol_type_name(std::uint8_t type) {
    return value_name(k_types, type);
}

Expected<EapolPdu, ParseError> parse_eapol(Bytes pdu) {
    ByteReader r{pdu};
    EapolPdu out;
    out.version = r.u8();
    out.type = r.u8();
    out.body_length = r.u16be();
    if (r.failed()) return unexpected(ParseError{ErrorKind::truncated, pdu.size()});
    std::size_t avail = r.remaining();
    out.truncated = out.body_length > avail;
    out.body = r.take(std::min<std::size_t>(out.body_length, avail));
    return out;
}

} // namespace isoprobe::parse
