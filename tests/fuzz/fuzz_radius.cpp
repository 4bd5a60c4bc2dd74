// libFuzzer target for the RADIUS parser and the station ids it names (RFC 2865, RFC 3579, RFC 3580).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parse/eap.hpp"
#include "parse/radius.hpp"

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
std::string_view chars(Bytes b) {
    return {reinterpret_cast<const char*>(b.data()), b.size()};
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Bytes input(data, size);
    std::uint64_t sum = station_id_mac(chars(input)).has_value();
    auto p = parse_radius(input);
    if (!p) {
        g_sink = sum;
        return 0;
    }
    // Attributes never run past the declared length, which never runs past the input.
    if (p->length > size || p->eap.size() > p->length) __builtin_trap();
    for (const auto& a : p->attributes)
        sum += touch(a.value) + a.type;
    for (const auto* id : {&p->calling_station_id, &p->called_station_id})
        if (*id) sum += station_id_mac(chars(**id)).has_value();
    if (p->has_eap) {
        auto m = parse_eap(p->eap);
        if (m) sum += touch(m->type_data) + m->identity.size();
    }
    g_sink = sum;
    return 0;
}
