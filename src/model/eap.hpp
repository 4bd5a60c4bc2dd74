// What an EAP exchange showed (RFC 3748, RFC 5216, RFC 9190): the attempts, their TLS handshakes and
// certificates. Plain data, filled by analyze::EapSessions and read by the verdict and the renderers.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/sentence.hpp"
#include "parse/tls_handshake.hpp"
#include "util/addr.hpp"

namespace isoprobe::model {

struct CertInfo {
    bool parsed = false; // false: OpenSSL could not decode the DER; only `der_bytes` is set
    std::size_t der_bytes = 0;
    std::string subject, issuer;       // RFC 2253 text
    std::string serial;                // hex
    std::string not_before, not_after; // RFC 3339 UTC, seconds precision
    std::string key_type;              // rsa, ec, ed25519, ed448, dsa, or OpenSSL's short name
    int key_bits = 0;
    std::string signature_algorithm; // e.g. sha256WithRSAEncryption
    std::string signature_hash;      // its digest: sha1, md5, sha256, ...; empty when none (Ed25519)
    std::optional<std::int64_t> days_to_expiry; // whole days from `at_ns` to notAfter, negative once expired
    std::optional<std::int64_t> not_after_s;    // notAfter, Unix seconds
    bool self_signed = false;                   // subject equals issuer
    // The extended key usage purposes (RFC 5280 4.2.1.12): OpenSSL's short names (serverAuth, clientAuth,
    // anyExtendedKeyUsage) or dotted OIDs; nullopt when the extension is absent.
    std::optional<std::vector<std::string>> extended_key_usage;
};

struct ReassemblyStats {
    std::uint64_t fragments = 0;         // data-carrying fragments used
    std::uint64_t acks = 0;              // empty fragments acknowledging the peer's
    std::uint64_t duplicates = 0;        // retransmissions (same EAP identifier), dropped
    std::uint64_t messages = 0;          // TLS messages completed (possibly with bytes missing)
    std::uint64_t fragments_missing = 0; // messages that lost fragments (short of their length, or cut off)
    std::uint64_t bytes_missing = 0;     // bytes those messages lacked, when their length was announced
    std::uint64_t length_mismatches = 0; // messages longer than their announced length
    std::uint64_t overflow_bytes = 0;    // bytes dropped at the size cap
};

enum class ClientCertificate : std::uint8_t { present, absent, not_observable, unknown };
std::string_view client_certificate_name(ClientCertificate c); // present, absent, not-observable, unknown

struct TlsSummary {
    std::uint8_t eap_type = 0;                 // the TLS-family method that carried it
    std::optional<std::uint16_t> version;      // negotiated: ServerHello, supported_versions for TLS 1.3
    std::optional<std::uint16_t> cipher_suite; // chosen by the server
    bool certificate_requested = false;        // the server sent CertificateRequest (visible up to TLS 1.2)
    bool resumed = false;                      // abbreviated handshake: no certificates on this connection
    ClientCertificate client_certificate = ClientCertificate::unknown;
    Sentence client_certificate_why; // what shows it
    std::vector<CertInfo> server_chain, client_chain;
    // The frames of the EAP-TLS messages carrying the ServerHello and each side's Certificate message.
    std::vector<std::uint64_t> server_hello_frames, server_certificate_frames, client_certificate_frames;
    std::vector<parse::TlsAlert> alerts; // plaintext alerts, both directions
    std::vector<std::string> anomalies;  // e.g. "server stream: bad_value at byte 1234"
    ReassemblyStats server, client;      // per direction
};

enum class EapOutcome : std::uint8_t { incomplete, success, failure };
std::string_view eap_outcome_name(EapOutcome o);

// Where an attempt seen inside RADIUS (RFC 3579) travelled: the NAS (switch or access point) and its server.
struct RadiusPath {
    IpAddr nas, server;                   // the UDP endpoints of the Access-Request
    std::optional<IpAddr> nas_ip_address; // the NAS-IP-Address attribute, when sent
    // The attributes as sent (RFC 3580 3.20-3.21): raw bytes, not necessarily text.
    std::string calling_station_id, called_station_id;
};

// One authentication attempt between a supplicant and an authenticator.
struct EapSession {
    // Unknown while the side has only ever sent to the PAE group address (wired 802.1X) and the other
    // side never answered. Seen via RADIUS: the MAC addresses the Calling-Station-Id and Called-Station-Id
    // name, when they name one.
    std::optional<MacAddr> supplicant, authenticator;
    std::optional<RadiusPath> radius;       // seen inside RADIUS rather than over EAPOL
    std::optional<std::string> identity;    // the last Response/Identity: raw bytes, not necessarily UTF-8
    std::uint64_t identity_frame = 0;       // the frame that carried it
    std::vector<std::uint32_t> offered;     // method types the server requested (Identity/Notification aside)
    std::vector<std::uint32_t> nak_desired; // types the peer asked for in NAKs (0: no alternative)
    std::uint64_t naks = 0;
    // The type of the last Request/Response exchange of one method (a Request answered with the same type):
    // a server offering TLS and a client NAKing to PEAP is PEAP.
    std::optional<std::uint8_t> method;
    EapOutcome outcome = EapOutcome::incomplete;
    std::uint64_t retransmissions = 0; // Requests or Responses repeating the previous identifier
    // Cisco LEAP's second leg: the client's Request challenging the access point, and its Response.
    std::uint64_t peer_challenges = 0;
    std::uint64_t frames = 0;     // EAPOL frames (or RADIUS packets) attributed to this attempt
    std::uint64_t key_frames = 0; // of which EAPOL-Key (the 4-way handshake after Success)
    std::uint64_t malformed = 0;  // EAP packets or TLS-family headers that did not parse
    std::uint64_t first_frame = 0, last_frame = 0;
    std::int64_t first_ns = 0, last_ns = 0;
    bool started_by_supplicant = false; // EAPOL-Start seen
    bool logoff = false;                // EAPOL-Logoff seen
    std::optional<TlsSummary> tls;      // when a TLS-family method was exchanged
};

// What an auditor is told about an attempt besides the verdict (docs/report.md, "EAP findings"): facts of the
// capture, never a status.
enum class EapFindingKind : std::uint8_t {
    tls_below_1_2,
    weak_signature_hash,
    rsa_key_under_2048,
    ec_key_under_256,
    certificate_expired,
    certificate_expiring,
    server_cert_without_server_auth,
    client_cert_without_client_auth,
    identity_reveals_user,
};
inline constexpr std::size_t k_eap_finding_kinds = 9;
std::string_view eap_finding_kind_name(EapFindingKind k); // the stable ids: tls-below-1.2, ...

struct EapFinding {
    EapFindingKind kind{};
    std::size_t session = 0;                // index into Report::eap
    std::string chain;                      // server, client, or empty when the finding is about the attempt
    std::optional<std::size_t> certificate; // index into that chain
    std::vector<std::uint64_t> frames;      // the frames that show it
    Sentence detail;
};

struct EapStats {
    std::uint64_t eapol_frames = 0;
    std::uint64_t radius_packets = 0;   // to or from a RADIUS authentication port
    std::uint64_t malformed = 0;        // EAPOL headers or EAP packets that did not parse, or failed the FCS
    std::uint64_t unattributed = 0;     // EAPOL-Key or other frames with no attempt to belong to
    std::uint64_t sessions_dropped = 0; // attempts evicted to make room beyond Limits::max_sessions
};

} // namespace isoprobe::model
