// libFuzzer target for the EAPOL, EAP and TLS-family header parsers (IEEE 802.1X-2010 11.3, RFC 3748, RFC
// 5216).
#include <cstddef>
#include <cstdint>

#include "parse/eap.hpp"
#include "parse/eapol.hpp"

using namespace isoprobe;
using namespace isoprobe::parse;

volatile std::uint64_t g_sink = 0;

namespace {
std::uint64_t touch(Bytes b) {
    std::uint64_t sum = 0;
    for (auto x : b)
        sum += x; // ASan sees any span that points outside the input
    return sum;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Bytes input(data, size);
    auto pdu = parse_eapol(input);
    if (!pdu) return 0;
    // The body never exceeds the declared length or the input.
    if (pdu->body.size() > pdu->body_length || pdu->body.size() + 4 > size) __builtin_trap();
    std::uint64_t sum = touch(pdu->body);
    auto m = parse_eap(pdu->body);
    if (m) {
        if (m->type_data.size() > pdu->body.size()) __builtin_trap();
        sum += touch(m->type_data) + m->identity.size() + m->nak_desired.size();
        if (eap_is_tls_family(m->type)) {
            auto f = parse_eap_tls(m->type, m->type_data);
            if (f) {
                if (f->data.size() > m->type_data.size()) __builtin_trap();
                sum += touch(f->data);
            }
        }
        sum += eap_type_name(m->type).size() + eap_code_name(m->code).size();
    }
    g_sink = sum;
    return 0;
}
