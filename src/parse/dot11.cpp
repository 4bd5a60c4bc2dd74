// IEEE 802.11 MAC header (IEEE 802.11-2016 9.2.4, 9.3; address fields per Table 9-26) and A-MSDU subframes
// (9.3.2.2).
#include "parse/dot11.hpp"

#include <algorithm>

namespace isoprobe::parse {

namespace {

constexpr std::uint8_t k_flag_to_ds = 0x01, k_flag_from_ds = 0x02, k_flag_protected = 0x40,
                       k_flag_order = 0x80;
constexpr std::uint8_t k_subtype_qos = 0x08, k_subtype_no_data = 0x04;
constexpr std::uint16_t k_qos_amsdu = 0x0080;
constexpr std::size_t k_ht_control = 4;
// Control subtypes (Table 9-1) whose only address is the receiver; the rest also carry a TA.
constexpr std::uint8_t k_ctrl_extension = 6, k_ctrl_wrapper = 7, k_ctrl_cts = 12, k_ctrl_ack = 13;
constexpr std::uint8_t k_ctrl_ps_poll = 10, k_ctrl_cf_end = 14, k_ctrl_cf_end_ack = 15;

MacAddr read_mac(ByteReader& r) {
    const Bytes b = r.take(6);
    return b.empty() ? MacAddr{} : MacAddr::from(b);
}

void read_management(ByteReader& r, bool order, Dot11Frame& f) {
    auto& d = f.info;
    d.receiver = f.da = read_mac(r);
    d.transmitter = f.sa = read_mac(r);
    d.bssid = read_mac(r);
    d.has_bssid = f.has_source = true;
    r.skip(2); // sequence control
    // +HTC: an HT/VHT-format management frame with the Order bit carries an HT Control field (9.2.4.1.10).
    if (order) r.skip(k_ht_control);
    f.body = r.rest();
    if (!d.protected_frame) d.mgmt_body = f.body;
}

void read_control(ByteReader& r, Dot11Frame& f) {
    auto& d = f.info;
    d.receiver = f.da = read_mac(r);
    const std::uint8_t s = d.subtype;
    if (s == k_ctrl_extension || s == k_ctrl_wrapper || s == k_ctrl_cts || s == k_ctrl_ack) return;
    d.transmitter = read_mac(r);
    // A bandwidth-signalling TA has its Individual/Group bit set (9.3.1.2); the station is the individual
    // address.
    d.transmitter.b[0] &= 0xfe;
    f.sa = d.transmitter;
    f.has_source = true;
    if (s == k_ctrl_ps_poll) d.bssid = d.receiver;
    if (s == k_ctrl_cf_end || s == k_ctrl_cf_end_ack) d.bssid = d.transmitter;
    d.has_bssid = s == k_ctrl_ps_poll || s == k_ctrl_cf_end || s == k_ctrl_cf_end_ack;
}

void read_data(ByteReader& r, bool order, bool header_padded, Dot11Frame& f) {
    auto& d = f.info;
    const MacAddr a1 = read_mac(r), a2 = read_mac(r), a3 = read_mac(r);
    r.skip(2); // sequence control
    const MacAddr a4 = d.to_ds && d.from_ds ? read_mac(r) : MacAddr{};
    if (d.subtype & k_subtype_qos) {
        f.amsdu = (r.u16le() & k_qos_amsdu) != 0;
        if (order) r.skip(k_ht_control);
    }
    d.receiver = a1;
    d.transmitter = a2;
    f.has_source = true;
    // Table 9-26: which address is DA, SA and BSSID depends on the ToDS/FromDS pair.
    if (!d.to_ds && !d.from_ds) {
        f.da = a1;
        f.sa = a2;
        d.bssid = a3;
    } else if (!d.to_ds) {
        f.da = a1;
        d.bssid = a2;
        f.sa = a3;
    } else if (!d.from_ds) {
        d.bssid = a1;
        f.sa = a2;
        f.da = a3;
    } else {
        f.da = a3; // mesh or WDS: no BSSID
        f.sa = a4;
    }
    d.has_bssid = !(d.to_ds && d.from_ds);
    f.no_data = (d.subtype & k_subtype_no_data) != 0;
    if (header_padded) r.skip(std::min((4 - r.position() % 4) % 4, r.remaining()));
    f.body = r.rest();
}

} // namespace

Expected<Dot11Frame, ParseError> parse_dot11(Bytes frame, bool header_padded) {
    ByteReader r(frame);
    const std::uint16_t fc = r.u16le();
    r.skip(2); // duration / AID
    if (r.failed()) return unexpected(ParseError::truncated);

    Dot11Frame f;
    auto& d = f.info;
    d.type = static_cast<std::uint8_t>((fc >> 2) & 0x3);
    d.subtype = static_cast<std::uint8_t>((fc >> 4) & 0xf);
    const auto flags = static_cast<std::uint8_t>(fc >> 8);
    d.to_ds = flags & k_flag_to_ds;
    d.from_ds = flags & k_flag_from_ds;
    d.protected_frame = flags & k_flag_protected;
    const bool order = flags & k_flag_order;
    if ((fc & 0x3) != 0) return unexpected(ParseError::unsupported);

    switch (d.type) {
    case k_dot11_mgmt:
        read_management(r, order, f);
        break;
    case k_dot11_ctrl:
        read_control(r, f);
        break;
    case k_dot11_data:
        read_data(r, order, header_padded, f);
        break;
    default:
        return unexpected(ParseError::unsupported);
    }
    if (r.failed()) return unexpected(ParseError::truncated);
    return f;
}

Expected<AmsduSubframe, ParseError> parse_amsdu_subframe(Bytes body) {
    ByteReader r(body);
    AmsduSubframe s;
    s.da = read_mac(r);
    s.sa = read_mac(r);
    const std::size_t length = r.u16be();
    if (r.failed()) return unexpected(ParseError::truncated);
    s.msdu = r.take(std::min(length, r.remaining()));
    return s;
}

} // namespace isoprobe::parse
