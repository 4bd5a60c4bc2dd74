// TLS records and handshake messages (RFC 5246 6.2.1 and 7.4, RFC 8446 4 and 5.1).
#include "parse/tls_handshake.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <iterator>

#include "parse/value_names.hpp"

namespace isoprobe::parse {

namespace {

constexpr auto k_versions = std::to_array<ValueName>({
    {0x0300, "ssl3.0"},
    {0x0301, "1.0"},
    {0x0302, "1.1"},
    {0x0303, "1.2"},
    {0x0304, "1.3"},
});

// IANA "TLS Cipher Suites" registry: the suites RADIUS servers and supplicants commonly negotiate.
constexpr auto k_suites = std::to_array<ValueName>({
    {0x0004, "TLS_RSA_WITH_RC4_128_MD5"},
    {0x0005, "TLS_RSA_WITH_RC4_128_SHA"},
    {0x000a, "TLS_RSA_WITH_3DES_EDE_CBC_SHA"},
    {0x0016, "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA"},
    {0x002f, "TLS_RSA_WITH_AES_128_CBC_SHA"},
    {0x0033, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA"},
    {0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA"},
    {0x0039, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA"},
    {0x003c, "TLS_RSA_WITH_AES_128_CBC_SHA256"},
    {0x003d, "TLS_RSA_WITH_AES_256_CBC_SHA256"},
    {0x0067, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256"},
    {0x006b, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256"},
    {0x009c, "TLS_RSA_WITH_AES_128_GCM_SHA256"},
    {0x009d, "TLS_RSA_WITH_AES_256_GCM_SHA384"},
    {0x009e, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"},
    {0x009f, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"},
    {0x00ff, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"},
    {0x1301, "TLS_AES_128_GCM_SHA256"},
    {0x1302, "TLS_AES_256_GCM_SHA384"},
    {0x1303, "TLS_CHACHA20_POLY1305_SHA256"},
    {0x1304, "TLS_AES_128_CCM_SHA256"},
    {0x1305, "TLS_AES_128_CCM_8_SHA256"},
    {0xc009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"},
    {0xc00a, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"},
    {0xc013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"},
    {0xc014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"},
    {0xc023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"},
    {0xc024, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"},
    {0xc027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"},
    {0xc028, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"},
    {0xc02b, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"},
    {0xc02c, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"},
    {0xc02f, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"},
    {0xc030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"},
    {0xcca8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"},
    {0xcca9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"},
    {0xccaa, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256"},
    {0xc0ad, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM"},
});

constexpr std::uint8_t k_tls_heartbeat = 24; // RFC 6520
constexpr std::size_t k_record_header = 5;
constexpr std::size_t k_max_record = (1u << 14) + 2048; // RFC 5246 6.2.3: TLSCiphertext.length bound
constexpr std::size_t k_random_len = 32;
constexpr std::uint16_t k_ext_supported_versions = 43;

std::string hex16(std::uint16_t v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%04x", v);
    return buf;
}

// Skips legacy_session_id; true when it fit.
bool skip_u8_vector(ByteReader& r) {
    return r.skip(r.u8()) && r.ok();
}

// Calls on_ext(type, data) for each extension of a hello; false when the block is malformed.
template <class F> bool walk_extensions(ByteReader& r, F&& on_ext) {
    if (r.remaining() == 0) return true; // extensions are optional before TLS 1.3
    ByteReader exts{r.take(r.u16be())};
    if (r.failed()) return false;
    while (exts.remaining() > 0) {
        std::uint16_t type = exts.u16be();
        Bytes data = exts.take(exts.u16be());
        if (exts.failed()) return false;
        on_ext(type, data);
    }
    return true;
}

bool parse_client_hello(Bytes body, TlsClientHello& ch) {
    ByteReader r{body};
    ch.legacy_version = r.u16be();
    r.skip(k_random_len);
    skip_u8_vector(r);
    std::uint16_t suites_len = r.u16be();
    if (!r.skip(suites_len) || suites_len % 2 != 0) return false;
    ch.cipher_suite_count = suites_len / 2u;
    if (!skip_u8_vector(r)) return false; // compression methods
    return walk_extensions(r, [&](std::uint16_t type, Bytes data) {
        if (type != k_ext_supported_versions) return;
        ByteReader v{data};
        ByteReader list{v.take(v.u8())};
        while (list.remaining() >= 2)
            ch.supported_versions.push_back(list.u16be());
    });
}

bool parse_server_hello(Bytes body, TlsServerHello& sh) {
    ByteReader r{body};
    sh.legacy_version = r.u16be();
    r.skip(k_random_len);
    skip_u8_vector(r);
    sh.cipher_suite = r.u16be();
    r.u8(); // legacy_compression_method
    if (r.failed()) return false;
    return walk_extensions(r, [&](std::uint16_t type, Bytes data) {
        if (type != k_ext_supported_versions || data.size() != 2) return;
        ByteReader v{data};
        sh.selected_version = v.u16be();
    });
}

// TLS 1.0-1.2 Certificate (RFC 5246 7.4.2): certificate_list<0..2^24-1> of ASN.1Cert<1..2^24-1>.
bool parse_certificate(Bytes body, std::vector<std::vector<std::uint8_t>>& certs) {
    ByteReader r{body};
    std::uint32_t list_len = r.u24be();
    if (r.failed() || list_len != r.remaining()) return false;
    while (r.remaining() > 0) {
        Bytes der = r.take(r.u24be());
        if (r.failed() || der.empty()) return false;
        certs.emplace_back(der.begin(), der.end());
    }
    return true;
}

bool parse_handshake_message(std::uint8_t type, Bytes body, TlsStream& out) {
    out.handshake_types.push_back(type);
    switch (type) {
    case k_tls_client_hello: {
        TlsClientHello ch;
        if (!parse_client_hello(body, ch)) return false;
        out.client_hello = std::move(ch);
        return true;
    }
    case k_tls_server_hello: {
        TlsServerHello sh;
        if (!parse_server_hello(body, sh)) return false;
        out.server_hello = sh;
        return true;
    }
    case k_tls_certificate: {
        if (out.certificates) return true;
        std::vector<std::vector<std::uint8_t>> certs;
        if (!parse_certificate(body, certs)) return false;
        out.certificates = std::move(certs);
        return true;
    }
    default:
        return true;
    }
}

// Handshake bytes still spread over records are gathered in one buffer; each run of it remembers where in the
// stream it came from, so a message can be placed in the stream whatever records it spans.
class PendingHandshake {
  public:
    void append(Bytes fragment, std::size_t stream_offset) {
        m_runs.push_back({m_bytes.size(), stream_offset});
        m_bytes.insert(m_bytes.end(), fragment.begin(), fragment.end());
    }
    Bytes bytes() const { return m_bytes; }
    std::size_t stream_offset(std::size_t i) const {
        auto it = std::prev(std::upper_bound(m_runs.begin(), m_runs.end(), i,
                                             [](std::size_t x, const Run& r) { return x < r.at_pending; }));
        return it->at_stream + (i - it->at_pending);
    }
    void drop_front(std::size_t n) {
        m_bytes.erase(m_bytes.begin(), m_bytes.begin() + static_cast<std::ptrdiff_t>(n));
        if (m_bytes.empty()) return m_runs.clear();
        std::size_t first = 0; // the run holding the new front
        while (first + 1 < m_runs.size() && m_runs[first + 1].at_pending <= n)
            ++first;
        m_runs.erase(m_runs.begin(), m_runs.begin() + static_cast<std::ptrdiff_t>(first));
        for (auto& r : m_runs) {
            if (r.at_pending <= n) {
                r.at_stream += n - r.at_pending;
                r.at_pending = 0;
            } else {
                r.at_pending -= n;
            }
        }
    }
    bool empty() const { return m_bytes.empty(); }

  private:
    struct Run {
        std::size_t at_pending, at_stream;
    };
    std::vector<std::uint8_t> m_bytes;
    std::vector<Run> m_runs;
};

} // namespace

std::string tls_version_name(std::uint16_t version) {
    auto n = find_value_name(k_versions, version);
    return n.empty() ? hex16(version) : std::string(n);
}

std::string tls_cipher_suite_name(std::uint16_t suite) {
    auto n = find_value_name(k_suites, suite);
    return n.empty() ? hex16(suite) : std::string(n);
}

bool TlsStream::has(std::uint8_t handshake_type) const {
    return std::find(handshake_types.begin(), handshake_types.end(), handshake_type) != handshake_types.end();
}

Expected<TlsStream, ParseError> parse_tls_stream(Bytes stream) {
    TlsStream out;
    PendingHandshake pending; // handshake bytes of a message still spread over records
    ByteReader r{stream};
    while (r.remaining() > 0 && !out.error) {
        std::size_t at = r.position();
        if (!r.has(k_record_header)) {
            out.incomplete = true;
            break;
        }
        std::uint8_t content_type = r.u8();
        std::uint16_t version = r.u16be();
        std::uint16_t length = r.u16be();
        if (content_type < k_tls_change_cipher_spec || content_type > k_tls_heartbeat ||
            (version >> 8) != 3) {
            if (out.records == 0) return unexpected(ParseError{ErrorKind::bad_value, at});
            out.error = ParseError{ErrorKind::bad_value, at};
            break;
        }
        if (length > k_max_record) {
            out.error = ParseError{ErrorKind::bad_length, at + 3};
            break;
        }
        if (!r.has(length)) {
            out.incomplete = true;
            break;
        }
        Bytes fragment = r.take(length);
        ++out.records;
        bool readable = !out.change_cipher_spec;
        switch (content_type) {
        case k_tls_change_cipher_spec:
            out.change_cipher_spec = true;
            break;
        case k_tls_alert:
            if (readable && fragment.size() == 2)
                out.alerts.push_back({fragment[0], fragment[1]});
            else
                ++out.encrypted_records;
            break;
        case k_tls_handshake: {
            if (!readable) {
                ++out.encrypted_records;
                break;
            }
            pending.append(fragment, at + k_record_header);
            const Bytes bytes = pending.bytes();
            std::size_t used = 0;
            while (bytes.size() - used >= 4) {
                ByteReader h{bytes.subspan(used)};
                std::uint8_t type = h.u8();
                std::uint32_t len = h.u24be();
                if (!h.has(len)) break;
                const bool first_certificate = type == k_tls_certificate && !out.certificates;
                if (!parse_handshake_message(type, h.take(len), out)) {
                    out.error = ParseError{ErrorKind::bad_length, at};
                    break;
                }
                const TlsSpan span{pending.stream_offset(used), pending.stream_offset(used + 3 + len) + 1};
                if (type == k_tls_server_hello) out.server_hello_span = span;
                if (first_certificate) out.certificates_span = span;
                used += 4 + len;
            }
            pending.drop_front(used);
            break;
        }
        case k_tls_application_data:
            ++out.encrypted_records;
            break;
        default:
            break; // heartbeat: nothing to learn
        }
    }
    if (!pending.empty() && !out.error) out.incomplete = true;
    return out;
}

} // namespace isoprobe::parse
