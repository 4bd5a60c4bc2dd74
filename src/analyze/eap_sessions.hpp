// EAP conversations over EAPOL (IEEE 802.1X-2010 8, RFC 3748 2-5) or inside RADIUS (RFC 3579): who
// authenticated, which method completed (not merely the one offered), and what the TLS inside
// EAP-TLS/PEAP/TTLS/FAST/TEAP showed.
#pragma once
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "analyze/eap_tls_reassembly.hpp"
#include "analyze/full_tables.hpp"
#include "decode/packet.hpp"
#include "model/report.hpp"
#include "parse/radius.hpp"
#include "util/addr.hpp"

namespace isoprobe::analyze {

class EapSessions {
  public:
    struct Limits {
        std::size_t max_sessions = 1024;
        std::size_t max_tls_bytes = 32 * 1024; // per direction, so 64 KiB per attempt
    };

    // Whether a finished attempt decides a verdict by itself: once the table is full, the least recently
    // active attempt that does not is evicted to make room, so a flood of attempts cannot hide the one that
    // fails.
    using KeepWhenFull = std::function<bool(const model::EapSession&)>;

    EapSessions() = default;
    explicit EapSessions(Limits limits, KeepWhenFull keep = {}) : m_limits(limits), m_keep(std::move(keep)) {}

    // Reads Packet::eapol (the EAPOL PDU) with Packet::src/dst, or Packet::radius with the IP addresses and
    // ports, and the frame number and time.
    void feed(const decode::Packet& p);

    // Every attempt in order of its first frame; TLS is summarised for attempts still open, too.
    std::vector<model::EapSession> sessions() const;
    const model::EapStats& stats() const { return m_stats; }
    std::optional<model::FullTable> full_table() const;

  private:
    struct Attempt {
        explicit Attempt(std::size_t max_tls_bytes) : server(max_tls_bytes), client(max_tls_bytes) {}
        model::EapSession s;
        EapTlsReassembler server, client;
        std::uint8_t tls_type = 0; // TLS-family method being reassembled, 0 for none
        std::optional<std::uint8_t> last_request_id, last_response_id;
        // RADIUS: the last Access-Request (NAS port, server port, identifier) that a reply answers, and the
        // State the last Access-Challenge gave, which the NAS echoes (RFC 2865 5.24).
        std::optional<std::tuple<std::uint16_t, std::uint16_t, std::uint8_t>> radius_request;
        std::vector<std::uint8_t> radius_state;
        std::uint8_t last_request_type = 0; // of the last method Request
        bool responded = false;             // any Response seen
        bool peer_challenged = false;       // LEAP: the client has challenged the access point
        bool finalized = false;             // TLS summarised and buffers freed
        bool keep = false;                  // decides a verdict: evicted only when every attempt does
        // A later attempt on its port was evicted: the frames still to come from that one must not land here.
        bool closed = false;
    };

    Attempt* find(const std::optional<MacAddr>& supplicant, const std::optional<MacAddr>& authenticator);
    Attempt* start_attempt(const std::optional<MacAddr>& supplicant,
                           const std::optional<MacAddr>& authenticator, const Attempt* previous);
    Attempt* find_radius(const decode::Packet& p, const parse::RadiusPacket& r);
    void on_eapol(const decode::Packet& p);
    void on_eap(const decode::Packet& p, Bytes eap);
    void on_radius(const decode::Packet& p);
    void on_message(Attempt& a, const parse::EapMessage& m, bool from_peer);
    void on_request(Attempt& a, const parse::EapMessage& m);
    void on_response(Attempt& a, const parse::EapMessage& m);
    void finalize(Attempt& a);
    static bool has_tls(const Attempt& a);
    void touch(Attempt& a, const decode::Packet& p);
    void evict_one();

    Limits m_limits;
    KeepWhenFull m_keep;
    std::deque<Attempt> m_attempts; // eviction takes the least recently active, near the front: cheap here
    model::EapStats m_stats;
};

} // namespace isoprobe::analyze
