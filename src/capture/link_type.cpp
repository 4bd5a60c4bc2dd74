// Names of pcap/pcapng link types (tcpdump.org linktypes.html, draft-ietf-opsawg-pcaplinktype).
#include <array>
#include <utility>

#include "capture/frame.hpp"

namespace isoprobe::capture {
namespace {

constexpr std::array<std::pair<std::uint32_t, const char*>, 14> k_names{{
    {0, "null"},
    {1, "ethernet"},
    {101, "raw"},
    {105, "ieee802_11"},
    {107, "frame_relay"},
    {108, "loop"},
    {113, "linux_sll"},
    {119, "ieee802_11_prism"},
    {127, "ieee802_11_radiotap"},
    {163, "ieee802_11_avs"},
    {192, "ppi"},
    {228, "ipv4"},
    {229, "ipv6"},
    {276, "linux_sll2"},
}};

} // namespace

std::string link_type_name(std::uint32_t link_type) {
    for (const auto& [value, name] : k_names)
        if (value == link_type) return name;
    return "linktype-" + std::to_string(link_type);
}

} // namespace isoprobe::capture
