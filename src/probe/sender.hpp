// Sends whole Ethernet frames on one interface through an AF_PACKET socket, at most `rate` frames per second.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "util/expected.hpp"
#include "util/unique_fd.hpp"

namespace isoprobe::probe {

class Sender {
  public:
    static Expected<Sender, std::string> open(const std::string& ifname, int ifindex, double rate_pps);
    Sender(Sender&&) noexcept = default;
    Sender& operator=(Sender&&) = delete;

    // Blocks until the rate limit allows, then sends; the error names the interface and errno.
    Expected<bool, std::string> send(const std::vector<std::uint8_t>& frame);
    std::uint64_t sent() const { return m_sent; }

  private:
    Sender(UniqueFd fd, int ifindex, std::chrono::nanoseconds interval)
        : m_fd(std::move(fd)), m_ifindex(ifindex), m_interval(interval) {}
    UniqueFd m_fd;
    int m_ifindex = 0;
    std::chrono::nanoseconds m_interval;
    std::chrono::steady_clock::time_point m_next{};
    std::uint64_t m_sent = 0;
    std::string m_name;
};

} // namespace isoprobe::probe
