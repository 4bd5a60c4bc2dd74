// libFuzzer target for decode::classify and the link, network and transport parsers under it. The first two
// bytes choose the link type (a row of the link type table, or any other value); the rest is the frame.
#include <cstddef>
#include <cstdint>

#include "decode/packet.hpp"

using namespace isoprobe;

volatile std::uint64_t g_sink = 0;

namespace {

bool inside(Bytes part, Bytes whole) {
    return part.empty() ||
           (part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const std::uint32_t selector = std::uint32_t{data[0]} << 8 | data[1];
    const auto table = capture::link_types();
    const std::size_t index = selector % (table.size() + 1);

    capture::Frame frame;
    frame.link_type = index < table.size() ? table[index].value : selector;
    frame.bytes = Bytes(data + 2, size - 2);
    frame.orig_len = static_cast<std::uint32_t>(frame.bytes.size());
    const decode::Packet p = decode::classify(frame);

    // Invariants: spans point into the frame, an L2 label only with an L2 source, names for every value.
    if (!inside(p.eapol, frame.bytes)) __builtin_trap();
    if (p.dot11 && !inside(p.dot11->mgmt_body, frame.bytes)) __builtin_trap();
    if (!p.has_l2 && !p.src.is_zero()) __builtin_trap();
    if (p.has_l2 != p.protos.test(static_cast<std::size_t>(model::Proto::l2))) __builtin_trap();
    if (p.encrypted && !p.dot11) __builtin_trap();
    if (decode::anomaly_name(p.anomaly) == "unknown") __builtin_trap();

    std::uint64_t sum = p.protos.count() + p.sport + p.dport + p.eapol.size() + p.ip_src.b[0];
    for (std::size_t i = 0; i < p.protos.size(); ++i)
        if (p.protos.test(i)) sum += model::proto_name(static_cast<model::Proto>(i)).size();
    g_sink = g_sink + sum;
    return 0;
}
