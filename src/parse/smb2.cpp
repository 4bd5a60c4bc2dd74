#include "parse/smb2.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace isoprobe::parse {

namespace {
constexpr std::array<std::uint16_t, 4> k_dialects{0x0202, 0x0210, 0x0300, 0x0302};
constexpr std::size_t k_smb2_header = 64;

void put16(std::vector<std::uint8_t>& v, std::uint16_t x) {
    v.push_back(static_cast<std::uint8_t>(x));
    v.push_back(static_cast<std::uint8_t>(x >> 8));
}
void put32(std::vector<std::uint8_t>& v, std::uint32_t x) {
    put16(v, static_cast<std::uint16_t>(x));
    put16(v, static_cast<std::uint16_t>(x >> 16));
}
} // namespace

std::vector<std::uint8_t> smb2_negotiate_request() {
    std::vector<std::uint8_t> m{0xfe, 'S', 'M', 'B'};
    put16(m, 64); // StructureSize
    put16(m, 0);  // CreditCharge
    put32(m, 0);  // Status
    put16(m, 0);  // Command: NEGOTIATE
    put16(m, 1);  // CreditRequest
    put32(m, 0);  // Flags
    put32(m, 0);  // NextCommand
    for (int i = 0; i < 8; ++i)
        m.push_back(0); // MessageId
    for (int i = 0; i < 4; ++i)
        m.push_back(0); // Reserved
    for (int i = 0; i < 4; ++i)
        m.push_back(0); // TreeId
    for (int i = 0; i < 8; ++i)
        m.push_back(0); // SessionId
    for (int i = 0; i < 16; ++i)
        m.push_back(0); // Signature
    put16(m, 36);       // NEGOTIATE StructureSize
    put16(m, static_cast<std::uint16_t>(k_dialects.size()));
    put16(m, 1); // SecurityMode: signing enabled
    put16(m, 0); // Reserved
    put32(m, 0); // Capabilities
    const char guid[17] = "isoprobe-client!";
    for (int i = 0; i < 16; ++i)
        m.push_back(static_cast<std::uint8_t>(guid[i]));
    for (int i = 0; i < 8; ++i)
        m.push_back(0); // ClientStartTime
    for (auto d : k_dialects)
        put16(m, d);
    // NetBIOS session message header: type 0, 24-bit length (RFC 1002 4.3.1).
    std::vector<std::uint8_t> framed(4 + m.size());
    framed[1] = static_cast<std::uint8_t>(m.size() >> 16);
    framed[2] = static_cast<std::uint8_t>(m.size() >> 8);
    framed[3] = static_cast<std::uint8_t>(m.size());
    std::copy(m.begin(), m.end(), framed.begin() + 4);
    return framed;
}

Expected<Smb2NegotiateResponse, ParseError> parse_smb2_negotiate_response(Bytes framed) {
    ByteReader r(framed);
    std::uint8_t type = r.u8();
    std::uint32_t length = r.u24be();
    if (r.failed()) return unexpected(ParseError{ErrorKind::truncated, 0});
    if (type != 0) return unexpected(ParseError{ErrorKind::bad_value, 0});
    Bytes msg = r.take(length);
    if (r.failed()) return unexpected(ParseError{ErrorKind::truncated, 4});
    ByteReader m(msg);
    std::uint32_t magic = m.u32be();
    if (m.failed()) return unexpected(ParseError{ErrorKind::truncated, 4});
    Smb2NegotiateResponse out;
    if (magic == 0xff534d42u) {
        out.smb1 = true;
        return out;
    }
    if (magic != 0xfe534d42u) return unexpected(ParseError{ErrorKind::bad_value, 4});
    m.skip(4); // StructureSize, CreditCharge
    out.status = m.u32le();
    std::uint16_t command = m.u16le();
    if (m.failed()) return unexpected(ParseError{ErrorKind::truncated, 12});
    if (command != 0) return unexpected(ParseError{ErrorKind::bad_value, 16});
    if (!m.skip(k_smb2_header - 14)) return unexpected(ParseError{ErrorKind::truncated, 18});
    if (out.status != 0) return out;
    m.skip(4); // StructureSize, SecurityMode
    out.dialect = m.u16le();
    if (m.failed()) return unexpected(ParseError{ErrorKind::truncated, 4 + k_smb2_header});
    return out;
}

std::string smb2_dialect_name(std::uint16_t dialect) {
    switch (dialect) {
    case 0x0202:
        return "SMB 2.0.2";
    case 0x0210:
        return "SMB 2.1";
    case 0x0300:
        return "SMB 3.0";
    case 0x0302:
        return "SMB 3.0.2";
    case 0x0311:
        return "SMB 3.1.1";
    case 0x02ff:
        return "SMB 2.???";
    }
    char buf[24];
    std::snprintf(buf, sizeof buf, "unknown(0x%04x)", dialect);
    return buf;
}

} // namespace isoprobe::parse
