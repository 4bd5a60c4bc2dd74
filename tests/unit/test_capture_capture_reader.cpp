// Tests for the capture readers (src/capture/open.cpp, pcap_reader.cpp, pcapng_reader.cpp): every shared
// capture against tshark 4.0, and the malformed or unusual files of captures/bad/ (made by
// tools/make-bad-captures).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "test_capture_util.hpp"

using namespace isoprobe;
using namespace isoprobe::capture;
using namespace isoprobe::capture::test;

namespace {

// Link types (tcpdump.org linktypes.html) for the encapsulations capinfos -E names.
constexpr std::uint32_t k_null = 0;          // "null"
constexpr std::uint32_t k_ethernet = 1;      // "ether"
constexpr std::uint32_t k_dot11 = 105;       // "ieee-802-11"
constexpr std::uint32_t k_frame_relay = 107; // "frelay"
constexpr std::uint32_t k_radiotap = 127;    // "ieee-802-11-radiotap"
constexpr std::uint32_t k_ipv4 = 228;        // "rawip4"

struct Expectation {
    const char* file;
    std::uint64_t frames;
    std::uint64_t bytes;
    std::int64_t first_ts_ns;
    std::int64_t last_ts_ns;
    std::vector<std::uint32_t> link_types;
};

// frames and bytes: count and sum of `tshark -r FILE -T fields -e frame.cap_len`; timestamps:
// frame.time_epoch of the first and last frame; link types: `capinfos -E` (ws-many_interfaces: "Ethernet
// (62), NULL/Loopback (2)").
const std::vector<Expectation> k_shared = {
    {"aircrack-n-02.pcap", 218, 16292, 1500341907035854000LL, 1500341926840206000LL, {k_dot11}},
    {"aircrack-wpa2-psk-linksys.pcap", 499, 36709, 1146709178924134000LL, 1146709188925741000LL, {k_dot11}},
    {"aircrack-wpa3-psk.pcap", 24, 2076, 1555458958643331000LL, 1555458962472550000LL, {k_radiotap}},
    {"eap-peap-wired.pcap", 20, 3388, 1795646298909856000LL, 1795646298922600000LL, {k_ethernet}},
    {"eap-tls-badcert-wired.pcap", 10, 3739, 1795646306634223000LL, 1795646306643343000LL, {k_ethernet}},
    {"eap-tls-nocert-wired.pcap", 6, 144, 1795646303003412000LL, 1795646303005527000LL, {k_ethernet}},
    {"eap-tls-wired.pcap", 14, 4697, 1795646289684244000LL, 1795646289691948000LL, {k_ethernet}},
    {"eap-tls13-wired.pcap", 14, 5065, 1795646294735477000LL, 1795646294778466000LL, {k_ethernet}},
    {"h1-isolated.pcap", 13, 698, 1795646249065425000LL, 1795646253128881000LL, {k_ethernet}},
    {"h1-mdns-open.pcap", 10, 1578, 1795646263840231000LL, 1795646266926643000LL, {k_ethernet}},
    {"h1-open.pcap", 19, 1298, 1795646247645843000LL, 1795646248667795000LL, {k_ethernet}},
    {"h1-smb-open.pcap", 43, 6279, 1795646277359573000LL, 1795646277757647000LL, {k_ethernet}},
    {"scapy-bad_rsn_parsing_overrides_ssid.pcap",
     1,
     319,
     1588770219401826000LL,
     1588770219401826000LL,
     {k_radiotap}},
    {"tcpdump-eapon1.pcap", 114, 14564, 1080055048958610000LL, 1080055156024149000LL, {k_ethernet}},
    {"ws-arp.pcap", 1, 30, 1379479747000000000LL, 1379479747000000000LL, {k_frame_relay}},
    {"ws-dhcp.pcap", 4, 1312, 1102274184317453000LL, 1102274184387798000LL, {k_ethernet}},
    {"ws-empty.pcap", 0, 0, 0, 0, {}},
    {"ws-ipv6.pcap", 1, 86, 1379479686000000000LL, 1379479686000000000LL, {k_ethernet}},
    {"ws-many_interfaces.pcapng",
     64,
     15954,
     1439753725701607000LL,
     1439753728292345000LL,
     {k_ethernet, k_null}},
    {"ws-owe.pcapng.gz", 107, 16246, 1553273157427283120LL, 1553273168896062641LL, {k_radiotap}},
    {"ws-tls-fragmented-handshakes.pcap.gz",
     589,
     79285,
     1555546680752651000LL,
     1555546680911802000LL,
     {k_ipv4}},
    {"ws-wep.pcapng.gz", 19, 3444, 1603226929152284223LL, 1603226956496784173LL, {k_radiotap}},
    {"ws-wpa-ccmp-256.pcapng.gz", 59, 12707, 1583050304409663163LL, 1583050315980870026LL, {k_radiotap}},
    {"ws-wpa-eap-tls.pcap.gz", 86, 31716, 1430662758172173000LL, 1430663014072376000LL, {k_radiotap}},
    {"ws-wpa2-ft-eap.pcapng.gz", 36, 7526, 1610403138150508344LL, 1610403146382725346LL, {k_radiotap}},
    {"ws-wpa2-psk-mfp.pcapng.gz", 18, 3712, 1584888914944079896LL, 1584888946315069429LL, {k_radiotap}},
    {"ws-wpa3-sae.pcapng.gz", 143, 30541, 1553036233010014476LL, 1553036245093726325LL, {k_radiotap}},
    {"zeek-arp_who_has.pcap", 2, 102, 1461764814520906000LL, 1461764814526359000LL, {k_ethernet}},
    {"zeek-arp_who_has_radiotap.pcap", 2, 238, 1439902891705224000LL, 1439902891746878000LL, {k_radiotap}},
    {"zeek-mdns.pcap", 24, 4854, 1738667758097949000LL, 1738667763287062000LL, {k_ethernet}},
    {"zeek-smb2_llmnr_nbns.pcap", 220, 37390, 1735109546149596000LL, 1735109730150691000LL, {k_ethernet}},
    {"zeek-smb3_ntlm.pcap", 54, 13676, 1495015336523633000LL, 1495015339888518000LL, {k_ethernet}},
    {"zeek-tls12_client_certificate_tcp.pcap",
     31,
     15862,
     1677601192606743000LL,
     1677601197749454000LL,
     {k_ethernet}},
    {"zeek-tls13_wolfssl_tcp.pcap", 21, 3039, 1607280745834631000LL, 1607280755880780000LL, {k_ethernet}},
};

} // namespace

TEST_CASE("every shared capture reads as tshark reads it") {
    for (const Expectation& e : k_shared) {
        CAPTURE(e.file);
        ReadResult r = read_file(e.file);
        if (std::string(e.file) == "scapy-bad_rsn_parsing_overrides_ssid.pcap") {
            // One stray byte after the only frame: tshark says "cut short in the middle of a packet" after
            // frame 1.
            REQUIRE(r.error);
            CHECK(r.error->kind == SourceErrorKind::truncated);
            CHECK(r.error->message ==
                  capture_path(e.file) + ": truncated: frame 2 header needs 16 bytes, 1 left");
        } else {
            CHECK_FALSE(r.error);
        }
        CHECK(r.frames.size() == e.frames);
        CHECK(r.stats.frames == e.frames);
        CHECK(r.stats.bytes == e.bytes);
        CHECK(r.stats.link_types == e.link_types);
        CHECK_FALSE(r.stats.dropped);
        if (r.frames.empty()) continue;
        CHECK(r.frames.front().ts_ns == e.first_ts_ns);
        CHECK(r.frames.back().ts_ns == e.last_ts_ns);
        for (std::size_t i = 0; i < r.frames.size(); ++i)
            REQUIRE(r.frames[i].number == i + 1);
    }
}

TEST_CASE("pcapng with several interfaces keeps each frame's interface and link type") {
    // tshark -T fields -e frame.number -e frame.time_epoch -e frame.interface_id -e frame.len -e
    // frame.cap_len
    ReadResult r = read_file("ws-many_interfaces.pcapng");
    REQUIRE(r.frames.size() == 64);
    const FrameCopy& f1 = r.frames[0];
    CHECK(f1.ts_ns == 1439753725701607000LL);
    CHECK(f1.interface == 0);
    CHECK(f1.link_type == k_ethernet);
    CHECK(f1.orig_len == 178);
    CHECK(f1.bytes.size() == 178);
    const FrameCopy& f3 = r.frames[2]; // lo0: earlier than frame 1, as tshark shows it
    CHECK(f3.ts_ns == 1439753725701568000LL);
    CHECK(f3.interface == 10);
    CHECK(f3.link_type == k_null);
    CHECK(f3.bytes.size() == 168);
    CHECK(r.frames[63].ts_ns == 1439753728292345000LL);
    CHECK(r.frames[63].bytes.size() == 195);
    // Eleven ISBs, each with isb_ifdrop 0.
    CHECK(r.stats.drops_known);
    CHECK(r.stats.dropped == 0);
}

TEST_CASE("a snaplen-cut frame keeps its wire length") {
    // tshark: frame 1 frame.len 149, frame.cap_len 110.
    ReadResult r = read_file("zeek-arp_who_has_radiotap.pcap");
    REQUIRE(r.frames.size() == 2);
    CHECK(r.frames[0].orig_len == 149);
    CHECK(r.frames[0].bytes.size() == 110);
}

TEST_CASE("frame numbers continue from first_number") {
    ReadResult r = read_file("ws-dhcp.pcap", 101);
    REQUIRE(r.frames.size() == 4);
    CHECK(r.frames[0].number == 101);
    CHECK(r.frames[3].number == 104);
}

TEST_CASE("memory and file sources read the same frames") {
    for (const char* name :
         {"ws-wpa2-ft-eap.pcapng.gz", "tcpdump-eapon1.pcap", "ws-many_interfaces.pcapng"}) {
        CAPTURE(name);
        std::ifstream in(capture_path(name), std::ios::binary);
        const std::vector<std::uint8_t> data{std::istreambuf_iterator<char>(in), {}};
        ReadResult from_memory = read_all(open_capture_memory(Bytes(data), name));
        ReadResult from_file = read_file(name);
        CHECK_FALSE(from_memory.error);
        CHECK(from_memory.frames == from_file.frames);
    }
}

TEST_CASE("pcap in both byte orders, micro- and nanoseconds") {
    // tshark -T fields -e frame.time_epoch -e frame.len on each file.
    SUBCASE("big-endian microseconds, 802.11") {
        ReadResult r = read_file("bad/pcap-be-micro.pcap");
        CHECK_FALSE(r.error);
        REQUIRE(r.frames.size() == 2);
        CHECK(r.frames[0].ts_ns == 1700000000123456000LL);
        CHECK(r.frames[1].ts_ns == 1700000001654321000LL);
        CHECK(r.frames[1].bytes.size() == 60);
        CHECK(r.stats.link_types == std::vector<std::uint32_t>{k_dot11});
    }
    SUBCASE("little-endian nanoseconds, plain and gzip") {
        for (const char* name : {"bad/pcap-le-nano.pcap", "bad/pcap-le-nano.pcap.gz"}) {
            CAPTURE(name);
            ReadResult r = read_file(name);
            CHECK_FALSE(r.error);
            REQUIRE(r.frames.size() == 2);
            CHECK(r.frames[0].ts_ns == 1700000000123456789LL);
            CHECK(r.frames[1].ts_ns == 1700000001999999999LL);
        }
    }
    SUBCASE("big-endian nanoseconds, radiotap") {
        ReadResult r = read_file("bad/pcap-be-nano.pcap");
        CHECK_FALSE(r.error);
        REQUIRE(r.frames.size() == 1);
        CHECK(r.frames[0].ts_ns == 1700000000123456789LL);
        CHECK(r.frames[0].link_type == k_radiotap);
    }
}

TEST_CASE("pcapng sections, byte orders, if_tsresol, simple and obsolete packet blocks, ISB drops") {
    // tshark -T fields -e frame.time_epoch -e frame.interface_id -e frame.len -e frame.cap_len -e
    // frame.encap_type: 1 1700000000.250000000 0 60 60 Ethernet | 2 1700000000.500000000 1 60 60 SLL
    // (if_tsresol 10^-3) 3 1700000000.500000000 0 60 60 802.11 (second section, little-endian, if_tsresol
    // 2^-20) 4 (no time: simple packet block) 0 100 64 802.11 (snaplen 64) | 5 1700000001.250000000 0 60 60
    // 802.11 (type 2)
    ReadResult r = read_file("bad/pcapng-sections.pcapng");
    CHECK_FALSE(r.error);
    REQUIRE(r.frames.size() == 5);
    CHECK(r.frames[0].ts_ns == 1700000000250000000LL);
    CHECK(r.frames[0].link_type == k_ethernet);
    CHECK(r.frames[1].ts_ns == 1700000000500000000LL);
    CHECK(r.frames[1].interface == 1);
    CHECK(r.frames[1].link_type == 113);
    CHECK(r.frames[2].ts_ns == 1700000000500000000LL);
    CHECK(r.frames[2].interface == 0);
    CHECK(r.frames[2].link_type == k_dot11);
    CHECK(r.frames[3].ts_ns == 0);
    CHECK(r.frames[3].orig_len == 100);
    CHECK(r.frames[3].bytes.size() == 64);
    CHECK(r.frames[4].ts_ns == 1700000001250000000LL);
    CHECK(r.stats.link_types == std::vector<std::uint32_t>{k_ethernet, 113, k_dot11});
    // isb_ifdrop counts from the start of capture: section 1's interface 0 reports 3 then 7, section 2's
    // reports 5.
    CHECK(r.stats.drops_known);
    CHECK(r.stats.dropped == 12);
}

TEST_CASE("an unknown pcapng block is skipped by its length") {
    // tshark shows both frames: 1700000000.000001000 and 1700000000.000002000.
    ReadResult r = read_file("bad/unknown-block.pcapng");
    CHECK_FALSE(r.error);
    REQUIRE(r.frames.size() == 2);
    CHECK(r.frames[0].ts_ns == 1700000000000001000LL);
    CHECK(r.frames[1].ts_ns == 1700000000000002000LL);
    CHECK_FALSE(r.stats.drops_known);
}

TEST_CASE("malformed captures fail with one line naming the file and the problem") {
    struct Case {
        const char* file;
        SourceErrorKind kind;
        std::size_t frames_before; // frames read before the error (tshark shows the same ones)
        const char* problem;       // message after "PATH: "
    };
    const Case cases[] = {
        {"truncated-global-header.pcap", SourceErrorKind::truncated, 0,
         "truncated: pcap file header needs 24 bytes, 10 left"},
        {"truncated-record-header.pcap", SourceErrorKind::truncated, 1,
         "truncated: frame 2 header needs 16 bytes, 5 left"},
        {"truncated-record-body.pcap", SourceErrorKind::truncated, 0,
         "truncated: frame 1 needs 60 bytes, 20 left"},
        {"wrong-magic.pcap", SourceErrorKind::not_capture, 0, "not a pcap or pcapng file (magic 0x12345678)"},
        {"zero-bytes.pcap", SourceErrorKind::not_capture, 0, "empty file, not a pcap or pcapng capture"},
        {"oversized-frame.pcap", SourceErrorKind::corrupt, 0,
         "frame 1 has captured length 300000 (more than 256 KiB)"},
        // Also the fuzzer's first find: an empty prefix span (null data()) was passed to memcpy.
        {"corrupt-gzip.pcap.gz", SourceErrorKind::corrupt, 0, "corrupt gzip stream: invalid block type"},
        {"bad-block-length.pcapng", SourceErrorKind::corrupt, 1,
         "block at offset 140 has length 7 (not a multiple of 4)"},
        {"trailing-length-mismatch.pcapng", SourceErrorKind::corrupt, 1,
         "block at offset 140: trailing length 40 differs from length 36"},
        {"unknown-interface.pcapng", SourceErrorKind::corrupt, 0,
         "block at offset 48: refers to interface 3 but the section describes 1"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.file);
        const std::string name = std::string("bad/") + c.file;
        ReadResult r = read_file(name);
        REQUIRE(r.error);
        CHECK(r.error->kind == c.kind);
        CHECK(r.error->message == capture_path(name) + ": " + c.problem);
        CHECK(r.error->message.find('\n') == std::string::npos);
        CHECK(r.frames.size() == c.frames_before);
    }
}

TEST_CASE("a truncated gzip stream yields its whole frames, then a truncation") {
    // tshark shows frames 1-8 (1700000001 ... 1700000008) before "cut short"; we also get the ninth, whose
    // bytes inflate completely before the compressed data ends.
    ReadResult r = read_file("bad/truncated-gzip.pcap.gz");
    REQUIRE(r.error);
    CHECK(r.error->kind == SourceErrorKind::truncated);
    CHECK(r.error->message == capture_path("bad/truncated-gzip.pcap.gz") +
                                  ": truncated gzip stream: ends after 13995 compressed bytes");
    REQUIRE(r.frames.size() >= 8);
    for (std::size_t i = 0; i < r.frames.size(); ++i) {
        CHECK(r.frames[i].ts_ns == (1700000001LL + static_cast<std::int64_t>(i)) * 1'000'000'000LL);
        CHECK(r.frames[i].bytes.size() == 1400);
    }
}

TEST_CASE("a zero-packet file ends cleanly") {
    ReadResult r = read_file("ws-empty.pcap"); // capinfos: 0 packets, Ethernet
    CHECK_FALSE(r.error);
    CHECK(r.frames.empty());
    CHECK(r.stats.frames == 0);
}

TEST_CASE("no bytes at all in memory") {
    ReadResult r = read_all(open_capture_memory(Bytes{}, "nothing"));
    REQUIRE(r.error);
    CHECK(r.error->kind == SourceErrorKind::not_capture);
    CHECK(r.error->message == "nothing: empty file, not a pcap or pcapng capture");
}

TEST_CASE("files that cannot be opened") {
    ReadResult missing = read_file("no-such-capture.pcap");
    REQUIRE(missing.error);
    CHECK(missing.error->kind == SourceErrorKind::cannot_open);
    CHECK(missing.error->message ==
          capture_path("no-such-capture.pcap") + ": cannot open: No such file or directory");
    ReadResult directory = read_file("bad");
    REQUIRE(directory.error);
    CHECK(directory.error->kind == SourceErrorKind::cannot_open);
    CHECK(directory.error->message == capture_path("bad") + ": cannot open: Is a directory");
}

TEST_CASE("frames up to 256 KiB read; larger captured lengths are corrupt") {
    SUBCASE("pcap") {
        std::vector<std::uint8_t> data = pcap_header();
        put_record(data, 1, 0, 262144, 7);
        ReadResult ok = read_all(open_capture_memory(Bytes(data), "max.pcap"));
        CHECK_FALSE(ok.error);
        REQUIRE(ok.frames.size() == 1);
        CHECK(ok.frames[0].bytes.size() == 262144);
        data = pcap_header();
        put_record(data, 1, 0, 262145, 7);
        ReadResult bad = read_all(open_capture_memory(Bytes(data), "big.pcap"));
        REQUIRE(bad.error);
        CHECK(bad.error->kind == SourceErrorKind::corrupt);
        CHECK(bad.error->message == "big.pcap: frame 1 has captured length 262145 (more than 256 KiB)");
    }
    SUBCASE("pcapng enhanced packet block") {
        // SHB, IDB (Ethernet), EPB with a 300000-byte packet: well-formed blocks, but no frame is that long.
        std::vector<std::uint8_t> data;
        for (std::uint32_t v : {0x0a0d0d0au, 28u, 0x1a2b3c4du, 1u, 0xffffffffu, 0xffffffffu, 28u})
            put_u32(data, v);
        for (std::uint32_t v : {1u, 20u, 1u, 0u, 20u})
            put_u32(data, v);
        for (std::uint32_t v : {6u, 300032u, 0u, 0u, 0u, 300000u, 300000u})
            put_u32(data, v);
        data.resize(data.size() + 300000);
        put_u32(data, 300032);
        ReadResult bad = read_all(open_capture_memory(Bytes(data), "big.pcapng"));
        REQUIRE(bad.error);
        CHECK(bad.error->kind == SourceErrorKind::corrupt);
        CHECK(bad.error->message == "big.pcapng: frame 1 has captured length 300000 (more than 256 KiB)");
    }
}

TEST_CASE("a file larger than the read buffer streams through it intact") {
    // 40 frames of up to 256 KiB (about 5 MiB): records straddle every 1 MiB refill.
    std::vector<std::uint8_t> data = pcap_header();
    std::vector<std::uint32_t> sizes;
    for (std::uint32_t i = 0; i < 40; ++i) {
        sizes.push_back(i % 3 == 0 ? 262144 : 1000 + i * 4099);
        put_record(data, 1000 + i, i, sizes.back(), i);
    }
    const auto path = std::filesystem::temp_directory_path() / "isoprobe-test-capture-large.pcap";
    {
        std::ofstream out(path, std::ios::binary);
        out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
    }
    ReadResult r = read_all(open_capture_file(path.string()));
    std::filesystem::remove(path);
    CHECK_FALSE(r.error);
    REQUIRE(r.frames.size() == sizes.size());
    for (std::uint32_t i = 0; i < sizes.size(); ++i) {
        CAPTURE(i);
        const FrameCopy& f = r.frames[i];
        CHECK(f.ts_ns == (1000LL + i) * 1'000'000'000LL + i * 1000LL);
        REQUIRE(f.bytes.size() == sizes[i]);
        CHECK(f.bytes.front() == i % 251);
        CHECK(f.bytes.back() == (i + sizes[i] - 1) % 251);
    }
}
