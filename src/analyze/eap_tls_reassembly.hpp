// Reassembly of one direction of an EAP-TLS-family exchange into its TLS record stream (RFC 5216 3.1-3.2:
// L/M/S flags, the message length, empty fragments as ACKs; the same rules in RFC 5281 9.2, RFC 7170 3.8),
// and what the two TLS streams say about the handshake (RFC 5246 7.4, RFC 8446 4, RFC 9190 2.1).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include <string>
#include <string_view>

#include "analyze/x509.hpp"
#include "parse/eap.hpp"
#include "parse/tls_handshake.hpp"
#include "util/bytes.hpp"

namespace isoprobe::analyze {

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

class EapTlsReassembler {
  public:
    explicit EapTlsReassembler(std::size_t max_bytes = 64 * 1024) : m_max_bytes(max_bytes) {}

    // One EAP Request or Response of this direction carrying a TLS-family fragment, with its EAP identifier.
    void feed(std::uint8_t eap_id, const parse::EapTlsFragment& f);
    // The exchange is over: a message still waiting for fragments counts as missing some.
    void finish();
    // Forgets everything (a new TLS exchange began: the server sent a Start).
    void reset();

    // The TLS records of this direction, in order (every message, complete or not).
    Bytes stream() const { return m_stream; }
    const ReassemblyStats& stats() const { return m_stats; }
    // Frees the buffer once its TLS contents have been read; stats stay.
    void release();

  private:
    void append(Bytes data);
    void close_message(bool ended); // ended: the last fragment had M clear

    std::size_t m_max_bytes;
    std::vector<std::uint8_t> m_stream;
    std::optional<std::uint8_t> m_last_id;
    bool m_in_message = false;
    std::optional<std::uint32_t> m_expected; // announced length of the message in progress
    std::size_t m_received = 0;              // bytes of the message in progress
    ReassemblyStats m_stats;
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
    std::string client_certificate_why; // one English sentence: what shows it
    std::vector<CertInfo> server_chain, client_chain;
    std::vector<parse::TlsAlert> alerts; // plaintext alerts, both directions
    std::vector<std::string> anomalies;  // e.g. "server stream: bad_value at byte 1234"
    ReassemblyStats server, client;      // per direction
};

// Reads the server's and the client's reassembled streams; certificates expire relative to `at_ns`.
TlsSummary summarize_tls(std::uint8_t eap_type, const EapTlsReassembler& server,
                         const EapTlsReassembler& client, std::int64_t at_ns);

} // namespace isoprobe::analyze
