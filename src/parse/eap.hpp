// EAP packets (RFC 3748 4-5, type numbers from the IANA "Method Types" registry) and the TLS-family
// fragment header shared by EAP-TLS (RFC 5216 3.1, RFC 9190), PEAP, EAP-TTLS (RFC 5281 9.1), EAP-FAST
// (RFC 4851 4.1) and TEAP (RFC 7170 4.1).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parse/error.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

// Codes, RFC 3748 4 and RFC 6696 5.3 (Initiate/Finish).
inline constexpr std::uint8_t k_eap_request = 1;
inline constexpr std::uint8_t k_eap_response = 2;
inline constexpr std::uint8_t k_eap_success = 3;
inline constexpr std::uint8_t k_eap_failure = 4;

// Method types (IANA). The GUIDELINE lists 23 as AKA', but IANA assigns 23 to EAP-AKA (RFC 4187) and
// 50 to EAP-AKA' (RFC 9048); we follow IANA.
inline constexpr std::uint8_t k_eap_identity = 1;
inline constexpr std::uint8_t k_eap_notification = 2;
inline constexpr std::uint8_t k_eap_nak = 3;
inline constexpr std::uint8_t k_eap_md5 = 4;
inline constexpr std::uint8_t k_eap_gtc = 6;
inline constexpr std::uint8_t k_eap_tls = 13;
inline constexpr std::uint8_t k_eap_leap = 17;
inline constexpr std::uint8_t k_eap_sim = 18;
inline constexpr std::uint8_t k_eap_ttls = 21;
inline constexpr std::uint8_t k_eap_aka = 23;
inline constexpr std::uint8_t k_eap_peap = 25;
inline constexpr std::uint8_t k_eap_mschapv2 = 26;
inline constexpr std::uint8_t k_eap_fast = 43;
inline constexpr std::uint8_t k_eap_aka_prime = 50;
inline constexpr std::uint8_t k_eap_pwd = 52;
inline constexpr std::uint8_t k_eap_teap = 55;
inline constexpr std::uint8_t k_eap_expanded = 254;

std::string eap_code_name(std::uint8_t code);
// "tls", "peap", ...; 0 (a NAK's "no acceptable alternative", RFC 3748 5.3.1) is "none".
std::string eap_type_name(std::uint32_t type);

// What a method authenticates the terminal with (GUIDELINE 8021x-eap-tls): only a certificate is the device
// authentication the guideline asks for; a tunnel (PEAP, TTLS, FAST, TEAP) may carry a password inside.
enum class EapCredential : std::uint8_t { none, certificate, tunnel, password, sim, other };

// One row of the EAP method table that the verdicts, the enumeration and the reports all read.
struct EapMethodInfo {
    std::uint8_t type = 0;
    std::string_view name;
    EapCredential credential = EapCredential::other;
    std::uint8_t enumeration_order =
        0; // its turn in `isoprobe eap --enumerate` (1 first), 0 when not proposed
};
const std::vector<EapMethodInfo>& eap_methods();
// `other` for a type the table does not know.
EapCredential eap_credential(std::uint32_t type);
// Methods whose payload is a TLS record stream behind the L/M/S fragment header: certificates and tunnels.
bool eap_is_tls_family(std::uint8_t type);
// A password may authenticate the terminal: password methods and tunnels.
bool eap_password_capable(std::uint32_t type);

struct EapExpandedType {
    std::uint32_t vendor_id = 0; // 24 bits; 0 is the IETF namespace
    std::uint32_t vendor_type = 0;
};

struct EapMessage {
    std::uint8_t code = 0;
    std::uint8_t id = 0;
    std::uint16_t length = 0;     // as declared
    bool length_mismatch = false; // declared length differs from the bytes given (the smaller one is used)
    std::uint8_t type = 0;        // Request/Response only, 0 otherwise
    std::optional<EapExpandedType> expanded; // type 254
    Bytes type_data;                         // after the type (after the 7-byte expanded header for 254)
    std::string identity; // type 1: all its bytes, NULs included (RFC 4284 options in Requests)
    std::vector<std::uint32_t> nak_desired; // Legacy NAK, or the IETF types of an Expanded NAK
};

// `data` is the EAP packet as EAPOL carries it. The length field is trusted only within `data`.
Expected<EapMessage, ParseError> parse_eap(Bytes data);

inline constexpr std::uint8_t k_eap_tls_flag_length = 0x80;
inline constexpr std::uint8_t k_eap_tls_flag_more = 0x40;
inline constexpr std::uint8_t k_eap_tls_flag_start = 0x20;
inline constexpr std::uint8_t k_teap_flag_outer_tlv = 0x10;

struct EapTlsFragment {
    std::uint8_t flags = 0;
    bool length_included = false, more_fragments = false, start = false;
    std::uint8_t version = 0; // low 3 flag bits: PEAP/TTLS/FAST/TEAP version (reserved, 0, for EAP-TLS)
    std::optional<std::uint32_t> message_length;   // total TLS message length when L is set
    std::optional<std::uint32_t> outer_tlv_length; // TEAP only, when O is set
    Bytes data;                                    // TLS bytes of this fragment (TEAP outer TLVs excluded)
    bool is_ack() const { return !length_included && !more_fragments && !start && data.empty(); }
};

// `type_data` is EapMessage::type_data of a TLS-family method (`eap_type` one of eap_is_tls_family).
Expected<EapTlsFragment, ParseError> parse_eap_tls(std::uint8_t eap_type, Bytes type_data);

} // namespace isoprobe::parse
