// Test helper for the decode tests: a packet's labels as one comparable string.
#pragma once
#include <string>

#include "decode/packet.hpp"

namespace isoprobe::test {

// Labels in Proto order, comma separated ("udp,ip,l2").
inline std::string labels(const decode::Packet& p) {
    std::string out;
    for (std::size_t i = 0; i < static_cast<std::size_t>(model::Proto::count_); ++i) {
        if (!p.protos.test(i)) continue;
        if (!out.empty()) out += ',';
        out += model::proto_name(static_cast<model::Proto>(i));
    }
    return out;
}

} // namespace isoprobe::test
