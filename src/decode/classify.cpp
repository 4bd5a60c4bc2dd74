// Frame classification for the analysers: link layer by link type (tcpdump.org/linktypes), then EtherType or
// LLC, IP, transport and well-known ports, each header read by its src/parse/ decoder and only as deep as
// needed.
#include <array>

#include "decode/packet.hpp"
#include "parse/arp.hpp"
#include "parse/dhcp.hpp"
#include "parse/dns.hpp"
#include "parse/dot11.hpp"
#include "parse/erspan.hpp"
#include "parse/ethernet.hpp"
#include "parse/gre.hpp"
#include "parse/icmp.hpp"
#include "parse/ipv4.hpp"
#include "parse/ipv6.hpp"
#include "parse/llc.hpp"
#include "parse/loopback.hpp"
#include "parse/nbns.hpp"
#include "parse/nflog.hpp"
#include "parse/ppi.hpp"
#include "parse/ppp.hpp"
#include "parse/prism.hpp"
#include "parse/radiotap.hpp"
#include "parse/radius.hpp"
#include "parse/sll.hpp"
#include "parse/ssdp.hpp"
#include "parse/tcp.hpp"
#include "parse/udp.hpp"
#include "parse/vxlan.hpp"

namespace isoprobe::decode {

namespace {

using parse::ParseError;

void label(Packet& p, Proto proto) {
    p.protos[static_cast<std::size_t>(proto)] = true; // a Proto is in range: no checked set()
}

Anomaly network_anomaly(const ParseError& e) {
    return e == ParseError::truncated ? Anomaly::truncated_network_header : Anomaly::bad_ip_header;
}

Anomaly link_anomaly(const ParseError& e) {
    return e == ParseError::truncated ? Anomaly::truncated_link_header : Anomaly::bad_link_header;
}

void decode_ethernet(Packet& p, Bytes frame);

// ---- Tunnels: a mirror session or bridged tunnel is analysed as the segment it carries ----

// One level only: a tunnel inside a tunnel stays the outer one's payload.
void decapsulate(Packet& p, Encapsulation kind, const Expected<Bytes, ParseError>& inner) {
    if (p.decapsulated != Encapsulation::none) return;
    if (!inner) {
        if (inner.error() != ParseError::unsupported) p.anomaly = link_anomaly(inner.error());
        return;
    }
    Packet q;
    q.frame = p.frame;
    q.decapsulated = kind;
    decode_ethernet(q, *inner);
    p = q;
}

void decode_gre(Packet& p, Bytes packet) {
    const auto gre = parse::parse_gre(packet);
    if (!gre) return; // another GRE version: not a tunnel of Ethernet frames
    if (gre->protocol == parse::k_gre_erspan_ii || gre->protocol == parse::k_gre_erspan_iii)
        decapsulate(p, Encapsulation::erspan,
                    parse::parse_erspan(gre->protocol, gre->has_sequence, gre->payload));
    else if (gre->protocol == parse::k_gre_teb)
        decapsulate(p, Encapsulation::gre_teb, gre->payload);
}

// ---- Applications: labelled by well-known port, with the one field that tells a response ----

enum class AppReader : std::uint8_t { none, dns, dns_tcp, nbns, ssdp, dhcp };

struct PortLabel {
    std::uint16_t port;
    Proto proto;
    AppReader reader;
};

constexpr std::array k_udp_ports{
    PortLabel{53, Proto::dns, AppReader::dns},    // RFC 1035
    PortLabel{67, Proto::dhcp, AppReader::dhcp},  // RFC 2131 4.1: server port
    PortLabel{68, Proto::dhcp, AppReader::dhcp},  // client port
    PortLabel{137, Proto::nbns, AppReader::nbns}, // RFC 1002 name service
    PortLabel{138, Proto::nbns, AppReader::none}, // RFC 1002 datagram service, reported with the name service
    PortLabel{1900, Proto::ssdp, AppReader::ssdp}, // UPnP Device Architecture 1.3
    PortLabel{3702, Proto::wsd, AppReader::none},  // WS-Discovery 1.1 (SOAP over UDP)
    PortLabel{5353, Proto::mdns, AppReader::dns},  // RFC 6762
    PortLabel{5355, Proto::llmnr, AppReader::dns}, // RFC 4795
};
constexpr std::array k_tcp_ports{
    PortLabel{53, Proto::dns, AppReader::dns_tcp},
    PortLabel{139, Proto::netbios_ssn, AppReader::none}, // RFC 1002 session service
    PortLabel{445, Proto::smb, AppReader::none},         // MS-SMB2 2.1: direct TCP transport
    PortLabel{5357, Proto::wsd, AppReader::none},        // WS-Discovery metadata exchange over HTTP
};

// Returns whether the message is a response; DHCP also fills p.dhcp.
bool read_app(Packet& p, AppReader reader, Bytes payload) {
    switch (reader) {
    case AppReader::none:
        return false;
    case AppReader::dns: {
        const auto h = parse::parse_dns_header(payload);
        return h && h->response();
    }
    case AppReader::dns_tcp: {
        const auto h = parse::parse_dns_tcp_header(payload);
        return h && h->response();
    }
    case AppReader::nbns: {
        const auto h = parse::parse_nbns_header(payload);
        return h && h->response();
    }
    case AppReader::ssdp:
        return parse::is_ssdp_response(payload);
    case AppReader::dhcp: {
        const auto m = parse::parse_dhcp(payload);
        if (!m) return false;
        p.dhcp = m->info;
        return m->op == parse::k_bootp_reply;
    }
    }
    return false;
}

template <std::size_t N> void decode_app(Packet& p, const std::array<PortLabel, N>& table, Bytes payload) {
    for (const auto& row : table) {
        // Skipping a label already set reads DHCP once for 67->68 and NBNS once for 137->138.
        if ((p.sport != row.port && p.dport != row.port) || has(p.protos, row.proto)) continue;
        label(p, row.proto);
        if (read_app(p, row.reader, payload)) p.is_response = true;
    }
}

// ---- Transport ----

void decode_tcp(Packet& p, Bytes segment) {
    const auto t = parse::parse_tcp(segment);
    if (!t) {
        p.anomaly = Anomaly::truncated_transport_header;
        return;
    }
    p.sport = t->sport;
    p.dport = t->dport;
    p.tcp_flags = t->flags;
    constexpr std::uint8_t k_syn_ack = parse::k_tcp_syn | parse::k_tcp_ack;
    if ((t->flags & k_syn_ack) == k_syn_ack) p.is_response = true;
    decode_app(p, k_tcp_ports, t->payload);
}

void decode_udp(Packet& p, Bytes datagram) {
    const auto u = parse::parse_udp(datagram);
    if (!u) {
        p.anomaly = Anomaly::truncated_transport_header;
        return;
    }
    p.sport = u->sport;
    p.dport = u->dport;
    if (u->dport == parse::k_udp_port_vxlan)
        return decapsulate(p, Encapsulation::vxlan, parse::parse_vxlan(u->payload));
    decode_app(p, k_udp_ports, u->payload);
    // EAP between a NAS and its server (RFC 3579): the EAP analysis reads it, nothing else here does.
    if (parse::is_radius_port(u->sport) || parse::is_radius_port(u->dport)) p.radius = u->payload;
}

void set_icmp(Packet& p, const parse::IcmpMessage& m) {
    p.icmp_type = m.type;
    p.icmp_code = m.code;
    p.icmp_redirect_gateway = m.gateway;
    p.icmp_inner_src = m.inner_src;
    p.icmp_inner_dst = m.inner_dst;
    p.icmp_inner_proto = m.inner_protocol;
    p.ndp_router_flag = m.router_flag;
}

void decode_icmp(Packet& p, Bytes message) {
    const auto m = parse::parse_icmp(message);
    if (!m) {
        p.anomaly = Anomaly::truncated_transport_header;
        return;
    }
    set_icmp(p, *m);
    if (m->type == parse::k_icmp_echo_reply) p.is_response = true;
}

void decode_icmpv6(Packet& p, Bytes message) {
    const auto m = parse::parse_icmpv6(message);
    if (!m) {
        p.anomaly = Anomaly::truncated_transport_header;
        return;
    }
    set_icmp(p, *m);
    if (m->type >= parse::k_ndp_router_solicitation && m->type <= parse::k_ndp_redirect) label(p, Proto::ndp);
    if (m->type == parse::k_icmpv6_echo_reply || m->type == parse::k_ndp_neighbor_advertisement)
        p.is_response = true;
}

// Labels by protocol number even when no transport header follows (a later fragment, a truncated one), then
// decodes it when `has_header`.
void decode_transport(Packet& p, std::uint8_t family, bool has_header, Bytes payload) {
    switch (p.ip_proto) {
    case parse::k_ipproto_tcp:
        label(p, Proto::tcp);
        if (has_header) decode_tcp(p, payload);
        break;
    case parse::k_ipproto_udp:
        label(p, Proto::udp);
        if (has_header) decode_udp(p, payload);
        break;
    case parse::k_ipproto_icmp:
        if (family != 4) break;
        label(p, Proto::icmp);
        if (has_header) decode_icmp(p, payload);
        break;
    case parse::k_ipproto_icmpv6:
        if (family != 6) break;
        label(p, Proto::icmpv6);
        if (has_header) decode_icmpv6(p, payload);
        break;
    case parse::k_ipproto_gre:
        if (has_header) decode_gre(p, payload);
        break;
    default:
        break;
    }
}

// ---- Network: by EtherType ----

void decode_ipv4(Packet& p, Bytes packet) {
    const auto h = parse::parse_ipv4(packet);
    if (!h) {
        p.anomaly = network_anomaly(h.error());
        return;
    }
    label(p, Proto::ip);
    p.ip_src = h->src;
    p.ip_dst = h->dst;
    p.ip_proto = h->protocol;
    p.ip_ttl = h->ttl;
    decode_transport(p, 4, h->first_fragment(), h->payload);
}

void decode_ipv6(Packet& p, Bytes packet) {
    const auto h = parse::parse_ipv6(packet);
    if (!h) {
        p.anomaly = network_anomaly(h.error());
        return;
    }
    label(p, Proto::ip);
    p.ip_src = h->src;
    p.ip_dst = h->dst;
    p.ip_proto = h->next_header;
    p.ip_ttl = h->hop_limit;
    const auto upper = parse::skip_ipv6_extensions(h->next_header, h->payload);
    if (!upper) {
        p.anomaly = network_anomaly(upper.error());
        return;
    }
    p.ip_proto = upper->protocol;
    decode_transport(p, 6, upper->first_fragment, upper->payload);
}

void decode_arp(Packet& p, Bytes packet) {
    label(p, Proto::arp);
    const auto a = parse::parse_arp(packet);
    if (!a) {
        if (a.error() == ParseError::truncated) p.anomaly = Anomaly::truncated_network_header;
        return;
    }
    p.arp = *a;
    if (a->op == parse::k_arp_reply) p.is_response = true;
}

void decode_eapol(Packet& p, Bytes pdu) {
    label(p, Proto::eapol);
    // The PDU runs from the version byte to the end of the frame, less any padding past its own length
    // (802.1X 11.3).
    ByteReader r(pdu);
    r.skip(2); // protocol version, packet type
    const std::size_t body_length = r.u16be();
    p.eapol = r.ok() && 4 + body_length <= pdu.size() ? pdu.first(4 + body_length) : pdu;
}

void decode_lldp(Packet& p, Bytes) {
    label(p, Proto::lldp);
}

// RFC 2516 5: version/type, then the code that tells who speaks (the access concentrator offers and
// confirms).
void decode_pppoe_discovery(Packet& p, Bytes pdu) {
    if (pdu.size() >= 2) p.pppoe_code = pdu[1];
}

struct EthertypeDecoder {
    std::uint16_t ethertype;
    void (*decode)(Packet&, Bytes);
};
constexpr std::array k_ethertypes{
    EthertypeDecoder{parse::k_ethertype_ipv4, decode_ipv4},
    EthertypeDecoder{parse::k_ethertype_ipv6, decode_ipv6},
    EthertypeDecoder{parse::k_ethertype_arp, decode_arp},
    EthertypeDecoder{parse::k_ethertype_eapol, decode_eapol},
    EthertypeDecoder{parse::k_ethertype_lldp, decode_lldp},
    EthertypeDecoder{parse::k_ethertype_pppoe_discovery, decode_pppoe_discovery},
};

void decode_ethertype(Packet& p, std::uint16_t ethertype, Bytes payload) {
    p.ethertype = ethertype;
    for (const auto& row : k_ethertypes)
        if (row.ethertype == ethertype) return row.decode(p, payload);
}

// ---- LLC: switch protocols without an EtherType, or SNAP carrying one ----

struct LlcLabel {
    bool snap;
    std::uint32_t oui;        // SNAP only
    std::uint16_t sap_or_pid; // DSAP for plain LLC, protocol id for SNAP
    Proto proto;
};
constexpr std::array k_llc_labels{
    LlcLabel{false, 0, parse::k_llc_sap_stp, Proto::stp}, // IEEE 802.1Q 13/14 BPDUs (STP, RSTP, MSTP)
    LlcLabel{true, parse::k_oui_cisco, 0x2000, Proto::cdp},
    LlcLabel{true, parse::k_oui_cisco, 0x010b, Proto::stp}, // Cisco PVST+ BPDUs
};

void decode_llc(Packet& p, Bytes pdu) {
    const auto llc = parse::parse_llc(pdu);
    if (!llc) {
        p.anomaly = Anomaly::truncated_link_header;
        return;
    }
    if (llc->carries_ethertype()) return decode_ethertype(p, llc->pid, llc->payload);
    for (const auto& row : k_llc_labels) {
        const bool match = row.snap ? llc->snap && llc->oui == row.oui && llc->pid == row.sap_or_pid
                                    : !llc->snap && llc->dsap == row.sap_or_pid;
        if (match) return label(p, row.proto);
    }
}

// After the MAC addresses of Ethernet (or an SLL protocol that is an EtherType): VLAN tags, then EtherType or
// LLC.
void decode_ether_payload(Packet& p, std::uint16_t type_or_length, Bytes payload) {
    const auto inner = parse::unwrap_ether_payload(type_or_length, payload);
    if (!inner) {
        p.anomaly = Anomaly::truncated_link_header;
        return;
    }
    if (inner->ethertype == 0) return decode_llc(p, inner->payload);
    decode_ethertype(p, inner->ethertype, inner->payload);
}

// ---- Link types ----

void decode_ethernet(Packet& p, Bytes frame) {
    const auto eth = parse::parse_ethernet(frame);
    if (!eth) {
        p.anomaly = Anomaly::truncated_link_header;
        return;
    }
    p.has_l2 = true;
    p.src = eth->src;
    p.dst = eth->dst;
    decode_ether_payload(p, eth->type_or_length, eth->payload);
}

// The group address an IP multicast packet went to on Ethernet (RFC 1112 6.4, RFC 2464 7).
std::optional<MacAddr> ip_multicast_mac(const IpAddr& ip) {
    if (!ip.is_multicast()) return std::nullopt;
    if (ip.family == 4)
        return MacAddr{{0x01, 0x00, 0x5e, static_cast<std::uint8_t>(ip.b[1] & 0x7f), ip.b[2], ip.b[3]}};
    return MacAddr{{0x33, 0x33, ip.b[12], ip.b[13], ip.b[14], ip.b[15]}};
}

// A cooked capture records the sender and the direction, never the destination (linux/if_packet.h): a
// broadcast destination is known by definition, an IP multicast one from its IP address; any other stays
// unknown (zero).
void decode_cooked(Packet& p, const Expected<parse::SllHeader, ParseError>& h) {
    if (!h) {
        p.anomaly = Anomaly::truncated_link_header;
        return;
    }
    p.sll_packet_type = static_cast<std::int16_t>(h->packet_type);
    // Loopback frames carry an all-zero address of the right length: no station sent them.
    if (h->address.size() == 6 && h->hatype != parse::k_arphrd_loopback) {
        p.has_l2 = true;
        p.src = MacAddr::from(h->address);
    }
    if (h->packet_type == parse::k_sll_broadcast) p.dst = MacAddr{{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}};
    if (h->protocol == parse::k_sll_proto_llc) return decode_llc(p, h->payload);
    if (h->protocol >= parse::k_ethertype_min) decode_ether_payload(p, h->protocol, h->payload);
    if (h->packet_type == parse::k_sll_multicast && p.decapsulated == Encapsulation::none)
        if (const auto group = ip_multicast_mac(p.ip_dst)) p.dst = *group;
}

void decode_dot11_frame(Packet& p, Bytes frame, bool header_padded) {
    const auto f = parse::parse_dot11(frame, header_padded);
    if (!f) {
        // Protocol version 1 (802.11ah) and extension frames are a link format we do not decode.
        p.anomaly = f.error() == ParseError::unsupported ? Anomaly::unknown_link_type
                                                         : Anomaly::truncated_link_header;
        return;
    }
    p.dot11 = f->info;
    p.dst = f->da;
    if (f->has_source) {
        p.has_l2 = true;
        p.src = f->sa;
    }
    if (f->info.type != parse::k_dot11_data || f->no_data) return;
    if (f->info.protected_frame) {
        p.encrypted = true;
        return;
    }
    Bytes msdu = f->body;
    if (f->amsdu) {
        const auto sub = parse::parse_amsdu_subframe(f->body);
        if (!sub) {
            p.anomaly = Anomaly::truncated_link_header;
            return;
        }
        p.src = sub->sa;
        p.dst = sub->da;
        msdu = sub->msdu;
    }
    decode_llc(p, msdu);
}

void decode_radiotap(Packet& p, Bytes bytes, std::size_t wire_length) {
    const auto rt = parse::parse_radiotap(bytes, wire_length);
    if (!rt) {
        p.anomaly =
            rt.error() == ParseError::truncated ? Anomaly::truncated_link_header : Anomaly::bad_radiotap;
        return;
    }
    p.bad_fcs = (rt->flags & parse::k_radiotap_flag_bad_fcs) != 0;
    decode_dot11_frame(p, rt->frame, (rt->flags & parse::k_radiotap_flag_datapad) != 0);
}

// Prism and AVS do not say whether an FCS ends the frame; as for bare 802.11, the IP and EAPOL lengths keep
// it out of payloads.
void decode_dot11_after(Packet& p, const Expected<Bytes, ParseError>& frame) {
    if (!frame) {
        p.anomaly = link_anomaly(frame.error());
        return;
    }
    decode_dot11_frame(p, *frame, false);
}

// Link types without MAC addresses: IP is all there is.
void decode_network(Packet& p, const Expected<parse::EtherPayload, ParseError>& packet) {
    if (!packet) {
        if (packet.error() != ParseError::unsupported) p.anomaly = link_anomaly(packet.error());
        return;
    }
    decode_ethertype(p, packet->ethertype, packet->payload);
}

Expected<parse::EtherPayload, ParseError> ip_by_version(Bytes packet) {
    if (packet.empty()) return unexpected(ParseError::truncated);
    const int version = packet[0] >> 4;
    if (version == 4) return parse::EtherPayload{parse::k_ethertype_ipv4, packet};
    if (version == 6) return parse::EtherPayload{parse::k_ethertype_ipv6, packet};
    return unexpected(ParseError::unsupported);
}

void decode_link(Packet& p, capture::Framing framing, Bytes bytes, std::size_t wire_length);

void decode_ppi(Packet& p, Bytes bytes, std::size_t wire_length) {
    const auto ppi = parse::parse_ppi(bytes, wire_length);
    if (!ppi) {
        p.anomaly = link_anomaly(ppi.error());
        return;
    }
    const auto inner = capture::link_type_info(ppi->link_type).framing;
    if (inner == capture::Framing::ppi) {
        p.anomaly = Anomaly::bad_link_header;
        return;
    }
    p.bad_fcs = ppi->bad_fcs;
    const std::size_t header = bytes.size() - ppi->frame.size();
    decode_link(p, inner, ppi->frame, wire_length > header ? wire_length - header : 0);
}

// `wire_length`: the frame's length on the wire, for the capture headers that say an FCS ends it.
void decode_link(Packet& p, capture::Framing framing, Bytes bytes, std::size_t wire_length) {
    using enum capture::Framing;
    switch (framing) {
    case unread:
        p.anomaly = Anomaly::unknown_link_type;
        return;
    case ethernet:
        return decode_ethernet(p, bytes);
    // Without a capture header nothing says whether an FCS ends the frame; the IP and EAPOL lengths keep it
    // out.
    case dot11:
        return decode_dot11_frame(p, bytes, false);
    case dot11_prism:
        return decode_dot11_after(p, parse::parse_prism(bytes));
    case dot11_avs:
        return decode_dot11_after(p, parse::parse_avs(bytes));
    case dot11_radiotap:
        return decode_radiotap(p, bytes, wire_length);
    case ppi:
        return decode_ppi(p, bytes, wire_length);
    case linux_sll:
        return decode_cooked(p, parse::parse_sll(bytes));
    case linux_sll2:
        return decode_cooked(p, parse::parse_sll2(bytes));
    case raw_ip:
        return decode_network(p, ip_by_version(bytes));
    case null_host:
        return decode_network(p, parse::parse_loopback(bytes, false));
    case null_network:
        return decode_network(p, parse::parse_loopback(bytes, true));
    case ppp:
        return decode_network(p, parse::parse_ppp(bytes));
    case nflog:
        return decode_network(p, parse::parse_nflog(bytes));
    }
}

} // namespace

Packet classify(const capture::Frame& frame) {
    Packet p;
    p.frame = &frame;
    decode_link(p, capture::link_type_info(frame.link_type).framing, frame.bytes, frame.orig_len);
    if (p.has_l2) label(p, Proto::l2);
    return p;
}

} // namespace isoprobe::decode
