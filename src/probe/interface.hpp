// What the probe knows about a local interface and the segment behind it: addresses from getifaddrs(3),
// the hardware address from SIOCGIFHWADDR, the default gateway from the kernel's routing table
// (/proc/net/route).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "util/addr.hpp"
#include "util/expected.hpp"

namespace isoprobe::probe {

struct Interface {
    std::string name;
    int index = 0;
    MacAddr mac;
    IpAddr ipv4;
    int prefix = 0;
    std::vector<IpAddr> ipv6; // link-local first
    bool up = false;
    bool running = false;
};

enum class NeedsIpv4 {
    yes,
    no
}; // the 802.1X check talks EAPOL only: an unauthorised port has no address yet
// One clear line on failure: unknown interface, not Ethernet, down, no IPv4 address (when needed).
Expected<Interface, std::string> describe_interface(const std::string& name,
                                                    NeedsIpv4 needs_ipv4 = NeedsIpv4::yes);
// Whether the interface still exists and is up and running (checked during a run: libpcap does not always
// say).
bool interface_running(const std::string& name);
// The IPv4 default gateway routed through `ifname`, if any.
std::optional<IpAddr> default_gateway(const std::string& ifname);
// The kernel's complete ARP entry for `ip` on `ifname` (/proc/net/arp), if any: the gateway's MAC survives a
// lost ARP reply when the host already talks to it.
std::optional<MacAddr> neighbour_mac(const std::string& ifname, const IpAddr& ip);
// The network address of ip/prefix.
IpAddr network_of(const IpAddr& ip, int prefix);

} // namespace isoprobe::probe
