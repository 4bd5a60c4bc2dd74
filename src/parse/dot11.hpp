// IEEE 802.11 MAC header (IEEE 802.11-2016 9.2.4, 9.3; address fields per Table 9-26) and A-MSDU subframes
// (9.3.2.2).
#pragma once
#include <cstdint>

#include "parse/error.hpp"
#include "util/addr.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

inline constexpr std::uint8_t k_dot11_mgmt = 0, k_dot11_ctrl = 1, k_dot11_data = 2;

struct Dot11Info {
    std::uint8_t type = 0, subtype = 0; // frame control type (0 mgmt, 1 ctrl, 2 data) and subtype
    bool to_ds = false, from_ds = false, protected_frame = false;
    MacAddr receiver, transmitter, bssid; // addr1, addr2, the BSSID (per ToDS/FromDS)
    bool has_bssid = false;
    Bytes mgmt_body; // body of management frames (fixed fields + IEs), empty otherwise
};

struct Dot11Frame {
    Dot11Info info; // type, subtype, flags, receiver/transmitter/BSSID, body of unprotected management frames
    MacAddr sa, da; // SA and DA after ToDS/FromDS resolution; TA and RA for control frames
    bool has_source = false; // false for control frames that carry only a receiver (ACK, CTS)
    bool amsdu = false;      // QoS data whose body is A-MSDU subframes rather than one LLC PDU
    bool no_data = false;    // Null and CF-only data subtypes: no body by definition
    Bytes body;              // after the MAC header (and the padding radiotap announces); FCS already removed
};

// `header_padded`: radiotap's datapad flag, the header is padded to a multiple of 4 bytes before the body.
// Truncated when the header its frame control implies is incomplete. Unsupported: protocol version other than
// 0 (802.11ah PV1) and the extension type (DMG/S1G beacons).
Expected<Dot11Frame, ParseError> parse_dot11(Bytes frame, bool header_padded);

struct AmsduSubframe {
    MacAddr da, sa;
    Bytes msdu; // trimmed to the subframe's length field when that fits
};

// The first subframe of an A-MSDU body: the addresses of the MSDU it carries.
Expected<AmsduSubframe, ParseError> parse_amsdu_subframe(Bytes body);

} // namespace isoprobe::parse
