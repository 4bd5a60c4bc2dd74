// Role inference from what stations did on the capture: DHCP (RFC 2131), router advertisements (RFC 4861),
// routing (many IPs behind one MAC), STP/LLDP/CDP, 802.11 BSSIDs and beacons, EAP requests (IEEE 802.1X).
#include "analyze/stations.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "parse/eap.hpp"
#include "parse/ipv4.hpp"
#include "parse/sll.hpp"

namespace isoprobe::analyze {

namespace {

using model::arg;
using model::say;

constexpr std::size_t k_off_link_threshold =
    3;                               // distinct IPv4 addresses behind one MAC when the subnet is unknown
constexpr double k_self_share = 0.9; // share of unicast frames a capturing host is an endpoint of

void add_capped(std::vector<IpAddr>& v, const IpAddr& ip, std::size_t cap) {
    if (v.size() >= cap) return; // a gateway's list fills at once, and then every frame stops here
    if (ip.empty() || ip.is_unspecified() || ip.is_multicast() || ip.is_broadcast_v4()) return;
    if (std::find(v.begin(), v.end(), ip) != v.end()) return;
    v.push_back(ip);
}

bool contains(const std::vector<IpAddr>& v, const IpAddr& ip) {
    return std::find(v.begin(), v.end(), ip) != v.end();
}

int mask_bits(const IpAddr& mask) {
    std::uint32_t m = mask.v4_host_order();
    int bits = 0;
    while (bits < 32 && (m & (0x80000000u >> bits)))
        ++bits;
    return bits;
}

// Keeps the range of addresses stations claimed for themselves in ARP: ARP only ever resolves on-link
// addresses.
void widen(IpAddr& low, IpAddr& high, const IpAddr& ip) {
    if (ip.family != 4 || ip.is_unspecified() || ip.is_broadcast_v4() || (ip.v4_host_order() >> 16) == 0xa9fe)
        return;
    if (low.empty() || ip < low) low = ip;
    if (high.empty() || high < ip) high = ip;
}

// The narrowest prefix holding both ends of the range, never narrower than a /24: the subnet ARP shows at
// least.
std::pair<IpAddr, int> covering_prefix(const IpAddr& low, const IpAddr& high) {
    const std::uint32_t a = low.v4_host_order(), b = high.v4_host_order();
    int bits = 0;
    while (bits < 24 && ((a ^ b) & (0x80000000u >> bits)) == 0)
        ++bits;
    const std::uint32_t mask = bits == 0 ? 0 : ~(0xffffffffu >> bits);
    return {IpAddr::v4(a & mask), bits};
}

} // namespace

bool in_subnet(const IpAddr& ip, const std::pair<IpAddr, int>& subnet) {
    if (ip.family != 4 || subnet.first.family != 4) return false;
    if (subnet.second <= 0) return true;
    std::uint32_t mask = subnet.second >= 32 ? 0xffffffffu : ~(0xffffffffu >> subnet.second);
    return (ip.v4_host_order() & mask) == (subnet.first.v4_host_order() & mask);
}

StationEvidence* StationTable::station(const MacAddr& mac, std::uint64_t frame) {
    if (mac.is_group() || mac.is_zero()) return nullptr;
    const std::uint64_t word = mac.word();
    auto& recent = m_recent[(word * 0x9e3779b97f4a7c15ULL) >> (64 - k_recent_bits)];
    if (recent.first == word) return recent.second;
    auto it = m_stations.find(mac);
    if (it == m_stations.end()) {
        if (m_stations.size() >= k_max_stations) {
            m_dropped.add(std::hash<MacAddr>{}(mac));
            return nullptr;
        }
        it = m_stations.emplace(mac, StationEvidence{}).first;
        it->second.first_frame = frame;
    }
    recent = {word, &it->second};
    return &it->second;
}

void StationTable::feed(const decode::Packet& p) {
    if (!p.has_l2) return;
    const std::uint64_t n = p.frame->number;
    using model::Proto;

    if (p.dot11) {
        ++m_dot11_frames;
        const auto& d = *p.dot11;
        if (d.has_bssid)
            if (auto* b = station(d.bssid, n)) b->bssid = true;
        if (d.type == 0 && (d.subtype == 8 || d.subtype == 5))
            if (auto* t = station(d.transmitter, n)) t->beacon = true;
        if (!(d.has_bssid && d.transmitter == d.bssid))
            if (auto* t = station(d.transmitter, n)) t->over_the_air = true;
        if (!(d.has_bssid && d.receiver == d.bssid))
            if (auto* r = station(d.receiver, n)) r->over_the_air = true;
    }
    if (p.sll_packet_type >= 0) ++m_cooked_frames;
    if (p.sll_packet_type == parse::k_sll_outgoing) ++m_sll_outgoing[p.src];
    if (p.sll_packet_type == parse::k_sll_host) {
        if (m_sll_to_capturer < m_sll_to_capturer_frames.size())
            m_sll_to_capturer_frames[m_sll_to_capturer] = n;
        ++m_sll_to_capturer;
    }

    StationEvidence* src = station(p.src, n);
    StationEvidence* dst = p.dst.is_group() ? nullptr : station(p.dst, n);
    if (!p.dst.is_group() && !p.dst.is_zero()) ++m_unicast_frames;
    if (src) {
        ++src->sent;
        if (dst) ++src->sent_unicast;
    }
    if (dst) {
        if (dst->received_unicast < dst->received_frames.size())
            dst->received_frames[dst->received_unicast] = n;
        ++dst->received_unicast;
    }

    if (p.arp && src && p.arp->sender_mac == p.src) {
        add_capped(src->arp_ips, p.arp->sender_ip, k_max_ips_per_station);
        widen(m_arp_low, m_arp_high, p.arp->sender_ip);
    }
    if (p.ip_src.family == 4) {
        if (src) add_capped(src->v4_behind, p.ip_src, k_max_ips_per_station);
        if (dst) add_capped(dst->v4_behind, p.ip_dst, k_max_ips_per_station);
    } else if (p.ip_src.family == 6 && src) {
        add_capped(src->v6_sourced, p.ip_src, k_max_ips_per_station);
    }
    if (!src) return;

    if (p.dhcp && p.sport == 67 && (p.dhcp->message_type == 2 || p.dhcp->message_type == 5)) {
        src->dhcp_server = true;
        if (!p.dhcp->router.empty() && !contains(m_dhcp_routers, p.dhcp->router) && m_dhcp_routers.size() < 8)
            m_dhcp_routers.push_back(p.dhcp->router);
        // The ACK to a DHCPINFORM leases nothing: its yiaddr is 0.0.0.0 (RFC 2131 4.3.5).
        if (!p.dhcp->subnet_mask.empty() && !p.dhcp->your_ip.empty() && !p.dhcp->your_ip.is_unspecified())
            m_dhcp_subnet = std::make_pair(p.dhcp->your_ip, mask_bits(p.dhcp->subnet_mask));
    }
    // Clients send a DHCP server their requests, releases and informs unicast once they know it (RFC
    // 2131 4.4.4).
    if (p.dhcp && p.dport == 67 && dst) dst->dhcp_addressed = true;
    if (auto sign = infra_sign(p)) {
        auto mark = [&](StationEvidence* s) {
            if (s && !s->sign) {
                s->sign = sign;
                s->sign_frame = n;
            }
        };
        mark(src);
        if (sign->speaker == SignSpeaker::both_ends) mark(dst);
        // VRRP and CARP (IP protocol 112) advertise from a virtual MAC, as do other protocols' virtual
        // routers.
        if (sign->role == model::Role::gateway && p.ip_src.family == 4 &&
            (p.ip_proto == parse::k_ipproto_vrrp || virtual_router_mac(p.src)) &&
            m_router_sources.size() < k_max_router_sources &&
            std::none_of(m_router_sources.begin(), m_router_sources.end(),
                         [&](const RouterSource& r) { return r.ip == p.ip_src; }))
            m_router_sources.push_back({p.ip_src, p.src, n, sign->why});
    }
    if (!src->routed_frame && routed_ttl(p)) {
        src->routed_frame = n;
        src->routed_ttl = p.ip_ttl;
        src->routed_src = p.ip_src;
    }
    if (!src->router_icmp_frame && router_icmp(p)) src->router_icmp_frame = n;
    if (!src->na_router_frame && p.ndp_router_flag) src->na_router_frame = n;
    if (model::has(p.protos, Proto::dns) && p.is_response && p.sport == 53) src->dns_server = true;
    if (model::has(p.protos, Proto::ndp) && p.icmp_type == 134) src->router_advertiser = true;
    if (model::has(p.protos, Proto::stp) || model::has(p.protos, Proto::lldp) ||
        model::has(p.protos, Proto::cdp))
        src->switch_protocol = true;
    // EAPOL header is 4 bytes; EAP code 1 (Request) comes only from the authenticator (RFC 3748 4.1), except
    // in Cisco LEAP, whose client challenges the access point with a Request of its own.
    if (p.eapol.size() > 8 && p.eapol[1] == 0 && p.eapol[4] == parse::k_eap_request &&
        p.eapol[8] != parse::k_eap_leap)
        src->eap_authenticator = true;
}

std::uint64_t StationTable::received_unicast(const MacAddr& self) const {
    const auto it = m_stations.find(self);
    return (it == m_stations.end() ? 0 : it->second.received_unicast) + m_sll_to_capturer;
}

std::vector<std::uint64_t> StationTable::first_received(const MacAddr& self) const {
    std::vector<std::uint64_t> out;
    for (auto f : m_sll_to_capturer_frames)
        if (f) out.push_back(f);
    if (const auto it = m_stations.find(self); it != m_stations.end())
        for (auto f : it->second.received_frames)
            if (f) out.push_back(f);
    std::sort(out.begin(), out.end());
    if (out.size() > 3) out.resize(3);
    return out;
}

const StationTable::RouterSource* StationTable::shares_router_source(const MacAddr& mac,
                                                                     const StationEvidence& ev) const {
    for (const auto& r : m_router_sources)
        if (r.speaker != mac && (contains(ev.arp_ips, r.ip) || contains(ev.v4_behind, r.ip))) return &r;
    return nullptr;
}

StationTable::Resolved StationTable::resolve(const RoleHints& hints) const {
    Resolved out;
    if (hints.subnet) {
        out.subnet = hints.subnet;
        out.subnet_how = "given";
    } else if (m_dhcp_subnet) {
        out.subnet = m_dhcp_subnet;
        out.subnet_how = "the DHCP lease";
    } else if (!m_arp_low.empty()) {
        out.subnet = covering_prefix(m_arp_low, m_arp_high);
        out.subnet_how = "inferred from the addresses stations claimed in ARP";
    }
    out.gateway_ip = hints.gateway_ip;

    // Who captured: named by the user, marked outgoing by a cooked capture, or the one endpoint of nearly
    // every unicast frame (a terminal's own capture sees only its unicast traffic; a monitor or span capture
    // does not).
    if (hints.self) {
        out.self = {hints.self, hints.self_how};
    } else if (m_sll_outgoing.size() == 1) {
        out.self = {m_sll_outgoing.begin()->first,
                    "inferred: the only source of frames the Linux cooked capture marks as outgoing"};
    } else if (m_dot11_frames > 0) {
        out.self = {
            std::nullopt,
            "none: an 802.11 capture is taken in monitor mode, not by one terminal; use --self to name one"};
    } else if (m_cooked_frames > 0) {
        // Its destinations not recorded, a cooked capture cannot show who is the endpoint of most unicast
        // frames.
        out.self = {
            std::nullopt,
            m_sll_outgoing.empty()
                ? "none: the Linux cooked capture marks no frame as sent by the capturing host; use --self"
                : "none: the Linux cooked capture marks frames of several senders as outgoing; use --self"};
    } else if (m_unicast_frames == 0) {
        out.self = {std::nullopt, "none: no unicast frames to tell the capturing host by; use --self"};
    } else {
        std::vector<MacAddr> candidates;
        for (const auto& [mac, ev] : m_stations) {
            double share = static_cast<double>(ev.sent_unicast + ev.received_unicast) /
                           static_cast<double>(m_unicast_frames);
            // A virtual router MAC is a gateway even where it is an endpoint of every unicast frame (a mirror
            // of a segment whose terminals only talk to it).
            bool infra = ev.dhcp_server || ev.dhcp_addressed || ev.router_advertiser || ev.switch_protocol ||
                         ev.eap_authenticator || ev.sign || ev.routed_frame || ev.router_icmp_frame ||
                         ev.na_router_frame || ev.v4_behind.size() >= k_off_link_threshold ||
                         virtual_router_mac(mac) || shares_router_source(mac, ev);
            if (share >= k_self_share && !infra &&
                std::find(hints.infra.begin(), hints.infra.end(), mac) == hints.infra.end())
                candidates.push_back(mac);
        }
        if (candidates.size() == 1) {
            const auto& ev = m_stations.at(candidates[0]);
            char buf[160];
            std::snprintf(buf, sizeof buf, "inferred: endpoint of %.0f%% of the %llu unicast frames",
                          100.0 * static_cast<double>(ev.sent_unicast + ev.received_unicast) /
                              static_cast<double>(m_unicast_frames),
                          static_cast<unsigned long long>(m_unicast_frames));
            out.self = {candidates[0], buf};
        } else {
            out.self = {std::nullopt,
                        candidates.empty()
                            ? "none: no single host is an endpoint of most unicast frames (a span or monitor "
                              "capture?); use --self"
                            : "none: several hosts are endpoints of most unicast frames; use --self"};
        }
    }

    for (const auto& [mac, ev] : m_stations) {
        model::Station st;
        st.mac = mac;
        std::vector<model::Sentence> why;
        std::vector<model::Role> roles;

        if (out.self.mac && *out.self.mac == mac) {
            roles.push_back(model::Role::self);
            why.push_back(say("st.self", {arg("how", out.self.how)}));
        }
        bool gateway = false;
        if (std::find(hints.gateways.begin(), hints.gateways.end(), mac) != hints.gateways.end() ||
            (hints.gateway_ip && contains(ev.arp_ips, *hints.gateway_ip))) {
            gateway = true;
            why.push_back(say(hints.gateway_ip ? "st.default-gateway" : "st.declared-gateway"));
        }
        if (auto fhrp = virtual_router_mac(mac)) {
            gateway = true;
            why.push_back(say("st.virtual-router", {arg("protocol", *fhrp)}));
        }
        const StationEvidence& evidence = ev; // clang 14 cannot capture a structured binding in a lambda
        const auto sign = [&] {
            return say("st.sign", {arg("sign", say(std::string(evidence.sign->why))),
                                   arg("frame", evidence.sign_frame)});
        };
        if (ev.sign && ev.sign->role == model::Role::gateway) {
            gateway = true;
            why.push_back(sign());
        }
        // Only where nothing else showed it: a router already named by its own signs needs no second hand.
        if (const auto* shared = gateway ? nullptr : shares_router_source(mac, ev)) {
            gateway = true;
            why.push_back(say("st.router-source",
                              {arg("ip", shared->ip.str()), arg("speaker", shared->speaker.str()),
                               arg("sign", say(std::string(shared->why))), arg("frame", shared->frame)}));
        }
        // A packet from the sender's own address is no forwarded one, whatever its TTL (some stacks start at
        // 60).
        const MacAddr& sender = mac; // clang 14 cannot capture a structured binding in a lambda
        const auto claimed_by_other = [&](const IpAddr& ip) {
            return std::any_of(m_stations.begin(), m_stations.end(), [&](const auto& s) {
                return s.first != sender && contains(s.second.arp_ips, ip);
            });
        };
        const bool own_packet =
            contains(ev.arp_ips, ev.routed_src) ||
            (out.subnet && in_subnet(ev.routed_src, *out.subnet) && !claimed_by_other(ev.routed_src));
        if (ev.routed_frame && !own_packet) {
            gateway = true;
            why.push_back(say("st.routed", {arg("ttl", ev.routed_ttl), arg("frame", ev.routed_frame)}));
        }
        if (ev.router_icmp_frame) {
            gateway = true;
            why.push_back(say("st.router-icmp", {arg("frame", ev.router_icmp_frame)}));
        }
        if (ev.na_router_frame) {
            gateway = true;
            why.push_back(say("st.na-router", {arg("frame", ev.na_router_frame)}));
        }
        if (ev.router_advertiser) {
            gateway = true;
            why.push_back(say("st.ra"));
        }
        for (const auto& r : m_dhcp_routers)
            if (contains(ev.arp_ips, r) ||
                (ev.v4_behind.size() < k_off_link_threshold && contains(ev.v4_behind, r))) {
                gateway = true;
                why.push_back(say("st.lease-router", {arg("ip", r.str())}));
            }
        std::size_t off_link = 0;
        for (const auto& ip : ev.v4_behind)
            if ((ip.v4_host_order() >> 16) != 0xa9fe && // RFC 3927 link-local: on every link
                (out.subnet ? !in_subnet(ip, *out.subnet) && !contains(ev.arp_ips, ip) : true))
                ++off_link;
        // A subnet inferred from ARP may be narrower than the real one: there, one station's only address
        // outside it is no sign of routing; a second address behind the same MAC is.
        const bool inferred = out.subnet && !hints.subnet && !m_dhcp_subnet;
        if (out.subnet ? off_link >= 1 && (!inferred || ev.v4_behind.size() >= 2)
                       : off_link >= k_off_link_threshold) {
            gateway = true;
            why.push_back(say(out.subnet ? "st.behind-off-subnet" : "st.behind",
                              {arg("count", std::to_string(off_link) +
                                                (ev.v4_behind.size() >= k_max_ips_per_station ? "+" : ""))}));
        }
        if (gateway) roles.push_back(model::Role::gateway);
        if (ev.dhcp_server || ev.dhcp_addressed) {
            roles.push_back(model::Role::dhcp_server);
            why.push_back(say(ev.dhcp_server ? "st.dhcp-server" : "st.dhcp-addressed"));
        }
        if (ev.dns_server) {
            roles.push_back(model::Role::dns_server);
            why.push_back(say("st.dns"));
        }
        if (ev.eap_authenticator) {
            roles.push_back(model::Role::authenticator);
            why.push_back(say("st.eap"));
        }
        if (ev.bssid || ev.beacon) {
            roles.push_back(model::Role::ap);
            why.push_back(say(ev.beacon ? "st.beacon" : "st.bssid"));
        }
        if (ev.sign && ev.sign->role == model::Role::infra) {
            roles.push_back(model::Role::infra);
            why.push_back(sign());
        }
        if (ev.switch_protocol) {
            roles.push_back(model::Role::switch_);
            why.push_back(say("st.switch"));
        }
        if (std::find(hints.infra.begin(), hints.infra.end(), mac) != hints.infra.end()) {
            roles.push_back(model::Role::infra);
            why.push_back(say("st.declared-infra"));
        }
        if (roles.empty()) {
            roles.push_back(model::Role::terminal);
            why.push_back(
                say(m_dot11_frames > 0 && !ev.over_the_air ? "st.terminal-behind-ap" : "st.terminal"));
        }
        st.role = roles.front();
        st.why = say("station.why", {arg("claims", std::move(why), model::Param::Join::semicolon)});
        for (const auto& ip : ev.arp_ips)
            add_capped(st.ips, ip, 16);
        if (!gateway) {
            for (const auto& ip : ev.v4_behind)
                if (!out.subnet || in_subnet(ip, *out.subnet)) add_capped(st.ips, ip, 16);
            for (const auto& ip : ev.v6_sourced)
                add_capped(st.ips, ip, 16);
        }
        std::sort(st.ips.begin(), st.ips.end());
        out.stations.push_back(std::move(st));
    }
    std::sort(out.stations.begin(), out.stations.end(),
              [](const auto& a, const auto& b) { return a.mac < b.mac; });
    return out;
}

} // namespace isoprobe::analyze
