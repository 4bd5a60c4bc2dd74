// Segment discovery from what the capture heard after the sweep: ARP replies to us, mDNS answers, IPv6 echo
// replies from all-nodes, and any other station of the subnet heard passively. Infrastructure is never a
// peer: the gateway, IPv6 routers (router advertisements) and a proxy-ARP responder, whose replies name
// addresses that may not exist (RFC 3069: the gateway answers for every terminal so that it can keep them
// apart).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "decode/packet.hpp"
#include "probe/method.hpp"

namespace isoprobe::probe {

struct Discovered {
    std::optional<MacAddr> gateway_mac;
    std::vector<Peer> peers; // sorted by IPv4 address; the gateway, routers and our own interfaces excluded
    std::vector<MacAddr> routers;     // IPv6 router advertisement senders other than the gateway
    std::optional<MacAddr> proxy_arp; // the MAC that answered ARP for addresses not its own
    std::vector<IpAddr> proxied;      // the addresses it answered for
};

// A MAC answering ARP for this many addresses of the subnet is a proxy, not a host with secondary addresses.
inline constexpr std::size_t k_proxy_arp_addresses = 3;

// `packets`: the probe interface's frames, decoded.
Discovered learn_segment(const std::vector<decode::Packet>& packets, const Segment& seg,
                         const std::vector<IpAddr>& extra_peers);

// One sentence for the report: how the segment answers ARP.
model::Sentence proxy_arp_observation(const Discovered& d, bool by_gateway);

} // namespace isoprobe::probe
