// Sends whole Ethernet frames on one interface through an AF_PACKET socket. The rate budget is about what a
// segment's hosts must process: every host handles each group-addressed frame, so those go at most `rate` per
// second; a unicast frame reaches one host, so unicast goes up to k_unicast_factor times faster in all.
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
    static constexpr int k_unicast_factor = 5;

    static Expected<Sender, std::string> open(const std::string& ifname, int ifindex, double rate_pps);
    Sender(Sender&&) noexcept = default;
    Sender& operator=(Sender&&) = delete;

    // Blocks until the rate limit allows, then sends; the error names the interface and errno.
    Expected<bool, std::string> send(const std::vector<std::uint8_t>& frame);
    std::uint64_t sent() const { return m_sent; }

  private:
    Sender(UniqueFd fd, int ifindex, std::chrono::nanoseconds interval)
        : m_fd(std::move(fd)), m_ifindex(ifindex), m_group_interval(interval),
          m_any_interval(interval / k_unicast_factor) {}
    UniqueFd m_fd;
    int m_ifindex = 0;
    std::chrono::nanoseconds m_group_interval, m_any_interval;
    std::chrono::steady_clock::time_point m_next_group{}, m_next_any{};
    std::uint64_t m_sent = 0;
    std::string m_name;
};

} // namespace isoprobe::probe
