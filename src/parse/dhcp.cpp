// DHCP (RFC 2131 2, 3) carried in BOOTP, with the options the analysis reads (RFC 2132 3.3, 3.5, 9.6, 9.7).
#include "parse/dhcp.hpp"

namespace isoprobe::parse {

namespace {
constexpr std::uint8_t k_htype_ethernet = 1;
constexpr std::uint32_t k_magic_cookie = 0x63825363; // RFC 2131 3
constexpr std::uint8_t k_opt_pad = 0, k_opt_subnet_mask = 1, k_opt_router = 3, k_opt_message_type = 53,
                       k_opt_server_id = 54, k_opt_end = 255;
constexpr std::size_t k_sname_file = 64 + 128;

void read_options(ByteReader& r, DhcpInfo& info) {
    while (r.has(1)) {
        const std::uint8_t code = r.u8();
        if (code == k_opt_pad) continue;
        if (code == k_opt_end) return;
        const std::size_t length = r.u8();
        ByteReader value(r.take(length));
        if (r.failed()) return;
        switch (code) {
        case k_opt_message_type:
            if (length == 1) info.message_type = value.u8();
            break;
        case k_opt_server_id:
            if (length == 4) info.server_id = IpAddr::v4(value.take(4));
            break;
        case k_opt_router: // a list of routers in order of preference: the first is the default gateway
            if (length >= 4) info.router = IpAddr::v4(value.take(4));
            break;
        case k_opt_subnet_mask:
            if (length == 4) info.subnet_mask = IpAddr::v4(value.take(4));
            break;
        default:
            break;
        }
    }
}
} // namespace

Expected<DhcpMessage, ParseError> parse_dhcp(Bytes message) {
    ByteReader r(message);
    DhcpMessage m;
    m.op = r.u8();
    const std::uint8_t htype = r.u8();
    const std::uint8_t hlen = r.u8();
    r.skip(1 + 4 + 2 + 2 + 4); // hops, xid, secs, flags, ciaddr
    const Bytes yiaddr = r.take(4);
    r.skip(4 + 4); // siaddr, giaddr
    const Bytes chaddr = r.take(16);
    r.skip(k_sname_file);
    if (r.failed()) return unexpected(ParseError::truncated);
    m.info.your_ip = IpAddr::v4(yiaddr);
    if (htype == k_htype_ethernet && hlen == 6) m.info.client_mac = MacAddr::from(chaddr);
    if (r.u32be() == k_magic_cookie) read_options(r, m.info);
    return m;
}

} // namespace isoprobe::parse
