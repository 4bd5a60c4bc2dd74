#include <doctest/doctest.h>

#include <vector>

#include "parse/smb2.hpp"

using namespace isoprobe::parse;

namespace {
// A NetBIOS-framed SMB2 NEGOTIATE response header (MS-SMB2 2.2.1.2) and body start (2.2.4) with the given
// dialect.
std::vector<std::uint8_t> response(std::uint16_t dialect, std::uint32_t status = 0) {
    std::vector<std::uint8_t> m{0xfe, 'S', 'M', 'B', 64, 0, 0, 0};
    for (int i = 0; i < 4; ++i)
        m.push_back(static_cast<std::uint8_t>(status >> (8 * i)));
    m.insert(m.end(), {0, 0});        // Command NEGOTIATE
    m.resize(64, 0);                  // rest of the header
    m.insert(m.end(), {65, 0, 1, 0}); // StructureSize 65, SecurityMode
    m.push_back(static_cast<std::uint8_t>(dialect));
    m.push_back(static_cast<std::uint8_t>(dialect >> 8));
    m.resize(m.size() + 58, 0);
    std::vector<std::uint8_t> framed{0, 0, static_cast<std::uint8_t>(m.size() >> 8),
                                     static_cast<std::uint8_t>(m.size())};
    framed.insert(framed.end(), m.begin(), m.end());
    return framed;
}
} // namespace

TEST_CASE("SMB2 NEGOTIATE request is framed and offers four dialects") {
    auto req = smb2_negotiate_request();
    REQUIRE(req.size() == 4 + 64 + 36 + 8);
    CHECK(req[0] == 0);
    CHECK(((req[1] << 16) | (req[2] << 8) | req[3]) == static_cast<int>(req.size() - 4));
    CHECK(req[4] == 0xfe);
    CHECK(req[4 + 64 + 2] == 4); // DialectCount
}

TEST_CASE("SMB2 NEGOTIATE responses") {
    SUBCASE("dialect 3.0.2 as smbd answered in captures/h1-smb-open.pcap (tshark: smb2.dialect == 0x0302)") {
        auto r = parse_smb2_negotiate_response(response(0x0302));
        REQUIRE(r.has_value());
        CHECK(r->dialect == 0x0302);
        CHECK(smb2_dialect_name(r->dialect) == "SMB 3.0.2");
    }
    SUBCASE("an error status carries no dialect") {
        auto r = parse_smb2_negotiate_response(response(0x0210, 0xc0000022));
        REQUIRE(r.has_value());
        CHECK(r->status == 0xc0000022u);
        CHECK(r->dialect == 0);
    }
    SUBCASE("SMB1 answer") {
        std::vector<std::uint8_t> smb1{0, 0, 0, 4, 0xff, 'S', 'M', 'B'};
        auto r = parse_smb2_negotiate_response(smb1);
        REQUIRE(r.has_value());
        CHECK(r->smb1);
    }
    SUBCASE("every truncation is a truncated error, never a read past the end") {
        auto full = response(0x0300);
        for (std::size_t n = 0; n + 1 < full.size() && n < 4 + 64 + 6; ++n) {
            std::vector<std::uint8_t> cut(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n));
            auto r = parse_smb2_negotiate_response(cut);
            REQUIRE_FALSE(r.has_value());
            CHECK(r.error().kind == ErrorKind::truncated);
        }
    }
    SUBCASE("garbage is rejected") {
        std::vector<std::uint8_t> junk{0, 0, 0, 4, 'H', 'T', 'T', 'P'};
        auto r = parse_smb2_negotiate_response(junk);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().kind == ErrorKind::bad_value);
    }
    CHECK(smb2_dialect_name(0x1234) == "unknown(0x1234)");
}
