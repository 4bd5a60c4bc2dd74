// Reassembly of EAP-TLS-family fragments (RFC 5216 3.1-3.2) and the handshake they carry (RFC 5246, RFC
// 8446).
#include "analyze/eap_tls_reassembly.hpp"

#include <algorithm>

namespace isoprobe::analyze {

using model::CertInfo;
using model::ClientCertificate;
using model::TlsSummary;

void EapTlsReassembler::feed(std::uint8_t eap_id, const parse::EapTlsFragment& f, std::uint64_t frame) {
    // A peer retransmits with the same identifier (RFC 3748 4.1); each fragment or ACK gets a new one.
    if (m_last_id == eap_id) {
        ++m_stats.duplicates;
        return;
    }
    m_last_id = eap_id;
    if (f.start) return; // a Start carries no TLS (EAP-FAST/TEAP put their Authority-ID TLVs there)
    if (f.is_ack()) {
        ++m_stats.acks;
        return;
    }
    // Some servers repeat L with the same length on every fragment (ws-wpa-eap-tls.pcap does); only a
    // different length, or L after a finished message, starts a new one.
    bool continues =
        m_in_message && (!f.message_length || (f.message_length == m_expected && m_received < *m_expected));
    if (!continues) {
        close_message(false); // a message still open here never got its last fragment
        m_in_message = true;
        m_expected = f.message_length;
        m_received = 0;
    }
    ++m_stats.fragments;
    append(f.data, frame);
    m_received += f.data.size();
    if (!f.more_fragments) close_message(true);
}

void EapTlsReassembler::append(Bytes data, std::uint64_t frame) {
    std::size_t room = m_max_bytes - std::min(m_max_bytes, m_stream.size());
    std::size_t n = std::min(room, data.size());
    if (n > 0) m_chunks.push_back({m_stream.size(), frame, m_stats.messages});
    m_stream.insert(m_stream.end(), data.begin(), data.begin() + static_cast<std::ptrdiff_t>(n));
    m_stats.overflow_bytes += data.size() - n;
}

void EapTlsReassembler::close_message(bool ended) {
    if (!m_in_message) return;
    m_in_message = false;
    ++m_stats.messages;
    bool short_of_length = m_expected && m_received < *m_expected;
    if (m_expected && m_received > *m_expected) ++m_stats.length_mismatches;
    if (!ended || short_of_length) {
        ++m_stats.fragments_missing;
        if (short_of_length) m_stats.bytes_missing += *m_expected - m_received;
    }
}

void EapTlsReassembler::finish() {
    close_message(false);
}

void EapTlsReassembler::reset() {
    *this = EapTlsReassembler{m_max_bytes};
}

void EapTlsReassembler::release() {
    std::vector<std::uint8_t>().swap(m_stream);
    std::vector<Chunk>().swap(m_chunks);
}

std::vector<std::uint64_t> EapTlsReassembler::frames(const parse::TlsSpan& span) const {
    std::vector<std::size_t> messages;
    for (std::size_t i = 0; i < m_chunks.size(); ++i) {
        std::size_t end = i + 1 < m_chunks.size() ? m_chunks[i + 1].offset : m_stream.size();
        if (m_chunks[i].offset < span.end && span.begin < end) messages.push_back(m_chunks[i].message);
    }
    std::vector<std::uint64_t> out;
    for (const auto& c : m_chunks)
        if (std::find(messages.begin(), messages.end(), c.message) != messages.end()) out.push_back(c.frame);
    return out;
}

namespace {

std::vector<CertInfo> describe_chain(const parse::TlsStream& s, std::int64_t at_ns) {
    std::vector<CertInfo> out;
    if (s.certificates)
        for (const auto& der : *s.certificates)
            out.push_back(describe_certificate(der, at_ns));
    return out;
}

// Parses one direction; records why it could not be read in full.
std::optional<parse::TlsStream> read_stream(std::string_view who, const EapTlsReassembler& r, TlsSummary& t) {
    if (r.stream().empty()) return std::nullopt;
    auto s = parse::parse_tls_stream(r.stream());
    auto note = [&](std::string what) { t.anomalies.push_back(std::string(who) + " stream: " + what); };
    if (!s) {
        note(std::string(parse::error_kind_name(s.error().kind)) + " at byte " +
             std::to_string(s.error().offset));
        return std::nullopt;
    }
    if (s->error)
        note(std::string(parse::error_kind_name(s->error->kind)) + " at byte " +
             std::to_string(s->error->offset));
    if (s->incomplete) note("ends inside a record or handshake message");
    t.alerts.insert(t.alerts.end(), s->alerts.begin(), s->alerts.end());
    return std::move(*s);
}

void decide_client_certificate(const std::optional<parse::TlsStream>& server,
                               const std::optional<parse::TlsStream>& client, TlsSummary& t) {
    auto set = [&](ClientCertificate c, model::Sentence why) {
        t.client_certificate = c;
        t.client_certificate_why = std::move(why);
    };
    if (t.version == parse::k_tls_1_3)
        return set(ClientCertificate::not_observable, model::say("eap.client-cert.tls13"));
    if (client && client->certificates) {
        if (!client->certificates->empty())
            return set(
                ClientCertificate::present,
                model::say("eap.client-cert.sent", {model::arg("count", client->certificates->size())}));
        return set(ClientCertificate::absent, model::say("eap.client-cert.empty"));
    }
    if (server && server->server_hello && !server->certificates && server->change_cipher_spec) {
        t.resumed = true;
        return set(ClientCertificate::not_observable, model::say("eap.client-cert.resumed"));
    }
    if (client && client->has(parse::k_tls_client_key_exchange))
        return set(
            ClientCertificate::absent,
            model::say(t.certificate_requested ? "eap.client-cert.unanswered" : "eap.client-cert.not-asked"));
    set(ClientCertificate::unknown, model::say("eap.client-cert.unseen"));
}

} // namespace

TlsSummary summarize_tls(std::uint8_t eap_type, const EapTlsReassembler& server,
                         const EapTlsReassembler& client, std::int64_t at_ns) {
    TlsSummary t;
    t.eap_type = eap_type;
    t.server = server.stats();
    t.client = client.stats();
    auto ss = read_stream("server", server, t);
    auto cs = read_stream("client", client, t);
    if (ss && ss->server_hello) {
        t.version = ss->server_hello->version();
        t.cipher_suite = ss->server_hello->cipher_suite;
    }
    if (ss) {
        t.certificate_requested = ss->has(parse::k_tls_certificate_request);
        t.server_chain = describe_chain(*ss, at_ns);
        if (ss->server_hello_span) t.server_hello_frames = server.frames(*ss->server_hello_span);
        if (ss->certificates_span) t.server_certificate_frames = server.frames(*ss->certificates_span);
    }
    if (cs) {
        t.client_chain = describe_chain(*cs, at_ns);
        if (cs->certificates_span) t.client_certificate_frames = client.frames(*cs->certificates_span);
    }
    decide_client_certificate(ss, cs, t);
    return t;
}

} // namespace isoprobe::analyze
