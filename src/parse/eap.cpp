// EAP packets (RFC 3748 4-5) and the TLS-family fragment header (RFC 5216 3.1, RFC 7170 4.1).
#include "parse/eap.hpp"

#include <algorithm>
#include <array>

#include "parse/value_names.hpp"

namespace isoprobe::parse {

namespace {

// RFC 3748 4, RFC 6696 5.3.
constexpr auto k_codes = std::to_array<ValueName>({
    {1, "request"},
    {2, "response"},
    {3, "success"},
    {4, "failure"},
    {5, "initiate"},
    {6, "finish"},
});

} // namespace

// IANA "Extensible Authentication Protocol (EAP) Registry", Method Types, with the credential each one
// authenticates by and its turn in `isoprobe eap --enumerate` (tunnels, then password methods, TLS last).
const std::vector<EapMethodInfo>& eap_methods() {
    using C = EapCredential;
    static const std::vector<EapMethodInfo> k_methods{
        {0, "none", C::none, 0},
        {1, "identity", C::none, 0},
        {2, "notification", C::none, 0},
        {3, "nak", C::none, 0},
        {4, "md5", C::password, 5},
        {5, "otp", C::password, 0},
        {6, "gtc", C::password, 6},
        {13, "tls", C::certificate, 10},
        {17, "leap", C::password, 8},
        {18, "sim", C::sim, 0},
        {21, "ttls", C::tunnel, 2},
        {23, "aka", C::sim, 0},
        {25, "peap", C::tunnel, 1},
        {26, "mschapv2", C::password, 7},
        {29, "mschapv2-legacy", C::password, 0},
        {32, "pax", C::password, 0},
        {43, "fast", C::tunnel, 3},
        {47, "psk", C::other, 0},
        {48, "sake", C::other, 0},
        {49, "ikev2", C::other, 0},
        {50, "aka-prime", C::sim, 0},
        {51, "gpsk", C::other, 0},
        {52, "pwd", C::password, 9},
        {55, "teap", C::tunnel, 4},
        {254, "expanded", C::other, 0},
    };
    return k_methods;
}

namespace {

const EapMethodInfo* method_info(std::uint32_t type) {
    for (const auto& m : eap_methods())
        if (m.type == type) return &m;
    return nullptr;
}

constexpr std::size_t k_header_len = 4;   // code, identifier, length
constexpr std::size_t k_expanded_len = 7; // vendor id (3) + vendor type (4) after the type byte

} // namespace

std::string eap_code_name(std::uint8_t code) {
    return value_name(k_codes, code);
}
std::string eap_type_name(std::uint32_t type) {
    const auto* m = method_info(type);
    return m ? std::string(m->name) : "unknown(" + std::to_string(type) + ")";
}

EapCredential eap_credential(std::uint32_t type) {
    const auto* m = method_info(type);
    return m ? m->credential : EapCredential::other;
}

bool eap_is_tls_family(std::uint8_t type) {
    const auto c = eap_credential(type);
    return c == EapCredential::certificate || c == EapCredential::tunnel;
}

bool eap_password_capable(std::uint32_t type) {
    const auto c = eap_credential(type);
    return c == EapCredential::password || c == EapCredential::tunnel;
}

Expected<EapMessage, ParseError> parse_eap(Bytes data) {
    ByteReader r{data};
    EapMessage m;
    m.code = r.u8();
    m.id = r.u8();
    m.length = r.u16be();
    if (r.failed()) return unexpected(ParseError{ErrorKind::truncated, data.size()});
    if (m.length < k_header_len) return unexpected(ParseError{ErrorKind::bad_length, 2});
    m.length_mismatch = m.length != data.size();
    // Only the bytes both the length field and the frame vouch for are EAP; the rest is padding or lost.
    ByteReader body{data.subspan(k_header_len, std::min<std::size_t>(m.length, data.size()) - k_header_len)};
    if (m.code != k_eap_request && m.code != k_eap_response) return m;

    m.type = body.u8();
    if (body.failed()) return unexpected(ParseError{ErrorKind::truncated, k_header_len});
    if (m.type == k_eap_expanded) {
        EapExpandedType e;
        e.vendor_id = body.u24be();
        e.vendor_type = body.u32be();
        if (body.failed()) return unexpected(ParseError{ErrorKind::truncated, k_header_len + 1});
        m.expanded = e;
    }
    m.type_data = body.rest();

    if (m.type == k_eap_identity) {
        // All of it: a NUL in a Response is the supplicant's own (RFC 4284 puts network information after a
        // NUL in Requests only), and cutting there would hide the bytes after it.
        m.identity.assign(m.type_data.begin(), m.type_data.end());
    } else if (m.type == k_eap_nak) {
        m.nak_desired.assign(m.type_data.begin(), m.type_data.end());
    } else if (m.expanded && m.expanded->vendor_id == 0 && m.expanded->vendor_type == k_eap_nak) {
        // Expanded NAK (RFC 3748 5.3.2): a list of 8-byte expanded types.
        if (m.type_data.size() % 8 != 0)
            return unexpected(ParseError{ErrorKind::bad_length, k_header_len + 1 + k_expanded_len});
        ByteReader list{m.type_data};
        while (list.remaining() >= 8) {
            std::uint8_t type = list.u8();
            std::uint32_t vendor = list.u24be();
            std::uint32_t vendor_type = list.u32be();
            // Legacy types appear as vendor 0; anything vendor-specific is noted as "expanded".
            m.nak_desired.push_back(type == k_eap_expanded && vendor == 0 ? vendor_type : k_eap_expanded);
        }
    }
    return m;
}

Expected<EapTlsFragment, ParseError> parse_eap_tls(std::uint8_t eap_type, Bytes type_data) {
    ByteReader r{type_data};
    EapTlsFragment f;
    f.flags = r.u8();
    if (r.failed()) return unexpected(ParseError{ErrorKind::truncated, 0});
    f.length_included = (f.flags & k_eap_tls_flag_length) != 0;
    f.more_fragments = (f.flags & k_eap_tls_flag_more) != 0;
    f.start = (f.flags & k_eap_tls_flag_start) != 0;
    f.version = f.flags & 0x07;
    if (f.length_included) {
        f.message_length = r.u32be();
        if (r.failed()) return unexpected(ParseError{ErrorKind::truncated, 1});
    }
    bool outer = eap_type == k_eap_teap && (f.flags & k_teap_flag_outer_tlv) != 0;
    if (outer) {
        f.outer_tlv_length = r.u32be();
        if (r.failed()) return unexpected(ParseError{ErrorKind::truncated, r.position()});
        // Outer TLVs follow the TLS data (RFC 7170 4.1); they are not part of the TLS stream.
        if (*f.outer_tlv_length > r.remaining())
            return unexpected(ParseError{ErrorKind::bad_length, r.position() - 4});
        f.data = r.take(r.remaining() - *f.outer_tlv_length);
    } else {
        f.data = r.rest();
    }
    return f;
}

} // namespace isoprobe::parse
