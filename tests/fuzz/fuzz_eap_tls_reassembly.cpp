// libFuzzer target for EAP conversation tracking and EAP-TLS reassembly: the input is a sequence of EAPOL
// frames, each `u8 direction-and-flags, u16 length, bytes`, fed to EapSessions as one
// supplicant/authenticator pair.
#include <cstddef>
#include <cstdint>

#include "analyze/eap_sessions.hpp"
#include "util/bytes.hpp"

using namespace isoprobe;
using namespace isoprobe::analyze;
using namespace isoprobe::model;

volatile std::uint64_t g_sink = 0;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const MacAddr station = *MacAddr::parse("02:00:00:00:00:02");
    const MacAddr ap = *MacAddr::parse("02:00:00:00:00:01");
    const MacAddr pae = *MacAddr::parse("01:80:c2:00:00:03");
    // Small caps so the fuzzer reaches the limits quickly.
    EapSessions sessions{EapSessions::Limits{.max_sessions = 8, .max_tls_bytes = 4096}};
    ByteReader r{Bytes(data, size)};
    capture::Frame frame;
    while (r.remaining() > 0) {
        std::uint8_t how = r.u8();
        Bytes pdu = r.take(r.u16be() % 2048);
        if (r.failed()) break;
        frame.number++;
        frame.ts_ns += 1'000'000'000;
        decode::Packet p;
        p.frame = &frame;
        p.has_l2 = true;
        bool from_station = (how & 1) != 0;
        p.src = from_station ? station : ap;
        p.dst = (how & 2) != 0 ? pae : from_station ? ap : station;
        p.bad_fcs = (how & 0x80) != 0;
        p.eapol = pdu;
        sessions.feed(p);
    }
    std::uint64_t sum = 0;
    for (const auto& s : sessions.sessions()) {
        sum += s.frames + s.offered.size();
        if (s.tls) sum += s.tls->server_chain.size() + s.tls->client_chain.size() + s.tls->anomalies.size();
    }
    g_sink = sum;
    return 0;
}
