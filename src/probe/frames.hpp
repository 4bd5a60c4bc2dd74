// Probe frame construction with libtins (it computes lengths and checksums); callers add the run marker.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "util/addr.hpp"

namespace isoprobe::probe::frames {

using Frame = std::vector<std::uint8_t>;

// ARP request (RFC 826) for target_ip; dst is broadcast or the peer's MAC (unicast who-has). The marker
// travels in the trailer after the ARP body, where receivers ignore it.
Frame arp_request(const MacAddr& dst, const MacAddr& src, const IpAddr& sender_ip, const IpAddr& target_ip,
                  const std::string& marker);
Frame icmp_echo(const MacAddr& dst, const MacAddr& src, const IpAddr& ip_src, const IpAddr& ip_dst,
                std::uint16_t id, std::uint16_t seq, const std::string& marker);
Frame icmpv6_echo(const MacAddr& dst, const MacAddr& src, const IpAddr& ip_src, const IpAddr& ip_dst,
                  std::uint16_t id, std::uint16_t seq, const std::string& marker);
// Neighbour solicitation (RFC 4861 7.2.2) for target, to its solicited-node multicast group; the marker rides
// in an experimental option.
Frame neighbour_solicitation(const MacAddr& src, const IpAddr& ip_src, const IpAddr& target,
                             const std::string& marker);
Frame udp(const MacAddr& dst, const MacAddr& src, const IpAddr& ip_src, const IpAddr& ip_dst,
          std::uint16_t sport, std::uint16_t dport, const std::vector<std::uint8_t>& payload);
Frame tcp_syn(const MacAddr& dst, const MacAddr& src, const IpAddr& ip_src, const IpAddr& ip_dst,
              std::uint16_t sport, std::uint16_t dport, std::uint32_t seq, const std::string& marker);
// A frame of the IEEE 802 local experimental EtherType 0x88B5 carrying only the marker.
Frame raw_l2(const MacAddr& dst, const MacAddr& src, const std::string& marker);

// The Ethernet multicast address for an IPv4 (RFC 1112) or IPv6 (RFC 2464) group.
MacAddr multicast_mac(const IpAddr& group);
IpAddr solicited_node(const IpAddr& target);

// A DNS query (RFC 1035 4.1) with the given questions (name, qtype), id and the QU bit for mDNS when asked.
std::vector<std::uint8_t> dns_query(std::uint16_t id,
                                    const std::vector<std::pair<std::string, std::uint16_t>>& questions,
                                    bool unicast_response);

} // namespace isoprobe::probe::frames
