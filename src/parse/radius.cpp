// RADIUS packets (RFC 2865 3, 5; RFC 3579 3).
#include "parse/radius.hpp"

#include <algorithm>

namespace isoprobe::parse {

namespace {

constexpr std::size_t k_header_len = 20; // code, identifier, length, 16-byte authenticator

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

Expected<RadiusPacket, ParseError> parse_radius(Bytes data) {
    ByteReader r{data};
    RadiusPacket p;
    p.code = r.u8();
    p.id = r.u8();
    p.length = r.u16be();
    Bytes auth = r.take(p.authenticator.size());
    if (r.failed()) return unexpected(ParseError{ErrorKind::truncated, data.size()});
    std::copy(auth.begin(), auth.end(), p.authenticator.begin());
    if (p.length < k_header_len || p.length > data.size())
        return unexpected(ParseError{ErrorKind::bad_length, 2});

    ByteReader attrs{data.subspan(k_header_len, p.length - k_header_len)};
    while (attrs.remaining() > 0) {
        const std::size_t at = k_header_len + attrs.position();
        RadiusAttribute a;
        a.type = attrs.u8();
        const std::uint8_t len = attrs.u8();
        if (attrs.failed()) return unexpected(ParseError{ErrorKind::truncated, at});
        if (len < 2) return unexpected(ParseError{ErrorKind::bad_length, at + 1});
        a.value = attrs.take(len - 2u);
        if (attrs.failed()) return unexpected(ParseError{ErrorKind::bad_length, at + 1});
        p.attributes.push_back(a);
        auto first = [&](std::optional<Bytes>& field) {
            if (!field) field = a.value;
        };
        switch (a.type) {
        case k_radius_user_name:
            first(p.user_name);
            break;
        case k_radius_state:
            first(p.state);
            break;
        case k_radius_called_station_id:
            first(p.called_station_id);
            break;
        case k_radius_calling_station_id:
            first(p.calling_station_id);
            break;
        case k_radius_nas_ip_address:
            if (!p.nas_ip_address && a.value.size() == 4) p.nas_ip_address = IpAddr::v4(a.value);
            break;
        case k_radius_eap_message:
            p.has_eap = true;
            p.eap.insert(p.eap.end(), a.value.begin(), a.value.end());
            break;
        default:
            break;
        }
    }
    return p;
}

std::optional<MacAddr> station_id_mac(std::string_view text) {
    // Twelve hex digits in groups of 2 or 4 with one separator throughout, or none at all.
    MacAddr m;
    std::size_t digits = 0, group = 0, group_len = 0;
    char separator = 0;
    std::size_t i = 0;
    for (; i < text.size() && digits < 12; ++i) {
        const int d = hex_digit(text[i]);
        if (d < 0) {
            const char c = text[i];
            if (c != '-' && c != ':' && c != '.') return std::nullopt;
            if (separator == 0) {
                if (group != 2 && group != 4) return std::nullopt;
                separator = c;
                group_len = group;
            }
            if (c != separator || group != group_len) return std::nullopt;
            group = 0;
            continue;
        }
        m.b[digits / 2] = static_cast<std::uint8_t>(m.b[digits / 2] << 4 | d);
        ++digits;
        ++group;
    }
    if (digits != 12 || (separator != 0 && group != group_len)) return std::nullopt;
    // What may follow the address: nothing, or a Called-Station-Id's ":SSID" (RFC 3580 3.20).
    if (i < text.size() && text[i] != ':') return std::nullopt;
    if (separator == 0 && group != 12) return std::nullopt;
    return m;
}

} // namespace isoprobe::parse
