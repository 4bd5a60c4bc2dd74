#include "probe/controls.hpp"

#include <algorithm>

namespace isoprobe::probe {

using model::arg;
using model::say;

std::vector<model::Control> positive_controls(const ControlInputs& in) {
    const MatchFacts& facts = in.facts;
    std::vector<model::Control> c;
    c.push_back({"own-frames-captured", facts.own_seen >= in.frames_sent && in.frames_sent > 0,
                 say("ctl.own-frames", {arg("seen", facts.own_seen), arg("sent", in.frames_sent)})});
    c.push_back({"gateway-arp", in.gateway_mac.has_value(),
                 !in.gateway_ip   ? say("ctl.no-route", {arg("interface", in.interface)})
                 : in.gateway_mac ? say(in.gateway_from_kernel ? "ctl.gateway-at-kernel" : "ctl.gateway-at",
                                        {arg("ip", in.gateway_ip->str()), arg("mac", in.gateway_mac->str())})
                                  : say("ctl.gateway-no-arp", {arg("ip", in.gateway_ip->str()),
                                                               arg("count", in.gateway_attempts)})});
    c.push_back({"gateway-icmp", facts.gateway_echo.has_value(),
                 facts.gateway_echo ? say("ctl.gateway-echo", {arg("frame", *facts.gateway_echo)})
                                    : say("ctl.no-echo")});
    if (!in.sentinel.empty() && in.cross_segment) {
        // Each side live: the probe's gateway answered above, the sentinel's own gateway answers here.
        c.push_back(
            {"sentinel-receives", facts.sentinel_gateway.has_value(),
             !in.sentinel_gateway_ip ? say("ctl.sentinel-no-route", {arg("sentinel", in.sentinel)})
             : facts.sentinel_gateway
                 ? say("ctl.sentinel-own-gateway",
                       {arg("sentinel", in.sentinel), arg("ip", in.sentinel_gateway_ip->str()),
                        arg("mac", facts.sentinel_gateway_mac ? facts.sentinel_gateway_mac->str() : "?"),
                        arg("frame", *facts.sentinel_gateway)})
                 : say("ctl.sentinel-gateway-silent",
                       {arg("sentinel", in.sentinel), arg("ip", in.sentinel_gateway_ip->str())})});
        c.push_back({"sentinel-other-segment", !facts.sentinel_heard_probe,
                     facts.sentinel_heard_probe
                         ? say("ctl.heard-probe-broadcast", {arg("frame", *facts.sentinel_heard_probe)})
                         : say("ctl.separate-broadcast-domains")});
    } else if (!in.sentinel.empty()) {
        const bool heard = facts.sentinel_gateway || facts.sentinel_other_gateway;
        c.push_back(
            {"sentinel-receives", heard,
             say(heard ? "ctl.sentinel-hears" : "ctl.sentinel-deaf", {arg("sentinel", in.sentinel)})});
        model::Sentence why;
        bool same = false;
        if (facts.sentinel_other_gateway && in.gateway_mac)
            why = say("ctl.other-segment",
                      {arg("ip", in.gateway_ip->str()), arg("other", facts.sentinel_other_gateway->str()),
                       arg("mac", in.gateway_mac->str())});
        else if (!facts.sentinel_gateway)
            why = say("ctl.never-heard");
        else if (!facts.probe_routers.empty() && !facts.sentinel_routers.empty() &&
                 std::none_of(facts.probe_routers.begin(), facts.probe_routers.end(),
                              [&](const MacAddr& m) { return facts.sentinel_routers.count(m) > 0; }))
            why = say("ctl.routers-differ");
        else {
            same = true;
            why = say("ctl.same-segment", {arg("ip", in.gateway_ip->str()), arg("mac", in.gateway_mac->str()),
                                           arg("frame", *facts.sentinel_gateway)});
        }
        c.push_back({"sentinel-same-segment", same, why});
    }
    c.push_back({"no-drops", in.dropped == 0 && in.capture_errors.empty(),
                 in.capture_errors.empty() ? say("ctl.dropped", {arg("dropped", in.dropped)})
                                           : say("run.problems", {arg("problems", in.capture_errors,
                                                                      model::Param::Join::semicolon)})});
    if (in.send_error) c.push_back({"sending", false, *in.send_error});
    return c;
}

} // namespace isoprobe::probe
