// Station evidence and roles: which MACs are infrastructure (gateway, DHCP/DNS server, AP, authenticator,
// switch) and which are terminals, each with the evidence that decided it.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyze/full_tables.hpp"
#include "analyze/infra_signs.hpp"
#include "decode/packet.hpp"
#include "model/report.hpp"

namespace isoprobe::analyze {

struct RoleHints {
    std::optional<MacAddr> self; // --self, or the live probe's own interface
    std::string self_how = "given with --self";
    std::vector<MacAddr> infra;                   // --infra
    std::vector<MacAddr> gateways;                // --gateway, or the routing table and ARP (live runs)
    std::optional<IpAddr> gateway_ip;             // the default route's next hop (live runs)
    std::optional<std::pair<IpAddr, int>> subnet; // --subnet, or the probe's own segment
};

// Evidence gathered per MAC while frames stream in. Sets are capped: past the cap we only need to know
// "many".
struct StationEvidence {
    std::uint64_t sent = 0, sent_unicast = 0, received_unicast = 0;
    std::vector<IpAddr> arp_ips; // ARP sender addresses: certainly its own (capped)
    std::vector<IpAddr>
        v4_behind; // distinct unicast IPv4 addresses sourced from or sent to this MAC (capped)
    std::vector<IpAddr> v6_sourced; // IPv6 sources (capped)
    bool dhcp_server = false, dhcp_addressed = false, dns_server = false, router_advertiser = false,
         eap_authenticator = false;
    bool switch_protocol = false, bssid = false, beacon = false;
    std::optional<InfraSign> sign; // the first protocol sign of infrastructure it sent or answered
    std::uint64_t sign_frame = 0;
    std::uint64_t routed_frame = 0; // first packet it put on the link with a routed TTL (0: none)
    std::uint8_t routed_ttl = 0;
    IpAddr routed_src;                              // that packet's source address
    std::uint64_t router_icmp_frame = 0;            // first ICMP redirect or time-exceeded it sent
    std::uint64_t na_router_frame = 0;              // first neighbour advertisement with the router flag
    std::array<std::uint64_t, 3> received_frames{}; // the first unicast frames it received, as evidence
    bool over_the_air = false; // transmitted or received on 802.11 itself (not just behind the AP)
    std::uint64_t first_frame = 0;
};

class StationTable {
  public:
    StationTable() = default;
    // m_recent points into m_stations: a copy would point into the original.
    StationTable(const StationTable&) = delete;
    StationTable& operator=(const StationTable&) = delete;

    static constexpr std::size_t k_max_stations = 16384;
    static constexpr std::size_t k_max_ips_per_station = 8;

    void feed(const decode::Packet& p);

    struct Resolved {
        std::vector<model::Station> stations; // sorted by MAC
        model::SelfInfo self;
        std::optional<std::pair<IpAddr, int>> subnet; // IPv4 subnet, when known
        std::string subnet_how;                       // --subnet, the DHCP lease, or inferred from ARP
        std::optional<IpAddr> gateway_ip;             // the default route's next hop (live runs)
    };
    Resolved resolve(const RoleHints& hints) const;

    const std::unordered_map<MacAddr, StationEvidence>& evidence() const { return m_stations; }
    std::uint64_t dropped() const { return m_dropped.count(); } // stations beyond k_max_stations
    std::optional<model::FullTable> full_table() const {
        return m_dropped.full_table("stations", k_max_stations);
    }
    bool saw_dot11() const { return m_dot11_frames > 0; }
    // Unicast frames the capturing host `self` received, with those a cooked capture marks "to us".
    std::uint64_t received_unicast(const MacAddr& self) const;
    // The first few of those frames' numbers, as evidence.
    std::vector<std::uint64_t> first_received(const MacAddr& self) const;
    const std::vector<IpAddr>& dhcp_routers() const {
        return m_dhcp_routers;
    } // router options of DHCP answers

  private:
    StationEvidence* station(const MacAddr& mac, std::uint64_t frame);

    std::unordered_map<MacAddr, StationEvidence> m_stations;
    // A direct-mapped cache in front of m_stations, by MAC (as MacAddr::word, 0 = empty: a zero MAC is no
    // station): each frame looks up two stations, mostly the same few, and a hash-map lookup cost more than
    // the rest of feed(). Entries never go stale: stations are never removed and map nodes never move.
    static constexpr int k_recent_bits = 8;
    std::array<std::pair<std::uint64_t, StationEvidence*>, std::size_t{1} << k_recent_bits> m_recent{};
    std::vector<IpAddr> m_dhcp_routers;
    // The source addresses of first-hop redundancy advertisements sent from a virtual MAC, with who sent them
    // and where first. VRRP and CARP advertise from a virtual MAC but from the router's own IP address: the
    // MAC that uses that address is the router itself.
    struct RouterSource {
        IpAddr ip;
        MacAddr speaker;
        std::uint64_t frame = 0;
        std::string_view why;
    };
    static constexpr std::size_t k_max_router_sources = 16;
    std::vector<RouterSource> m_router_sources;
    // The advertisement whose source address `ev` (of station `mac`) uses too, if any.
    const RouterSource* shares_router_source(const MacAddr& mac, const StationEvidence& ev) const;
    std::optional<std::pair<IpAddr, int>> m_dhcp_subnet;
    IpAddr m_arp_low, m_arp_high; // the lowest and highest IPv4 address stations claimed in ARP
    std::uint64_t m_unicast_frames = 0;
    std::uint64_t m_dot11_frames = 0;
    std::unordered_map<MacAddr, std::uint64_t>
        m_sll_outgoing;                  // Linux cooked "outgoing" frames name the capturer
    std::uint64_t m_sll_to_capturer = 0; // Linux cooked frames "to us" (PACKET_HOST)
    std::array<std::uint64_t, 3> m_sll_to_capturer_frames{};
    std::uint64_t m_cooked_frames = 0;
    DroppedKeys m_dropped;
};

// True when `ip` is inside `subnet` (IPv4 only).
bool in_subnet(const IpAddr& ip, const std::pair<IpAddr, int>& subnet);

} // namespace isoprobe::analyze
