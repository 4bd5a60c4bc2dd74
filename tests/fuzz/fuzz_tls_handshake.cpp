// libFuzzer target for the TLS record/handshake walker (RFC 5246, RFC 8446) and the X.509 summaries of any
// certificates it finds.
#include <cstddef>
#include <cstdint>

#include "analyze/x509.hpp"
#include "parse/tls_handshake.hpp"

using namespace isoprobe;

volatile std::uint64_t g_sink = 0;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto s = parse::parse_tls_stream(Bytes(data, size));
    if (!s) return 0;
    std::uint64_t sum = s->records + s->encrypted_records + s->handshake_types.size() + s->alerts.size();
    if (s->server_hello) sum += parse::tls_cipher_suite_name(s->server_hello->cipher_suite).size();
    if (s->certificates) {
        for (const auto& der : *s->certificates) {
            if (der.size() > size) __builtin_trap();
            auto c = analyze::describe_certificate(der, 0);
            sum += c.subject.size() + c.not_after.size();
        }
    }
    g_sink = sum;
    return 0;
}
