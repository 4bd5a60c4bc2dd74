// EAP conversations over EAPOL (IEEE 802.1X-2010 8, RFC 3748 2-5): who authenticated, which method completed
// (not merely the one offered), and what the TLS inside EAP-TLS/PEAP/TTLS/FAST/TEAP showed.
#pragma once
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/eap_tls_reassembly.hpp"
#include "analyze/full_tables.hpp"
#include "decode/packet.hpp"
#include "util/addr.hpp"

namespace isoprobe::analyze {

enum class EapOutcome : std::uint8_t { incomplete, success, failure };
std::string_view eap_outcome_name(EapOutcome o);

// One authentication attempt between a supplicant and an authenticator.
struct EapSession {
    // Unknown while the side has only ever sent to the PAE group address (wired 802.1X) and the other
    // side never answered.
    std::optional<MacAddr> supplicant, authenticator;
    std::optional<std::string> identity;    // the last Response/Identity: raw bytes, not necessarily UTF-8
    std::vector<std::uint32_t> offered;     // method types the server requested (Identity/Notification aside)
    std::vector<std::uint32_t> nak_desired; // types the peer asked for in NAKs (0: no alternative)
    std::uint64_t naks = 0;
    // The type of the last Request/Response exchange of one method (a Request answered with the same type):
    // a server offering TLS and a client NAKing to PEAP is PEAP.
    std::optional<std::uint8_t> method;
    EapOutcome outcome = EapOutcome::incomplete;
    std::uint64_t retransmissions = 0; // Requests or Responses repeating the previous identifier
    std::uint64_t frames = 0;          // EAPOL frames attributed to this attempt
    std::uint64_t key_frames = 0;      // of which EAPOL-Key (the 4-way handshake after Success)
    std::uint64_t malformed = 0;       // EAP packets or TLS-family headers that did not parse
    std::uint64_t first_frame = 0, last_frame = 0;
    std::int64_t first_ns = 0, last_ns = 0;
    bool started_by_supplicant = false; // EAPOL-Start seen
    bool logoff = false;                // EAPOL-Logoff seen
    std::optional<TlsSummary> tls;      // when a TLS-family method was exchanged
};

struct EapStats {
    std::uint64_t eapol_frames = 0;
    std::uint64_t malformed = 0;        // EAPOL headers or EAP packets that did not parse, or failed the FCS
    std::uint64_t unattributed = 0;     // EAPOL-Key or other frames with no attempt to belong to
    std::uint64_t sessions_dropped = 0; // attempts evicted to make room beyond Limits::max_sessions
};

class EapSessions {
  public:
    struct Limits {
        std::size_t max_sessions = 1024;
        std::size_t max_tls_bytes = 32 * 1024; // per direction, so 64 KiB per attempt
    };

    // Whether a finished attempt decides a verdict by itself: once the table is full, the least recently
    // active attempt that does not is evicted to make room, so a flood of attempts cannot hide the one that
    // fails.
    using KeepWhenFull = std::function<bool(const EapSession&)>;

    EapSessions() = default;
    explicit EapSessions(Limits limits, KeepWhenFull keep = {}) : m_limits(limits), m_keep(std::move(keep)) {}

    // Reads Packet::eapol (the EAPOL PDU), Packet::src/dst and the frame number and time.
    void feed(const decode::Packet& p);

    // Every attempt in order of its first frame; TLS is summarised for attempts still open, too.
    std::vector<EapSession> sessions() const;
    const EapStats& stats() const { return m_stats; }
    std::optional<FullTable> full_table() const;

  private:
    struct Attempt {
        explicit Attempt(std::size_t max_tls_bytes) : server(max_tls_bytes), client(max_tls_bytes) {}
        EapSession s;
        EapTlsReassembler server, client;
        std::uint8_t tls_type = 0; // TLS-family method being reassembled, 0 for none
        std::optional<std::uint8_t> last_request_id, last_response_id;
        std::uint8_t last_request_type = 0; // of the last method Request
        bool responded = false;             // any Response seen
        bool finalized = false;             // TLS summarised and buffers freed
        bool keep = false;                  // decides a verdict: evicted only when every attempt does
        // A later attempt on its port was evicted: the frames still to come from that one must not land here.
        bool closed = false;
    };

    Attempt* find(const std::optional<MacAddr>& supplicant, const std::optional<MacAddr>& authenticator);
    Attempt* start_attempt(const std::optional<MacAddr>& supplicant,
                           const std::optional<MacAddr>& authenticator, const Attempt* previous);
    void on_eap(const decode::Packet& p, Bytes eap);
    void on_request(Attempt& a, const parse::EapMessage& m);
    void on_response(Attempt& a, const parse::EapMessage& m);
    void finalize(Attempt& a);
    static bool has_tls(const Attempt& a);
    void touch(Attempt& a, const decode::Packet& p);
    void evict_one();

    Limits m_limits;
    KeepWhenFull m_keep;
    std::deque<Attempt> m_attempts; // eviction takes the least recently active, near the front: cheap here
    EapStats m_stats;
};

} // namespace isoprobe::analyze
