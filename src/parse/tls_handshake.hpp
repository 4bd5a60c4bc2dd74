// TLS records and handshake messages as EAP-TLS carries them (RFC 5246 6.2.1 and 7.4, RFC 8446 4 and 5.1):
// only what an audit needs (versions, cipher, who sent which certificate), never decryption.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parse/error.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

// Record content types (RFC 8446 5.1).
inline constexpr std::uint8_t k_tls_change_cipher_spec = 20;
inline constexpr std::uint8_t k_tls_alert = 21;
inline constexpr std::uint8_t k_tls_handshake = 22;
inline constexpr std::uint8_t k_tls_application_data = 23;

// Handshake types (RFC 5246 7.4, RFC 8446 4).
inline constexpr std::uint8_t k_tls_client_hello = 1;
inline constexpr std::uint8_t k_tls_server_hello = 2;
inline constexpr std::uint8_t k_tls_certificate = 11;
inline constexpr std::uint8_t k_tls_server_key_exchange = 12;
inline constexpr std::uint8_t k_tls_certificate_request = 13;
inline constexpr std::uint8_t k_tls_server_hello_done = 14;
inline constexpr std::uint8_t k_tls_certificate_verify = 15;
inline constexpr std::uint8_t k_tls_client_key_exchange = 16;
inline constexpr std::uint8_t k_tls_finished = 20;

inline constexpr std::uint16_t k_tls_1_3 = 0x0304;

// "1.0", "1.2", "1.3", "ssl3.0" or "0xNNNN".
std::string tls_version_name(std::uint16_t version);
// IANA TLS Cipher Suites registry name for common suites, else "0xNNNN".
std::string tls_cipher_suite_name(std::uint16_t suite);

struct TlsClientHello {
    std::uint16_t legacy_version = 0;
    std::size_t cipher_suite_count = 0;
    std::vector<std::uint16_t> supported_versions; // extension 43, empty when absent
};

struct TlsServerHello {
    std::uint16_t legacy_version = 0;
    std::uint16_t cipher_suite = 0;
    std::optional<std::uint16_t> selected_version; // extension 43 (TLS 1.3, RFC 8446 4.2.1)
    std::uint16_t version() const { return selected_version.value_or(legacy_version); }
};

struct TlsAlert {
    std::uint8_t level = 0, description = 0;
};

// Where one handshake message lies in the stream: bytes [begin, end), its 4-byte header included.
struct TlsSpan {
    std::size_t begin = 0, end = 0;
};

// What one direction of a TLS connection showed in clear.
struct TlsStream {
    std::size_t records = 0;
    std::vector<std::uint8_t> handshake_types; // plaintext handshake messages, in order
    std::optional<TlsClientHello> client_hello;
    std::optional<TlsServerHello> server_hello;
    // The first plaintext Certificate message (RFC 5246 7.4.2 layout): DER certificates in order; an empty
    // list is a client saying it has none (7.4.6).
    std::optional<std::vector<std::vector<std::uint8_t>>> certificates;
    // Where the messages above lie, so that a finding about them can name the frames that carried them.
    std::optional<TlsSpan> server_hello_span, certificates_span;
    bool change_cipher_spec = false;
    // Records we cannot read: application data, and handshake/alert records after ChangeCipherSpec (the
    // TLS 1.2 Finished) - after a TLS 1.3 ServerHello everything is here.
    std::size_t encrypted_records = 0;
    std::vector<TlsAlert> alerts;    // plaintext alerts only
    std::optional<ParseError> error; // where the walk stopped before the end of the input, if it did
    bool incomplete = false;         // the input ends inside a record or a handshake message

    bool has(std::uint8_t handshake_type) const;
};

// Walks the records of one direction, reassembling handshake messages across records. Fails only when the
// input does not begin with a TLS record; later damage ends the walk and is reported in TlsStream::error.
Expected<TlsStream, ParseError> parse_tls_stream(Bytes stream);

} // namespace isoprobe::parse
