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
#include "model/eap.hpp"
#include "parse/eap.hpp"
#include "parse/tls_handshake.hpp"
#include "util/bytes.hpp"

namespace isoprobe::analyze {

class EapTlsReassembler {
  public:
    explicit EapTlsReassembler(std::size_t max_bytes = 64 * 1024) : m_max_bytes(max_bytes) {}

    // One EAP Request or Response of this direction carrying a TLS-family fragment, with its EAP identifier
    // and the number of the frame that carried it.
    void feed(std::uint8_t eap_id, const parse::EapTlsFragment& f, std::uint64_t frame = 0);
    // The exchange is over: a message still waiting for fragments counts as missing some.
    void finish();
    // Forgets everything (a new TLS exchange began: the server sent a Start).
    void reset();

    // The TLS records of this direction, in order (every message, complete or not).
    Bytes stream() const { return m_stream; }
    const model::ReassemblyStats& stats() const { return m_stats; }
    // The frames of every EAP-TLS message that carried part of `span` (all of each message's fragments:
    // tshark shows what a message holds in its last one), in order.
    std::vector<std::uint64_t> frames(const parse::TlsSpan& span) const;
    // Frees the buffer once its TLS contents have been read; stats stay.
    void release();

  private:
    void append(Bytes data, std::uint64_t frame);
    void close_message(bool ended); // ended: the last fragment had M clear

    std::size_t m_max_bytes;
    std::vector<std::uint8_t> m_stream;
    struct Chunk {
        std::size_t offset; // where its data begins in m_stream
        std::uint64_t frame;
        std::size_t message; // counts EAP-TLS messages
    };
    std::vector<Chunk> m_chunks;
    std::optional<std::uint8_t> m_last_id;
    bool m_in_message = false;
    std::optional<std::uint32_t> m_expected; // announced length of the message in progress
    std::size_t m_received = 0;              // bytes of the message in progress
    model::ReassemblyStats m_stats;
};

// Reads the server's and the client's reassembled streams; certificates expire relative to `at_ns`.
model::TlsSummary summarize_tls(std::uint8_t eap_type, const EapTlsReassembler& server,
                                const EapTlsReassembler& client, std::int64_t at_ns);

} // namespace isoprobe::analyze
