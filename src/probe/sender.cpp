#include "probe/sender.hpp"

#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <thread>

namespace isoprobe::probe {

namespace {
constexpr int k_full_queue_attempts = 5;
} // namespace

Expected<Sender, std::string> Sender::open(const std::string& ifname, int ifindex, double rate_pps) {
    UniqueFd fd(socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0));
    if (!fd) {
        if (errno == EPERM || errno == EACCES)
            return unexpected(ifname + ": permission denied: sending raw frames needs CAP_NET_RAW (run as "
                                       "root, or setcap cap_net_raw,cap_net_admin+ep on isoprobe)");
        return unexpected(ifname + ": cannot open a raw socket: " + std::strerror(errno));
    }
    sockaddr_ll addr{};
    addr.sll_family = AF_PACKET;
    addr.sll_ifindex = ifindex;
    addr.sll_protocol = 0; // send only: receiving is the capture's job
    if (bind(fd.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
        return unexpected(ifname + ": cannot bind a raw socket: " + std::strerror(errno));
    auto interval = std::chrono::nanoseconds(static_cast<std::int64_t>(1e9 / (rate_pps > 0 ? rate_pps : 1)));
    Sender s(std::move(fd), ifindex, interval);
    s.m_name = ifname;
    return s;
}

Expected<bool, std::string> Sender::send(const std::vector<std::uint8_t>& frame) {
    const bool group = !frame.empty() && (frame[0] & 0x01) != 0;
    auto due = group ? std::max(m_next_any, m_next_group) : m_next_any;
    auto now = std::chrono::steady_clock::now();
    if (now < due) std::this_thread::sleep_until(due);
    now = std::max(now, due);
    m_next_any = now + m_any_interval;
    if (group) m_next_group = now + m_group_interval;
    // ENOBUFS: a queue on the way is full for a moment (a burst of answers filled a device backlog); dropping
    // the frame would cost a peer its probe, so it goes again once the queue had time to drain.
    for (int attempt = 1; ::send(m_fd.get(), frame.data(), frame.size(), 0) < 0; ++attempt) {
        if (errno != ENOBUFS || attempt == k_full_queue_attempts)
            return unexpected(m_name + ": cannot send: " + std::strerror(errno));
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ++m_sent;
    return true;
}

} // namespace isoprobe::probe
