#include "probe/interface.hpp"

#include <ifaddrs.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "util/unique_fd.hpp"

namespace isoprobe::probe {

namespace {
int prefix_of(const sockaddr* mask) {
    int bits = 0;
    if (mask->sa_family == AF_INET) {
        std::uint32_t m = ntohl(reinterpret_cast<const sockaddr_in*>(mask)->sin_addr.s_addr);
        while (bits < 32 && (m & (0x80000000u >> bits)))
            ++bits;
    }
    return bits;
}
} // namespace

IpAddr network_of(const IpAddr& ip, int prefix) {
    std::uint32_t mask = prefix <= 0 ? 0 : prefix >= 32 ? 0xffffffffu : ~(0xffffffffu >> prefix);
    return IpAddr::v4(ip.v4_host_order() & mask);
}

Expected<Interface, std::string> describe_interface(const std::string& name, NeedsIpv4 needs_ipv4) {
    Interface itf;
    itf.name = name;
    itf.index = static_cast<int>(if_nametoindex(name.c_str()));
    if (itf.index == 0) return unexpected(name + ": no such interface");

    const UniqueFd fd(socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    if (!fd) return unexpected(name + ": cannot query: " + std::strerror(errno));
    ifreq req{};
    std::strncpy(req.ifr_name, name.c_str(), IFNAMSIZ - 1);
    bool hw_ok = ioctl(fd.get(), SIOCGIFHWADDR, &req) == 0;
    int hw_family = req.ifr_hwaddr.sa_family;
    if (hw_ok)
        itf.mac = MacAddr::from(Bytes(reinterpret_cast<const std::uint8_t*>(req.ifr_hwaddr.sa_data), 6));
    if (ioctl(fd.get(), SIOCGIFFLAGS, &req) == 0) {
        itf.up = (req.ifr_flags & IFF_UP) != 0;
        itf.running = (req.ifr_flags & IFF_RUNNING) != 0;
    }
    if (!hw_ok || hw_family != ARPHRD_ETHER) return unexpected(name + ": not an Ethernet interface");

    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return unexpected(name + ": cannot list addresses: " + std::strerror(errno));
    for (ifaddrs* a = list; a; a = a->ifa_next) {
        if (!a->ifa_addr || name != a->ifa_name) continue;
        if (a->ifa_addr->sa_family == AF_INET && itf.ipv4.empty()) {
            const auto* sin = reinterpret_cast<const sockaddr_in*>(a->ifa_addr);
            itf.ipv4 = IpAddr::v4(Bytes(reinterpret_cast<const std::uint8_t*>(&sin->sin_addr), 4));
            if (a->ifa_netmask) itf.prefix = prefix_of(a->ifa_netmask);
        } else if (a->ifa_addr->sa_family == AF_INET6) {
            const auto* sin6 = reinterpret_cast<const sockaddr_in6*>(a->ifa_addr);
            IpAddr v6 = IpAddr::v6(Bytes(sin6->sin6_addr.s6_addr, 16));
            if (v6.is_link_local_v6())
                itf.ipv6.insert(itf.ipv6.begin(), v6);
            else
                itf.ipv6.push_back(v6);
        }
    }
    freeifaddrs(list);
    if (!itf.up) return unexpected(name + ": interface is down");
    if (needs_ipv4 == NeedsIpv4::yes && itf.ipv4.empty())
        return unexpected(name + ": interface has no IPv4 address");
    return itf;
}

bool interface_running(const std::string& name) {
    const UniqueFd fd(socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    if (!fd) return true; // cannot tell: do not stop a run for it
    ifreq req{};
    std::strncpy(req.ifr_name, name.c_str(), IFNAMSIZ - 1);
    return ioctl(fd.get(), SIOCGIFFLAGS, &req) == 0 && (req.ifr_flags & IFF_UP) &&
           (req.ifr_flags & IFF_RUNNING);
}

std::optional<IpAddr> default_gateway(const std::string& ifname) {
    std::ifstream routes("/proc/net/route");
    std::string line;
    std::getline(routes, line); // header
    while (std::getline(routes, line)) {
        std::istringstream f(line);
        std::string iface, dest, gw;
        f >> iface >> dest >> gw;
        if (iface != ifname || dest != "00000000") continue;
        // The kernel prints the gateway in host byte order as hex (little-endian on x86: reversed bytes).
        std::uint32_t raw = static_cast<std::uint32_t>(std::stoul(gw, nullptr, 16));
        std::uint8_t b[4];
        std::memcpy(b, &raw, 4);
        IpAddr ip = IpAddr::v4(Bytes(b, 4));
        if (!ip.is_unspecified()) return ip;
    }
    return std::nullopt;
}

std::optional<MacAddr> neighbour_mac(const std::string& ifname, const IpAddr& ip) {
    constexpr unsigned k_complete = 0x2; // ATF_COM
    std::ifstream table("/proc/net/arp");
    std::string line;
    std::getline(table, line); // header
    while (std::getline(table, line)) {
        std::istringstream f(line);
        std::string address, hw_type, flags, hw_address, mask, device;
        f >> address >> hw_type >> flags >> hw_address >> mask >> device;
        if (device != ifname || address != ip.str()) continue;
        auto mac = MacAddr::parse(hw_address);
        if (mac && (std::strtoul(flags.c_str(), nullptr, 16) & k_complete) && !mac->is_zero()) return mac;
    }
    return std::nullopt;
}

} // namespace isoprobe::probe
