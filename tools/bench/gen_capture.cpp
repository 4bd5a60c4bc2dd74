// Benchmark capture generator: a deterministic classic pcap (LINKTYPE_ETHERNET) of a busy wired segment
// (IPv4 RFC 791, TCP RFC 9293, UDP RFC 768, ARP RFC 826, DNS RFC 1035, mDNS RFC 6762, NBNS RFC 1002,
// SSDP UPnP 2.0, DHCP RFC 2131, SMB2 over NetBIOS session service [MS-SMB2] 2.1).
//
// Usage: gen_capture OUT.pcap [--frames N] [--bytes B] [--planted FILE] [--mix few-flows|many-flows]
// Writes at least N frames (default 1,000,000) and at least B file bytes (default 0); fixed seed.
// The segment is 198.51.100.0/24 with its gateway at .1; "remote" hosts are 203.0.113.0/24 behind the
// gateway. Most traffic is terminal <-> gateway MAC; a small share is terminal <-> terminal (the planted
// conversations, listed one per line in the --planted file so the benchmark can check they are found). Mixes:
// few-flows (default) has 48 terminals in long sessions with a few remote hosts (about 10,000 flows);
// many-flows has 200 terminals each opening short TCP connections to all of 250 remote servers (50,000 pairs,
// so about 100,000 directed flows: more than the flow table holds), plus DNS, ARP and the planted frames.
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace {

using Mac = std::array<std::uint8_t, 6>;

constexpr std::uint32_t k_segment = 0xC6336400; // 198.51.100.0
constexpr std::uint32_t k_remote = 0xCB007100;  // 203.0.113.0
constexpr std::uint32_t k_gateway_ip = k_segment | 1;
constexpr std::uint32_t k_dns_server = k_remote | 53;
constexpr std::uint32_t k_smb_server = k_remote | 20;
constexpr int k_terminals = 48;
constexpr int k_many_terminals = 200;
constexpr std::uint32_t k_many_servers = 250;
constexpr std::uint32_t k_first_terminal_host = 10;
constexpr Mac k_gateway_mac{0x02, 0x00, 0x5e, 0x10, 0x00, 0x01};
constexpr Mac k_broadcast{0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
constexpr Mac k_zero_mac{0, 0, 0, 0, 0, 0};

// xorshift64*: tiny, fast, and identical on every platform, so the capture is byte-for-byte reproducible.
struct Rng {
    std::uint64_t s = 0x9E3779B97F4A7C15ULL;
    std::uint64_t next() {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        return s * 0x2545F4914F6CDD1DULL;
    }
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(next() % n); }
    std::uint32_t range(std::uint32_t lo, std::uint32_t hi) { return lo + below(hi - lo + 1); }
};

Mac terminal_mac(int i) {
    return Mac{0x02, 0x00, 0x5e, 0x20, 0x00, static_cast<std::uint8_t>(i)};
}
std::uint32_t terminal_ip(int i) {
    return k_segment | (k_first_terminal_host + static_cast<std::uint32_t>(i));
}
Mac multicast_mac(std::uint32_t group) {
    return Mac{0x01,
               0x00,
               0x5e,
               static_cast<std::uint8_t>((group >> 16) & 0x7f),
               static_cast<std::uint8_t>(group >> 8),
               static_cast<std::uint8_t>(group)};
}

std::string mac_str(const Mac& m) {
    char b[18];
    std::snprintf(b, sizeof b, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
    return b;
}
std::string ip_str(std::uint32_t a) {
    return std::to_string(a >> 24) + "." + std::to_string((a >> 16) & 255) + "." +
           std::to_string((a >> 8) & 255) + "." + std::to_string(a & 255);
}

// One frame under construction: raw bytes, big-endian helpers.
struct Buf {
    std::vector<std::uint8_t> b;
    void u8(std::uint32_t v) { b.push_back(static_cast<std::uint8_t>(v)); }
    void u16(std::uint32_t v) {
        u8(v >> 8);
        u8(v);
    }
    void u32(std::uint32_t v) {
        u16(v >> 16);
        u16(v);
    }
    void le16(std::uint32_t v) {
        u8(v);
        u8(v >> 8);
    }
    void le32(std::uint32_t v) {
        le16(v);
        le16(v >> 16);
    }
    void le64(std::uint64_t v) {
        le32(static_cast<std::uint32_t>(v));
        le32(static_cast<std::uint32_t>(v >> 32));
    }
    void mac(const Mac& m) { b.insert(b.end(), m.begin(), m.end()); }
    void str(const char* s) { b.insert(b.end(), s, s + std::strlen(s)); }
    void zeros(std::size_t n) { b.insert(b.end(), n, 0); }
    void fill(std::size_t n, Rng& r) {
        for (std::size_t i = 0; i < n; ++i)
            u8(static_cast<std::uint32_t>(r.next() >> 56));
    }
    void put16(std::size_t at, std::uint32_t v) {
        b[at] = static_cast<std::uint8_t>(v >> 8);
        b[at + 1] = static_cast<std::uint8_t>(v);
    }
    std::size_t size() const { return b.size(); }
};

// Internet checksum (RFC 1071) over `len` bytes starting at `p`, continuing a running sum.
std::uint32_t sum16(const std::uint8_t* p, std::size_t len, std::uint32_t sum = 0) {
    for (std::size_t i = 0; i + 1 < len; i += 2)
        sum += static_cast<std::uint32_t>(p[i] << 8 | p[i + 1]);
    if (len & 1) sum += static_cast<std::uint32_t>(p[len - 1] << 8);
    return sum;
}
std::uint16_t fold(std::uint32_t sum) {
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return static_cast<std::uint16_t>(~sum & 0xffff);
}

class Writer {
  public:
    explicit Writer(const char* path) : m_f(std::fopen(path, "wb")) {
        if (!m_f) {
            std::perror(path);
            std::exit(1);
        }
        std::setvbuf(m_f, nullptr, _IOFBF, 1 << 22);
        Buf h;
        h.le32(0xa1b2c3d4);
        h.le16(2);
        h.le16(4);
        h.le32(0);
        h.le32(0);
        h.le32(65535);
        h.le32(1); // LINKTYPE_ETHERNET
        std::fwrite(h.b.data(), 1, h.size(), m_f);
        m_bytes = h.size();
    }
    ~Writer() {
        if (std::fclose(m_f) != 0) {
            std::perror("fclose");
            std::exit(1);
        }
    }
    void write(Buf& f, Rng& r) {
        if (f.size() < 60) f.zeros(60 - f.size()); // Ethernet minimum without FCS
        m_usec += r.range(5, 200);
        Buf rec;
        rec.le32(static_cast<std::uint32_t>(m_usec / 1000000));
        rec.le32(static_cast<std::uint32_t>(m_usec % 1000000));
        rec.le32(static_cast<std::uint32_t>(f.size()));
        rec.le32(static_cast<std::uint32_t>(f.size()));
        std::fwrite(rec.b.data(), 1, rec.size(), m_f);
        if (std::fwrite(f.b.data(), 1, f.size(), m_f) != f.size()) {
            std::perror("fwrite");
            std::exit(1);
        }
        m_bytes += rec.size() + f.size();
        ++m_frames;
    }
    std::uint64_t frames() const { return m_frames; }
    std::uint64_t bytes() const { return m_bytes; }

  private:
    std::FILE* m_f;
    std::uint64_t m_usec = 1704067200ULL * 1000000ULL; // 2024-01-01T00:00:00Z
    std::uint64_t m_frames = 0, m_bytes = 0;
};

Buf ether(const Mac& dst, const Mac& src, std::uint16_t type) {
    Buf f;
    f.b.reserve(1514);
    f.mac(dst);
    f.mac(src);
    f.u16(type);
    return f;
}

// Ethernet + IPv4 header with placeholders; finish_ip fills total length and checksums once the payload is
// in.
Buf ipv4(const Mac& dst, const Mac& src, std::uint32_t sip, std::uint32_t dip, std::uint8_t proto,
         std::uint8_t ttl, std::uint16_t id) {
    Buf f = ether(dst, src, 0x0800);
    f.u8(0x45);
    f.u8(0);
    f.u16(0);
    f.u16(id);
    f.u16(0x4000);
    f.u8(ttl);
    f.u8(proto);
    f.u16(0);
    f.u32(sip);
    f.u32(dip);
    return f;
}
void finish_ip(Buf& f) {
    constexpr std::size_t ip = 14;
    const std::size_t total = f.size() - ip;
    f.put16(ip + 2, static_cast<std::uint32_t>(total));
    f.put16(ip + 10, fold(sum16(&f.b[ip], 20)));
    const std::uint8_t proto = f.b[ip + 9];
    const std::size_t l4 = ip + 20, l4_len = total - 20;
    if (proto == 6 || proto == 17) {
        if (proto == 17) f.put16(l4 + 4, static_cast<std::uint32_t>(l4_len));
        std::uint32_t s = sum16(&f.b[ip + 12], 8); // pseudo-header: addresses, protocol, length
        s += proto;
        s += static_cast<std::uint32_t>(l4_len);
        std::uint16_t c = fold(sum16(&f.b[l4], l4_len, s));
        if (proto == 17 && c == 0) c = 0xffff;
        f.put16(l4 + (proto == 6 ? 16 : 6), c);
    } else if (proto == 1) {
        f.put16(l4 + 2, fold(sum16(&f.b[l4], l4_len)));
    }
}

struct Host {
    Mac l2; // the MAC on the wire: the host's own, or the gateway's for remote hosts
    std::uint32_t ip;
};

// A session emits its frames one at a time so many sessions interleave like real traffic.
class Session {
  public:
    virtual ~Session() = default;
    // Appends the next frame to `w`; returns false when the session has nothing more to send.
    virtual bool step(Writer& w, Rng& r) = 0;
};

// A TCP connection: handshake, request/response exchanges, FIN. `smb` shapes the payloads as SMB2 over
// NetBIOS.
class TcpSession : public Session {
  public:
    // `max_segments` bounds each response (a web page's worth by default, a small API answer for short
    // connections).
    TcpSession(Host client, Host server, std::uint16_t sport, std::uint16_t dport, bool smb, int exchanges,
               Rng& r, std::uint32_t max_segments = 24)
        : m_c(client), m_s(server), m_sport(sport), m_dport(dport), m_smb(smb), m_exchanges(exchanges),
          m_max_segments(max_segments), m_cseq(static_cast<std::uint32_t>(r.next())),
          m_sseq(static_cast<std::uint32_t>(r.next())), m_cid(static_cast<std::uint16_t>(r.next())),
          m_sid(static_cast<std::uint16_t>(r.next())) {}

    bool step(Writer& w, Rng& r) override {
        switch (m_state) {
        case 0:
            send(w, r, true, 0x02, 0);
            m_state = 1;
            return true; // SYN
        case 1:
            send(w, r, false, 0x12, 0);
            m_state = 2;
            return true; // SYN-ACK
        case 2:
            send(w, r, true, 0x10, 0);
            m_state = 3;
            return true; // ACK
        case 3:          // request
            if (m_exchanges-- == 0) {
                send(w, r, true, 0x11, 0);
                m_state = 6;
                return true;
            }
            send(w, r, true, 0x18, m_smb ? 0 : r.range(200, 700));
            m_segments =
                m_smb ? 1 : r.range(1, m_max_segments); // one SMB2 READ response answers one READ request
            m_state = 4;
            return true;
        case 4: // response segments
            send(w, r, false, 0x18, m_smb ? 0 : (m_segments == 1 ? r.range(100, 1460) : 1460));
            if (--m_segments == 0 || (m_unacked = !m_unacked) == false) m_state = 5;
            return true;
        case 5:
            send(w, r, true, 0x10, 0);
            m_state = m_segments == 0 ? 3 : 4;
            return true; // client ACK
        case 6:
            send(w, r, false, 0x11, 0);
            m_state = 7;
            return true; // FIN from server
        case 7:
            send(w, r, true, 0x10, 0);
            m_state = 8;
            return true; // last ACK
        default:
            return false;
        }
    }

  private:
    void send(Writer& w, Rng& r, bool from_client, std::uint8_t flags, std::uint32_t payload) {
        const Host& a = from_client ? m_c : m_s;
        const Host& b = from_client ? m_s : m_c;
        std::uint16_t& id = from_client ? m_cid : m_sid;
        std::uint32_t& seq = from_client ? m_cseq : m_sseq;
        const std::uint32_t ack = from_client ? m_sseq : m_cseq;
        Buf f = ipv4(b.l2, a.l2, a.ip, b.ip, 6, from_client ? 128 : 58, id++);
        f.u16(from_client ? m_sport : m_dport);
        f.u16(from_client ? m_dport : m_sport);
        f.u32(seq);
        f.u32(flags == 0x02 ? 0 : ack);
        const bool syn = flags & 0x02;
        f.u8(syn ? 0x60 : 0x50);
        f.u8(flags);
        f.u16(syn ? 64240 : 1026);
        f.u16(0);
        f.u16(0);
        if (syn) {
            f.u8(2);
            f.u8(4);
            f.u16(1460);
        } // MSS option
        const std::size_t before = f.size();
        if (m_smb && (flags & 0x08))
            smb_payload(f, r, from_client);
        else if (payload)
            tls_record(f, r, payload);
        finish_ip(f);
        seq += static_cast<std::uint32_t>(f.size() - before) + (syn || (flags & 0x01) ? 1 : 0);
        w.write(f, r);
    }

    // One whole TLS 1.2 application-data record per segment (RFC 5246 6.2.1), so tshark dissects without
    // reassembly.
    static void tls_record(Buf& f, Rng& r, std::uint32_t payload) {
        f.u8(23);
        f.u16(0x0303);
        f.u16(payload - 5);
        f.fill(payload - 5, r);
    }

    // One complete SMB2 message per segment: NEGOTIATE first, then READ request/response pairs.
    void smb_payload(Buf& f, Rng& r, bool request) {
        const std::size_t nbss = f.size();
        f.u8(0);
        f.u8(0);
        f.u16(0); // NetBIOS session message, 24-bit length filled below
        const bool negotiate = m_msg_id == 0;
        const std::uint16_t command = negotiate ? 0x0000 : 0x0008;
        f.u8(0xfe);
        f.str("SMB");
        f.le16(64);
        f.le16(1);
        f.le32(0);
        f.le16(command);
        f.le16(request ? 31 : 1);
        f.le32(request ? 0 : 1);
        f.le32(0);
        f.le64(m_msg_id);
        f.le32(0xfeff);
        f.le32(negotiate ? 0 : 1);
        f.le64(negotiate ? 0 : 0x0000040000000009ULL);
        f.zeros(16);
        if (negotiate && request) {
            f.le16(36);
            f.le16(2);
            f.le16(1);
            f.le16(0);
            f.le32(0x7f);
            f.fill(16, r);
            f.le64(0);
            f.le16(0x0202);
            f.le16(0x0210);
        } else if (negotiate) {
            f.le16(65);
            f.le16(1);
            f.le16(0x0210);
            f.le16(0);
            f.fill(16, r);
            f.le32(0x7);
            f.le32(65536);
            f.le32(65536);
            f.le32(65536);
            f.le64(133485408000000000ULL);
            f.le64(0);
            f.le16(128);
            f.le16(0);
            f.le32(0);
        } else if (request) {
            f.le16(49);
            f.u8(0x50);
            f.u8(0);
            f.le32(m_read_len = r.range(512, 1372));
            f.le64(m_offset);
            f.fill(16, r);
            f.le32(1);
            f.le32(0);
            f.le32(0);
            f.le16(0);
            f.le16(0);
            f.u8(0);
        } else {
            f.le16(17);
            f.u8(0x50);
            f.u8(0);
            f.le32(m_read_len);
            f.le32(0);
            f.le32(0);
            f.fill(m_read_len, r);
            m_offset += m_read_len;
        }
        if (!request) ++m_msg_id;
        const std::size_t len = f.size() - nbss - 4;
        f.b[nbss + 1] = static_cast<std::uint8_t>(len >> 16);
        f.put16(nbss + 2, static_cast<std::uint32_t>(len));
    }

    Host m_c, m_s;
    std::uint16_t m_sport, m_dport;
    bool m_smb;
    int m_exchanges;
    std::uint32_t m_max_segments;
    std::uint32_t m_cseq, m_sseq;
    std::uint16_t m_cid, m_sid;
    int m_state = 0;
    std::uint32_t m_segments = 0;
    bool m_unacked = false;
    std::uint64_t m_msg_id = 0, m_offset = 0;
    std::uint32_t m_read_len = 0;
};

// A fixed list of frames produced lazily: everything that is not a TCP stream.
class ScriptSession : public Session {
  public:
    using Emit = void (*)(Writer&, Rng&, const ScriptSession&, int);
    ScriptSession(Emit emit, int count, Host from, Host to, std::uint16_t t)
        : a(from), b(to), tag(t), m_emit(emit), m_count(count) {}
    bool step(Writer& w, Rng& r) override {
        if (m_i == m_count) return false;
        m_emit(w, r, *this, m_i++);
        return true;
    }

    Host a, b;
    std::uint16_t tag;

  private:
    Emit m_emit;
    int m_count, m_i = 0;
};

void dns_name(Buf& f, const std::string& name) {
    std::size_t start = 0;
    while (start < name.size()) {
        std::size_t dot = name.find('.', start);
        if (dot == std::string::npos) dot = name.size();
        f.u8(static_cast<std::uint32_t>(dot - start));
        f.b.insert(f.b.end(), name.begin() + static_cast<long>(start), name.begin() + static_cast<long>(dot));
        start = dot + 1;
    }
    f.u8(0);
}

Buf udp(const Mac& dst, const Mac& src, std::uint32_t sip, std::uint32_t dip, std::uint16_t sport,
        std::uint16_t dport, std::uint8_t ttl, Rng& r) {
    Buf f = ipv4(dst, src, sip, dip, 17, ttl, static_cast<std::uint16_t>(r.next()));
    f.u16(sport);
    f.u16(dport);
    f.u16(0);
    f.u16(0);
    return f;
}

void emit_dns(Writer& w, Rng& r, const ScriptSession& s, int i) {
    const bool resp = i == 1;
    const Host& src = resp ? s.b : s.a;
    const Host& dst = resp ? s.a : s.b;
    const std::uint16_t client_port = s.tag;
    Buf f = udp(dst.l2, src.l2, src.ip, dst.ip, resp ? 53 : client_port, resp ? client_port : 53,
                resp ? 58 : 128, r);
    f.u16(s.tag);
    f.u16(resp ? 0x8180 : 0x0100);
    f.u16(1);
    f.u16(resp ? 1 : 0);
    f.u16(0);
    f.u16(0);
    const std::string name = "host" + std::to_string(s.tag % 500) + ".example.com";
    dns_name(f, name);
    f.u16(1);
    f.u16(1);
    if (resp) {
        f.u16(0xc00c);
        f.u16(1);
        f.u16(1);
        f.u32(300);
        f.u16(4);
        f.u32(k_remote | (1u + s.tag % 250));
    }
    finish_ip(f);
    w.write(f, r);
}

// Syslog over UDP (RFC 5426) to a remote collector: one-way datagrams of varied size.
void emit_syslog(Writer& w, Rng& r, const ScriptSession& s, int i) {
    Buf f = udp(s.b.l2, s.a.l2, s.a.ip, s.b.ip, s.tag, 514, 128, r);
    char head[96];
    std::snprintf(head, sizeof head, "<134>1 2024-01-01T00:00:%02dZ term-%u app %u - - ", i % 60,
                  s.a.ip & 255, s.tag);
    f.str(head);
    const std::uint32_t len = r.range(40, 1350);
    for (std::uint32_t k = 0; k < len; ++k)
        f.u8('a' + (k + s.tag) % 26);
    finish_ip(f);
    w.write(f, r);
}

void emit_icmp(Writer& w, Rng& r, const ScriptSession& s, int i) {
    const bool reply = i % 2 == 1;
    const Host& src = reply ? s.b : s.a;
    const Host& dst = reply ? s.a : s.b;
    Buf f = ipv4(dst.l2, src.l2, src.ip, dst.ip, 1, 64, static_cast<std::uint16_t>(r.next()));
    f.u8(reply ? 0 : 8);
    f.u8(0);
    f.u16(0);
    f.u16(s.tag);
    f.u16(static_cast<std::uint32_t>(i / 2 + 1));
    for (std::uint32_t k = 0; k < 56; ++k)
        f.u8(k);
    finish_ip(f);
    w.write(f, r);
}

// a asks who-has b.ip by broadcast; when the session has two frames, b answers by unicast.
void emit_arp(Writer& w, Rng& r, const ScriptSession& s, int i) {
    const bool reply = i == 1;
    const Host& src = reply ? s.b : s.a;
    const Host& dst = reply ? s.a : s.b;
    Buf f = ether(reply ? dst.l2 : k_broadcast, src.l2, 0x0806);
    f.u16(1);
    f.u16(0x0800);
    f.u8(6);
    f.u8(4);
    f.u16(reply ? 2 : 1);
    f.mac(src.l2);
    f.u32(src.ip);
    f.mac(reply ? dst.l2 : k_zero_mac);
    f.u32(dst.ip);
    w.write(f, r);
}

void emit_mdns(Writer& w, Rng& r, const ScriptSession& s, int i) {
    const bool resp = i % 2 == 1;
    const Host& src = resp ? s.b : s.a;
    constexpr std::uint32_t group = 0xE00000FB; // 224.0.0.251
    Buf f = udp(multicast_mac(group), src.l2, src.ip, group, 5353, 5353, 255, r);
    const std::string name = "terminal-" + std::to_string(s.b.ip & 255) + ".local";
    f.u16(0);
    f.u16(resp ? 0x8400 : 0);
    f.u16(resp ? 0 : 1);
    f.u16(resp ? 1 : 0);
    f.u16(0);
    f.u16(0);
    dns_name(f, name);
    if (resp) {
        f.u16(1);
        f.u16(0x8001);
        f.u32(120);
        f.u16(4);
        f.u32(s.b.ip);
    } else {
        f.u16(1);
        f.u16(1);
    }
    finish_ip(f);
    w.write(f, r);
}

void emit_nbns(Writer& w, Rng& r, const ScriptSession& s, int) {
    Buf f = udp(k_broadcast, s.a.l2, s.a.ip, k_segment | 255, 137, 137, 128, r);
    f.u16(s.tag);
    f.u16(0x0110);
    f.u16(1);
    f.u16(0);
    f.u16(0);
    f.u16(0);
    char name[17];
    std::snprintf(name, sizeof name, "%-15s", ("FILESRV" + std::to_string(s.tag % 20)).c_str());
    f.u8(32);
    for (int k = 0; k < 16; ++k) {
        const auto c = static_cast<std::uint8_t>(k < 15 ? name[k] : 0x20);
        f.u8('A' + (c >> 4));
        f.u8('A' + (c & 15));
    }
    f.u8(0);
    f.u16(0x20);
    f.u16(1);
    finish_ip(f);
    w.write(f, r);
}

void emit_ssdp(Writer& w, Rng& r, const ScriptSession& s, int) {
    constexpr std::uint32_t group = 0xEFFFFFFA; // 239.255.255.250
    Buf f = udp(multicast_mac(group), s.a.l2, s.a.ip, group, s.tag, 1900, 4, r);
    f.str("M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\n"
          "ST: urn:dial-multiscreen-org:service:dial:1\r\nUSER-AGENT: Bench/1.0 UPnP/2.0\r\n\r\n");
    finish_ip(f);
    w.write(f, r);
}

// DORA: discover and request broadcast by the client, offer and ack from the gateway (also the DHCP server).
void emit_dhcp(Writer& w, Rng& r, const ScriptSession& s, int i) {
    static constexpr std::uint8_t k_types[] = {1, 2, 3, 5};
    const std::uint8_t type = k_types[i];
    const bool server = type == 2 || type == 5;
    Buf f = server ? udp(k_broadcast, k_gateway_mac, k_gateway_ip, 0xffffffff, 67, 68, 64, r)
                   : udp(k_broadcast, s.a.l2, 0, 0xffffffff, 68, 67, 64, r);
    f.u8(server ? 2 : 1);
    f.u8(1);
    f.u8(6);
    f.u8(0);
    f.u32(0x5e000000u | s.tag);
    f.u16(0);
    f.u16(0x8000);
    f.u32(0);
    f.u32(server ? s.a.ip : 0);
    f.u32(0);
    f.u32(0);
    f.mac(s.a.l2);
    f.zeros(10 + 64 + 128);
    f.u32(0x63825363);
    f.u8(53);
    f.u8(1);
    f.u8(type);
    if (server) {
        f.u8(54);
        f.u8(4);
        f.u32(k_gateway_ip);
        f.u8(51);
        f.u8(4);
        f.u32(86400);
        f.u8(1);
        f.u8(4);
        f.u32(0xffffff00);
        f.u8(3);
        f.u8(4);
        f.u32(k_gateway_ip);
        f.u8(6);
        f.u8(4);
        f.u32(k_dns_server);
    } else {
        if (type == 3) {
            f.u8(50);
            f.u8(4);
            f.u32(s.a.ip);
            f.u8(54);
            f.u8(4);
            f.u32(k_gateway_ip);
        }
        f.u8(55);
        f.u8(4);
        f.u8(1);
        f.u8(3);
        f.u8(6);
        f.u8(15);
    }
    f.u8(255);
    finish_ip(f);
    w.write(f, r);
}

struct Planted {
    std::string kind;
    int a, b;
};
// Terminal pairs that talk directly: the conversations isoprobe must report.
const std::vector<Planted> k_planted = {
    {"arp-unicast-reply", 0, 1}, {"icmp-echo", 2, 3}, {"icmp-echo", 3, 2}, {"mdns", 4, 5}, {"smb", 6, 7},
};

Host terminal(int i) {
    return Host{terminal_mac(i), terminal_ip(i)};
}
Host remote(Rng& r) {
    return Host{k_gateway_mac, k_remote | r.range(1, 254)};
}

std::unique_ptr<Session> new_session(Rng& r) {
    const int t = static_cast<int>(r.below(k_terminals));
    const Host me = terminal(t);
    const auto tag = static_cast<std::uint16_t>(
        r.range(49152, 65535)); // the client port (IANA dynamic range) and a transaction id
    const std::uint32_t pick = r.below(1000);
    if (pick < 8) { // ~1% of sessions: the planted terminal-to-terminal conversations
        const Planted& p = k_planted[pick % k_planted.size()];
        const Host a = terminal(p.a), b = terminal(p.b);
        if (p.kind == "arp-unicast-reply") return std::make_unique<ScriptSession>(emit_arp, 2, a, b, tag);
        if (p.kind == "icmp-echo") return std::make_unique<ScriptSession>(emit_icmp, 4, a, b, tag);
        if (p.kind == "mdns") return std::make_unique<ScriptSession>(emit_mdns, 2, a, b, tag);
        return std::make_unique<TcpSession>(a, Host{b.l2, b.ip}, tag, 445, true,
                                            static_cast<int>(r.range(1, 6)), r);
    }
    if (pick < 300)
        return std::make_unique<TcpSession>(me, remote(r), tag, 443, false, static_cast<int>(r.range(1, 4)),
                                            r);
    if (pick < 360)
        return std::make_unique<TcpSession>(me, Host{k_gateway_mac, k_smb_server}, tag, 445, true,
                                            static_cast<int>(r.range(1, 8)), r);
    if (pick < 620)
        return std::make_unique<ScriptSession>(emit_dns, 2, me, Host{k_gateway_mac, k_dns_server}, tag);
    if (pick < 720)
        return std::make_unique<ScriptSession>(emit_syslog, static_cast<int>(r.range(3, 30)), me, remote(r),
                                               tag);
    if (pick < 780) return std::make_unique<ScriptSession>(emit_icmp, 2, me, remote(r), tag);
    if (pick < 850)
        return std::make_unique<ScriptSession>(emit_arp, 2, me, Host{k_gateway_mac, k_gateway_ip}, tag);
    if (pick < 880) { // broadcast ARP for a neighbour that (isolated) never answers
        const int other =
            static_cast<int>((static_cast<std::uint32_t>(t) + 1 + r.below(k_terminals - 1)) % k_terminals);
        return std::make_unique<ScriptSession>(emit_arp, 1, me, terminal(other), tag);
    }
    if (pick < 930) return std::make_unique<ScriptSession>(emit_nbns, 1, me, me, tag);
    if (pick < 990) return std::make_unique<ScriptSession>(emit_ssdp, 1, me, me, tag);
    return std::make_unique<ScriptSession>(emit_dhcp, 4, me, me, tag);
}

// The many-flows mix: every (terminal, server) pair in turn, in an order that spreads consecutive connections
// over terminals and servers (7919 is prime to the pair count), so all pairs appear once and then again.
std::unique_ptr<Session> new_many_flows_session(Rng& r) {
    static std::uint32_t next_pair = 0;
    const auto tag = static_cast<std::uint16_t>(r.range(49152, 65535));
    const std::uint32_t pick = r.below(1000);
    if (pick < 2) { // 0.2% of sessions: the planted terminal-to-terminal conversations
        const Planted& p = k_planted[r.below(static_cast<std::uint32_t>(k_planted.size()))];
        const Host a = terminal(p.a), b = terminal(p.b);
        if (p.kind == "arp-unicast-reply") return std::make_unique<ScriptSession>(emit_arp, 2, a, b, tag);
        if (p.kind == "icmp-echo") return std::make_unique<ScriptSession>(emit_icmp, 4, a, b, tag);
        if (p.kind == "mdns") return std::make_unique<ScriptSession>(emit_mdns, 2, a, b, tag);
        return std::make_unique<TcpSession>(a, b, tag, 445, true, 1, r);
    }
    const Host me = terminal(static_cast<int>(r.below(k_many_terminals)));
    if (pick < 100)
        return std::make_unique<ScriptSession>(emit_dns, 2, me, Host{k_gateway_mac, k_dns_server}, tag);
    if (pick < 130)
        return std::make_unique<ScriptSession>(emit_arp, 2, me, Host{k_gateway_mac, k_gateway_ip}, tag);
    const std::uint32_t pair = (next_pair++ * 7919u) % (k_many_terminals * k_many_servers);
    const Host client = terminal(static_cast<int>(pair % k_many_terminals));
    const Host server{k_gateway_mac, k_remote | (1 + pair / k_many_terminals)};
    return std::make_unique<TcpSession>(client, server, tag, 443, false, 1, r, 2);
}

} // namespace

int main(int argc, char** argv) {
    std::uint64_t want_frames = 1000000, want_bytes = 0;
    const char* out = nullptr;
    const char* planted = nullptr;
    bool many_flows = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--frames" && i + 1 < argc)
            want_frames = std::strtoull(argv[++i], nullptr, 10);
        else if (a == "--bytes" && i + 1 < argc)
            want_bytes = std::strtoull(argv[++i], nullptr, 10);
        else if (a == "--planted" && i + 1 < argc)
            planted = argv[++i];
        else if (a == "--mix" && i + 1 < argc &&
                 (argv[i + 1] == std::string("few-flows") || argv[i + 1] == std::string("many-flows")))
            many_flows = argv[++i] == std::string("many-flows");
        else if (!out && a[0] != '-')
            out = argv[i];
        else {
            std::fprintf(
                stderr,
                "usage: %s OUT.pcap [--frames N] [--bytes B] [--planted FILE] [--mix few-flows|many-flows]\n",
                argv[0]);
            return 2;
        }
    }
    if (!out) {
        std::fprintf(
            stderr,
            "usage: %s OUT.pcap [--frames N] [--bytes B] [--planted FILE] [--mix few-flows|many-flows]\n",
            argv[0]);
        return 2;
    }

    Rng rng;
    std::uint64_t frames = 0, bytes = 0;
    {
        Writer w(out);
        const auto next_session = many_flows ? new_many_flows_session : new_session;
        std::vector<std::unique_ptr<Session>> active;
        for (int i = 0; i < 64; ++i)
            active.push_back(next_session(rng));
        // Stop only between sessions' frames once both targets are met; sessions cut short are fine for a
        // benchmark.
        while (w.frames() < want_frames || w.bytes() < want_bytes) {
            auto& s = active[rng.below(static_cast<std::uint32_t>(active.size()))];
            if (!s->step(w, rng)) s = next_session(rng);
        }
        frames = w.frames();
        bytes = w.bytes();
    }
    if (planted) {
        std::FILE* p = std::fopen(planted, "w");
        if (!p) {
            std::perror(planted);
            return 1;
        }
        for (const auto& pl : k_planted)
            std::fprintf(p, "%s %s %s %s %s\n", pl.kind.c_str(), mac_str(terminal_mac(pl.a)).c_str(),
                         ip_str(terminal_ip(pl.a)).c_str(), mac_str(terminal_mac(pl.b)).c_str(),
                         ip_str(terminal_ip(pl.b)).c_str());
        std::fclose(p);
    }
    std::printf("%llu frames %llu bytes\n", static_cast<unsigned long long>(frames),
                static_cast<unsigned long long>(bytes));
    return 0;
}
