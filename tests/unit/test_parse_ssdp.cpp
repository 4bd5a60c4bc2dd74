// Tests for src/parse/ssdp.cpp: SSDP start lines (UPnP Device Architecture 2.0, 1.3).
#include <doctest/doctest.h>

#include <string_view>

#include "parse/ssdp.hpp"

using namespace isoprobe;
using namespace isoprobe::parse;

namespace {
bool response(std::string_view text) {
    return is_ssdp_response(Bytes(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}
} // namespace

TEST_CASE("is_ssdp_response tells search responses from requests") {
    CHECK(response("HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nST: upnp:rootdevice\r\n\r\n"));
    CHECK(response("HTTP/1.1 200"));
    CHECK_FALSE(
        response("M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\n\r\n"));
    CHECK_FALSE(response("NOTIFY * HTTP/1.1\r\nNTS: ssdp:alive\r\n\r\n"));
    CHECK_FALSE(response("HTTP/1.1 404 Not Found\r\n\r\n"));
    CHECK_FALSE(response("HTTP/1.1 20"));
    CHECK_FALSE(response(""));
}
