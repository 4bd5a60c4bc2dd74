// The decoded summary of one frame: what every analyser reads. Filled by decode::classify from raw bytes,
// peeking at headers only as deep as the analysis needs (this is the hot path of inspect).
#pragma once
#include <bitset>
#include <cstdint>
#include <optional>
#include <string_view>

#include "capture/frame.hpp"
#include "model/protocols.hpp"
#include "parse/arp.hpp"
#include "parse/dhcp.hpp"
#include "parse/dot11.hpp"
#include "util/addr.hpp"
#include "util/bytes.hpp"

namespace isoprobe::decode {

using model::has;
using model::Proto;
using model::ProtoSet;

// The report's names for one frame: its most specific labels only (mdns rather than udp+ip+l2), mapped onto
// the report's vocabulary (dhcp and dns count as udp/tcp, eapol/stp/lldp/cdp as l2).
ProtoSet most_specific(const ProtoSet& frame_protos);

// Why a frame could not be decoded, as a named counter (Zeek's weirds), never an exception.
enum class Anomaly : std::uint8_t {
    none,
    unknown_link_type,
    truncated_link_header, // Ethernet/SLL/radiotap/802.11 header shorter than it says
    truncated_network_header,
    truncated_transport_header,
    bad_ip_header, // version or header length out of range
    bad_radiotap,
    bad_link_header, // PPI, Prism, AVS, NFLOG, ERSPAN or VXLAN header contradicting itself
    count_
};
std::string_view anomaly_name(Anomaly a);

// The tunnel a frame was taken out of: the analysis sees the inner Ethernet frame, as on the mirrored
// segment.
enum class Encapsulation : std::uint8_t { none, erspan, gre_teb, vxlan, count_ };
std::string_view encapsulation_name(Encapsulation e);

struct Packet {
    const capture::Frame* frame = nullptr;
    Anomaly anomaly = Anomaly::none;
    bool decoded() const { return anomaly == Anomaly::none; }

    Encapsulation decapsulated = Encapsulation::none;

    // Layer 2: for 802.11 data frames these are the SA/DA after ToDS/FromDS resolution. An all-zero dst was
    // not recorded (Linux cooked captures): sll_packet_type says what is known of it.
    bool has_l2 = false;
    MacAddr src, dst;
    std::uint16_t ethertype = 0; // after LLC/SNAP and 802.1Q unwrapping; 0 when none
    std::optional<parse::Dot11Info> dot11;
    bool encrypted = false; // 802.11 protected data: addresses known, payload not
    bool bad_fcs = false;   // radiotap flags say the frame failed its FCS check: its addresses may be corrupt
    // Linux cooked captures (SLL/SLL2) carry only the source address and this direction (parse::k_sll_*):
    // 0 to the capturing host, 1 broadcast, 2 multicast, 3 to another host, 4 sent by the capturing host;
    // -1 for other link types.
    std::int16_t sll_packet_type = -1;

    // Layer 3/4
    IpAddr ip_src, ip_dst;
    std::uint8_t ip_proto = 0; // IPv4 protocol / IPv6 final next header
    std::uint8_t ip_ttl = 0;   // IPv4 TTL / IPv6 hop limit, as received
    std::uint16_t sport = 0, dport = 0;
    std::uint8_t tcp_flags = 0;
    std::uint8_t icmp_type = 0, icmp_code = 0; // ICMPv4 or ICMPv6
    IpAddr icmp_redirect_gateway;              // ICMPv4 type 5: the better gateway
    IpAddr icmp_inner_src, icmp_inner_dst;     // header quoted by ICMP errors and redirects
    std::uint8_t icmp_inner_proto = 0;
    bool ndp_router_flag = false; // a neighbour advertisement from a router
    std::uint8_t pppoe_code =
        0; // PPPoE discovery (EtherType 0x8863): PADI 0x09, PADO 0x07, PADR 0x19, PADS 0x65, PADT 0xa7

    ProtoSet protos; // every label that applies (e.g. udp + mdns)
    bool is_response =
        false; // ARP reply, echo reply, DNS/mDNS/NBNS/LLMNR response, SSDP response, SYN-ACK, ...

    std::optional<parse::ArpInfo> arp;
    std::optional<parse::DhcpInfo> dhcp;
    Bytes eapol;  // the whole EAPOL PDU (version, type, length, body) when ethertype is 0x888E
    Bytes radius; // the UDP payload to or from a RADIUS authentication port (parse/radius.hpp)
};

// Decodes one frame. Pure: no I/O, no allocation beyond the Packet itself, never throws.
Packet classify(const capture::Frame& frame);

} // namespace isoprobe::decode
