// wsd: a WS-Discovery Probe (OASIS WS-Discovery 1.1, 5.2) to 239.255.255.250:3702 and unicast to the peer;
// any SOAP-over-UDP answer from port 3702 of the peer counts.
#include "probe/frames.hpp"
#include "probes/common.hpp"

namespace isoprobe::probes {

namespace {
constexpr std::uint16_t k_wsd = 3702, k_query_port = 53702;

std::vector<std::uint8_t> probe_message(const std::string& marker) {
    std::string m = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                    "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\" "
                    "xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" "
                    "xmlns:wsd=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\">"
                    "<soap:Header><wsa:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</wsa:To>"
                    "<wsa:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</wsa:Action>"
                    "<wsa:MessageID>urn:" +
                    marker +
                    "</wsa:MessageID></soap:Header>"
                    "<soap:Body><wsd:Probe/></soap:Body></soap:Envelope>";
    return {m.begin(), m.end()};
}

class Wsd final : public probe::Method {
  public:
    std::string_view name() const override { return "wsd"; }
    std::optional<model::Sentence> segment_bound() const override { return model::say("bound.wsd"); }
    std::optional<model::Sentence> unavailable(const probe::Segment&,
                                               const probe::Peer& peer) const override {
        return needs_mac(peer);
    }
    std::vector<probe::Outgoing> frames(const probe::Segment& seg, const probe::Peer& peer,
                                        const std::string& marker) const override {
        const IpAddr group = *IpAddr::parse("239.255.255.250");
        return {{probe::frames::udp(probe::frames::multicast_mac(group), seg.iface.mac, seg.iface.ipv4, group,
                                    k_query_port, k_wsd, probe_message(marker)),
                 true},
                {probe::frames::udp(*peer.mac, seg.iface.mac, seg.iface.ipv4, peer.ipv4, k_query_port, k_wsd,
                                    probe_message(marker)),
                 false}};
    }
    // A Target Service waits a random time up to APP_MAX_DELAY (500 ms) before its ProbeMatch
    // (WS-Discovery 1.1, 3.1.3).
    double answer_delay_s() const override { return 0.5; }
    bool is_answer(const probe::Segment&, const probe::Peer&, const decode::Packet& p) const override {
        return udp_answer(p, k_wsd);
    }
};
const Wsd k_wsd_method;
} // namespace

const probe::Method& wsd_method() {
    return k_wsd_method;
}

} // namespace isoprobe::probes
