// Helpers shared by the analyser tests: feed a capture from captures/ through the real reader and decoder.
#pragma once
#include <doctest/doctest.h>

#include <string>

#include "capture/source.hpp"
#include "decode/packet.hpp"

namespace isoprobe::analyze::test {

// Calls on_packet(const decode::Packet&) for every frame of captures/NAME, in order.
template <class F> void for_each_packet(const std::string& name, F&& on_packet) {
    auto source = capture::open_capture_file(std::string(ISOPROBE_SOURCE_DIR) + "/captures/" + name);
    REQUIRE_MESSAGE(source, name);
    for (;;) {
        auto next = (*source)->next();
        // Some captures end in a cut record (scapy-bad_rsn_parsing_overrides_ssid.pcap): keep what came
        // before.
        if (!next || *next == nullptr) break;
        on_packet(decode::classify(**next));
    }
}

} // namespace isoprobe::analyze::test
