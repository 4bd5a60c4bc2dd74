// nbns: a NetBIOS node status request for "*" (RFC 1002 4.2.17) unicast to the peer, and a broadcast name
// query; any NBNS answer from the peer counts. The marker follows the NBNS message inside the UDP payload
// (NBNS reads only its counted sections), so an ICMP port-unreachable quoting it also proves the peer got it.
#include "probe/frames.hpp"
#include "probes/common.hpp"

namespace isoprobe::probes {

namespace {
constexpr std::uint16_t k_nbns = 137;

// NetBIOS first-level encoding (RFC 1001 14.1) of a 16-byte name.
std::vector<std::uint8_t> nbns_request(std::uint16_t id, std::uint16_t flags, const std::string& name16,
                                       std::uint16_t qtype) {
    std::vector<std::uint8_t> m{static_cast<std::uint8_t>(id >> 8),
                                static_cast<std::uint8_t>(id),
                                static_cast<std::uint8_t>(flags >> 8),
                                static_cast<std::uint8_t>(flags),
                                0,
                                1,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                32};
    for (char c : name16) {
        auto u = static_cast<std::uint8_t>(c);
        m.push_back(static_cast<std::uint8_t>('A' + (u >> 4)));
        m.push_back(static_cast<std::uint8_t>('A' + (u & 0x0f)));
    }
    m.insert(m.end(), {0, static_cast<std::uint8_t>(qtype >> 8), static_cast<std::uint8_t>(qtype), 0, 1});
    return m;
}

class Nbns final : public probe::Method {
  public:
    std::string_view name() const override { return "nbns"; }
    std::optional<model::Sentence> segment_bound() const override { return model::say("bound.nbns"); }
    std::optional<model::Sentence> unavailable(const probe::Segment&,
                                               const probe::Peer& peer) const override {
        return needs_mac(peer);
    }
    std::vector<probe::Outgoing> frames(const probe::Segment& seg, const probe::Peer& peer,
                                        const std::string& marker) const override {
        std::string star("*\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16);
        std::string workgroup("WORKGROUP      \x1d", 16);
        MacAddr broadcast;
        broadcast.b.fill(0xff);
        std::uint32_t bcast =
            seg.iface.ipv4.v4_host_order() | (seg.iface.prefix >= 32 ? 0 : 0xffffffffu >> seg.iface.prefix);
        auto status = with_marker(nbns_request(0x4e01, 0x0000, star, 0x21), marker);
        auto query = with_marker(nbns_request(0x4e02, 0x0110, workgroup, 0x20), marker);
        return {
            {probe::frames::udp(*peer.mac, seg.iface.mac, seg.iface.ipv4, peer.ipv4, k_nbns, k_nbns, status),
             false},
            {probe::frames::udp(broadcast, seg.iface.mac, seg.iface.ipv4, IpAddr::v4(bcast), k_nbns, k_nbns,
                                query),
             true}};
    }
    bool is_answer(const probe::Segment&, const probe::Peer&, const decode::Packet& p) const override {
        return udp_answer(p, k_nbns) && p.is_response;
    }
};
const Nbns k_nbns_method;
} // namespace

const probe::Method& nbns_method() {
    return k_nbns_method;
}

} // namespace isoprobe::probes
