// SSDP over HTTPU (UPnP Device Architecture 2.0, 1.3.3): search responses are HTTP "200 OK" status lines.
#include "parse/ssdp.hpp"

#include <algorithm>
#include <string_view>

namespace isoprobe::parse {

bool is_ssdp_response(Bytes message) {
    constexpr std::string_view k_status = "HTTP/1.1 200";
    ByteReader r(message);
    const Bytes start = r.take(k_status.size());
    return r.ok() && std::equal(start.begin(), start.end(), k_status.begin(),
                                [](std::uint8_t b, char c) { return b == static_cast<std::uint8_t>(c); });
}

} // namespace isoprobe::parse
