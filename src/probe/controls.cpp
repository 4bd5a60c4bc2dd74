#include "probe/controls.hpp"

#include <algorithm>

namespace isoprobe::probe {

std::vector<model::Control> positive_controls(const ControlInputs& in) {
    const MatchFacts& facts = in.facts;
    std::vector<model::Control> c;
    auto frame = [](std::optional<std::uint64_t> n) {
        return n ? " (frame " + std::to_string(*n) + ")" : std::string();
    };
    c.push_back({"own-frames-captured", facts.own_seen >= in.frames_sent && in.frames_sent > 0,
                 "the capture holds " + std::to_string(facts.own_seen) + " of the " +
                     std::to_string(in.frames_sent) + " frames we sent"});
    c.push_back({"gateway-arp", in.gateway_mac.has_value(),
                 !in.gateway_ip ? "no default route through " + in.interface +
                                      ": nothing tells the router from a terminal"
                 : in.gateway_mac
                     ? "gateway " + in.gateway_ip->str() + " is at " + in.gateway_mac->str() + in.gateway_how
                     : "gateway " + in.gateway_ip->str() + " did not answer ARP (asked " +
                           std::to_string(in.gateway_attempts) + " times)"});
    c.push_back({"gateway-icmp", facts.gateway_echo.has_value(),
                 facts.gateway_echo ? "the gateway answered our echo request" + frame(facts.gateway_echo)
                                    : "no echo reply from the gateway"});
    if (!in.sentinel.empty() && in.cross_segment) {
        // Each side live: the probe's gateway answered above, the sentinel's own gateway answers here.
        c.push_back({"sentinel-receives", facts.sentinel_gateway.has_value(),
                     !in.sentinel_gateway_ip
                         ? "no default route through " + in.sentinel +
                               " on its own subnet: nothing shows the sentinel's segment is live"
                     : facts.sentinel_gateway
                         ? "the sentinel " + in.sentinel + " received its own gateway " +
                               in.sentinel_gateway_ip->str() + "'s ARP reply from " +
                               (facts.sentinel_gateway_mac ? facts.sentinel_gateway_mac->str() : "?") +
                               frame(facts.sentinel_gateway) + ": its segment is live and its capture works"
                         : "the sentinel " + in.sentinel + "'s gateway " + in.sentinel_gateway_ip->str() +
                               " did not answer its ARP: silence there proves nothing"});
        c.push_back(
            {"sentinel-other-segment", !facts.sentinel_heard_probe,
             facts.sentinel_heard_probe
                 ? "the sentinel received a broadcast of the probe" + frame(facts.sentinel_heard_probe) +
                       ": both interfaces share one broadcast domain, which routed probes do not test"
                 : "no broadcast of the probe reached the sentinel: the two interfaces are on separate "
                   "broadcast domains"});
    } else if (!in.sentinel.empty()) {
        const bool heard = facts.sentinel_gateway || facts.sentinel_other_gateway;
        c.push_back({"sentinel-receives", heard,
                     heard ? "the sentinel " + in.sentinel +
                                 " received the gateway's ARP reply: its capture works and its port is live"
                           : "the sentinel " + in.sentinel +
                                 " received no ARP reply from the gateway: silence there proves nothing"});
        std::string why;
        bool same = false;
        if (facts.sentinel_other_gateway && in.gateway_mac)
            why = "the sentinel's gateway " + in.gateway_ip->str() + " answered from " +
                  facts.sentinel_other_gateway->str() + ", the probe's from " + in.gateway_mac->str() +
                  ": the sentinel is on another segment numbered alike";
        else if (!facts.sentinel_gateway)
            why = "the sentinel never heard the probe's gateway answer: nothing shows it shares the probe's "
                  "segment";
        else if (!facts.probe_routers.empty() && !facts.sentinel_routers.empty() &&
                 std::none_of(facts.probe_routers.begin(), facts.probe_routers.end(),
                              [&](const MacAddr& m) { return facts.sentinel_routers.count(m) > 0; }))
            why = "the IPv6 routers advertising on the two interfaces differ: the sentinel is on another "
                  "segment";
        else {
            same = true;
            why = "the sentinel heard the gateway " + in.gateway_ip->str() + " answer from " +
                  in.gateway_mac->str() + ", the MAC the probe resolved" + frame(facts.sentinel_gateway) +
                  ": both interfaces are on one segment";
        }
        c.push_back({"sentinel-same-segment", same, why});
    }
    c.push_back({"no-drops", in.dropped == 0 && in.capture_errors.empty(),
                 in.capture_errors.empty() ? std::to_string(in.dropped) + " frames dropped by the capture"
                                           : in.capture_errors});
    if (in.send_error) c.push_back({"sending", false, *in.send_error});
    return c;
}

} // namespace isoprobe::probe
