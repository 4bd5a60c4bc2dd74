// Tests for the gzip byte source (src/capture/gzip_source.cpp, RFC 1952) through open_capture_memory.
#include <doctest/doctest.h>

#include "test_capture_util.hpp"

using namespace isoprobe;
using namespace isoprobe::capture;
using namespace isoprobe::capture::test;

namespace {

ReadResult read_memory(const std::vector<std::uint8_t>& data, const char* name = "x.pcap.gz") {
    return read_all(open_capture_memory(Bytes(data), name));
}

std::vector<std::uint8_t> concat(std::vector<std::uint8_t> a, const std::vector<std::uint8_t>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

} // namespace

TEST_CASE("gzip: several members read as one stream (RFC 1952 2.2)") {
    std::vector<std::uint8_t> first = pcap_header();
    put_record(first, 10, 1, 100, 1);
    std::vector<std::uint8_t> second;
    put_record(second, 11, 2, 200, 2);
    ReadResult r = read_memory(concat(gzip(first), gzip(second)));
    CHECK_FALSE(r.error);
    REQUIRE(r.frames.size() == 2);
    CHECK(r.frames[0].ts_ns == 10'000'001'000LL);
    CHECK(r.frames[1].bytes.size() == 200);
}

TEST_CASE("gzip: bytes after the last member that start no member are ignored, as gzip(1) does") {
    std::vector<std::uint8_t> data = pcap_header();
    put_record(data, 10, 1, 100, 1);
    ReadResult r = read_memory(concat(gzip(data), std::vector<std::uint8_t>(37, 0)));
    CHECK_FALSE(r.error);
    CHECK(r.frames.size() == 1);
}

TEST_CASE("gzip: a wrong CRC-32 is corruption") {
    std::vector<std::uint8_t> data = pcap_header();
    put_record(data, 10, 1, 100, 1);
    std::vector<std::uint8_t> gz = gzip(data);
    gz[gz.size() - 8] ^= 0x01; // CRC32 field of the trailer
    ReadResult r = read_memory(gz);
    REQUIRE(r.error);
    CHECK(r.error->kind == SourceErrorKind::corrupt);
    CHECK(r.error->message == "x.pcap.gz: corrupt gzip stream: incorrect data check");
}

TEST_CASE("gzip: only a header, and empty content") {
    std::vector<std::uint8_t> gz = gzip(pcap_header());
    gz.resize(10); // the fixed gzip header, no deflate data
    ReadResult cut = read_memory(gz);
    REQUIRE(cut.error);
    CHECK(cut.error->kind == SourceErrorKind::truncated);
    CHECK(cut.error->message == "x.pcap.gz: truncated gzip stream: ends after 10 compressed bytes");

    ReadResult empty = read_memory(gzip({}));
    REQUIRE(empty.error);
    CHECK(empty.error->kind == SourceErrorKind::not_capture);
    CHECK(empty.error->message == "x.pcap.gz: empty gzip stream, not a pcap or pcapng capture");
}

TEST_CASE("gzip: a stream larger than the read buffer inflates intact") {
    std::vector<std::uint8_t> data = pcap_header();
    std::vector<std::uint32_t> sizes;
    for (std::uint32_t i = 0; i < 30; ++i) {
        sizes.push_back(i % 4 == 0 ? 262144 : 777 + i * 9001);
        put_record(data, 2000 + i, 0, sizes.back(), i);
    }
    ReadResult r = read_memory(gzip(data));
    CHECK_FALSE(r.error);
    REQUIRE(r.frames.size() == sizes.size());
    for (std::uint32_t i = 0; i < sizes.size(); ++i) {
        CAPTURE(i);
        REQUIRE(r.frames[i].bytes.size() == sizes[i]);
        CHECK(r.frames[i].bytes[sizes[i] / 2] == (i + sizes[i] / 2) % 251);
    }
}
