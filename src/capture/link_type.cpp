// The one table of link types (tcpdump.org linktypes.html, draft-ietf-opsawg-pcaplinktype): the report's name
// for each and how decode::classify reads its frames.
#include <array>

#include "capture/frame.hpp"

namespace isoprobe::capture {
namespace {

using enum Framing;

constexpr std::array k_link_types{
    LinkTypeInfo{0, "null", null_host},
    LinkTypeInfo{1, "ethernet", ethernet},
    LinkTypeInfo{9, "ppp", ppp},
    // DLT_RAW as some systems write it in files instead of LINKTYPE_RAW (libpcap pcap-common.c).
    LinkTypeInfo{12, "raw", raw_ip},
    LinkTypeInfo{14, "raw", raw_ip},
    LinkTypeInfo{50, "ppp_hdlc", ppp},
    LinkTypeInfo{101, "raw", raw_ip},
    LinkTypeInfo{105, "ieee802_11", dot11},
    LinkTypeInfo{107, "frame_relay", unread},
    LinkTypeInfo{108, "loop", null_network},
    LinkTypeInfo{113, "linux_sll", linux_sll},
    LinkTypeInfo{119, "ieee802_11_prism", dot11_prism},
    LinkTypeInfo{127, "ieee802_11_radiotap", dot11_radiotap},
    LinkTypeInfo{163, "ieee802_11_avs", dot11_avs},
    LinkTypeInfo{192, "ppi", ppi},
    LinkTypeInfo{228, "ipv4", raw_ip},
    LinkTypeInfo{229, "ipv6", raw_ip},
    LinkTypeInfo{239, "nflog", nflog},
    LinkTypeInfo{276, "linux_sll2", linux_sll2},
};

} // namespace

std::span<const LinkTypeInfo> link_types() {
    return k_link_types;
}

LinkTypeInfo link_type_info(std::uint32_t link_type) {
    for (const auto& row : k_link_types)
        if (row.value == link_type) return row;
    return {link_type, {}, unread};
}

std::string link_type_name(std::uint32_t link_type) {
    const auto info = link_type_info(link_type);
    return info.name.empty() ? "linktype-" + std::to_string(link_type) : std::string(info.name);
}

bool ip_only(Framing framing) {
    return framing == raw_ip || framing == null_host || framing == null_network || framing == ppp ||
           framing == nflog;
}

} // namespace isoprobe::capture
