// Tests for reading capture files ahead on a thread (src/capture/read_ahead.cpp, input_buffer.cpp): a regular
// file, plain or gzip, reads the same frames and the same errors as the same bytes in memory, which are read
// without a thread; a pipe is never read ahead, so an error on it returns while its writer is still there.
#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <future>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include "capture/read_ahead.hpp"
#include "test_capture_util.hpp"

using namespace isoprobe;
using namespace isoprobe::capture;
using namespace isoprobe::capture::test;

namespace {

constexpr std::size_t k_record_header = 16;

// A temporary file removed when the test ends, however it ends.
struct TempFile {
    std::filesystem::path path;
    TempFile(const std::string& name, const std::vector<std::uint8_t>& data)
        : path(std::filesystem::temp_directory_path() /
               ("isoprobe-test-read-ahead-" + std::to_string(::getpid()) + "-" + name)) {
        std::ofstream out(path, std::ios::binary);
        out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
    }
    ~TempFile() { std::filesystem::remove(path); }
};

// Frames of every size class the buffer treats differently: small ones straddling the chunk boundaries, ones
// larger than the headroom (put together outside the chunks), up to the largest frame, and whole chunks.
std::vector<std::uint8_t> mixed_capture(std::vector<std::uint32_t>& sizes) {
    std::vector<std::uint8_t> data = pcap_header();
    for (std::uint32_t i = 0; i < 600; ++i) {
        std::uint32_t size = 60 + (i * 7919) % 1500;
        if (i % 97 == 5) size = ReadAhead::k_headroom + 1 + i;
        if (i % 131 == 7) size = 262144;
        if (i % 113 == 9) size = static_cast<std::uint32_t>(ReadAhead::k_chunk) - k_record_header;
        sizes.push_back(size);
        put_record(data, 1000 + i, i, size, i);
    }
    return data;
}

void check_same(const ReadResult& file, const ReadResult& memory) {
    CHECK(file.frames.size() == memory.frames.size());
    CHECK(file.frames == memory.frames);
    CHECK(file.stats.frames == memory.stats.frames);
    CHECK(file.stats.bytes == memory.stats.bytes);
    REQUIRE(file.error.has_value() == memory.error.has_value());
    if (file.error) {
        CHECK(file.error->kind == memory.error->kind);
        CHECK(file.error->message == memory.error->message);
    }
}

} // namespace

TEST_CASE("a file read ahead gives the frames the same bytes in memory give") {
    std::vector<std::uint32_t> sizes;
    const std::vector<std::uint8_t> data = mixed_capture(sizes);
    REQUIRE(data.size() > 10 * ReadAhead::k_chunk);
    const TempFile file("mixed.pcap", data);
    const ReadResult from_file = read_all(open_capture_file(file.path.string()));
    const ReadResult from_memory = read_all(open_capture_memory(Bytes(data), file.path.string()));
    CHECK_FALSE(from_file.error);
    REQUIRE(from_file.frames.size() == sizes.size());
    for (std::uint32_t i = 0; i < sizes.size(); ++i) {
        CAPTURE(i);
        const FrameCopy& f = from_file.frames[i];
        REQUIRE(f.bytes.size() == sizes[i]);
        CHECK(f.bytes.front() == i % 251);
        CHECK(f.bytes.back() == (i + sizes[i] - 1) % 251);
    }
    check_same(from_file, from_memory);

    SUBCASE("gzip, inflated on the read-ahead thread") {
        const TempFile gz("mixed.pcap.gz", gzip(data));
        check_same(read_all(open_capture_file(gz.path.string())),
                   read_all(open_capture_memory(Bytes(data), gz.path.string())));
    }
}

TEST_CASE("a file of exactly whole chunks ends cleanly") {
    // Header (24 bytes) + records filling two chunks to the byte: the third chunk the thread reads is empty.
    std::vector<std::uint8_t> data = pcap_header();
    std::uint32_t i = 0;
    while (data.size() + k_record_header + 1500 < 2 * ReadAhead::k_chunk)
        put_record(data, 1, i, 1500, i), ++i;
    put_record(data, 1, i, static_cast<std::uint32_t>(2 * ReadAhead::k_chunk - data.size() - k_record_header),
               i);
    REQUIRE(data.size() == 2 * ReadAhead::k_chunk);
    const TempFile file("whole.pcap", data);
    const ReadResult r = read_all(open_capture_file(file.path.string()));
    CHECK_FALSE(r.error);
    CHECK(r.frames.size() == i + 1);
    check_same(r, read_all(open_capture_memory(Bytes(data), file.path.string())));
}

TEST_CASE("a file cut inside a record after several chunks: the same frames and truncation as in memory") {
    std::vector<std::uint32_t> sizes;
    std::vector<std::uint8_t> data = mixed_capture(sizes);
    for (std::size_t cut : {3 * ReadAhead::k_chunk + 10, 7 * ReadAhead::k_chunk, data.size() - 1}) {
        CAPTURE(cut);
        const std::vector<std::uint8_t> head(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(cut));
        const TempFile file("cut.pcap", head);
        const ReadResult r = read_all(open_capture_file(file.path.string()));
        REQUIRE(r.error);
        CHECK(r.error->kind == SourceErrorKind::truncated);
        CHECK_FALSE(r.frames.empty());
        check_same(r, read_all(open_capture_memory(Bytes(head), file.path.string())));
    }
}

TEST_CASE("a pipe is read without a thread: an error returns while its writer still holds it open") {
    const auto fifo = std::filesystem::temp_directory_path() /
                      ("isoprobe-test-read-ahead-" + std::to_string(::getpid()) + ".fifo");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // A pcap header, then a record whose captured length is impossible; the writer keeps the pipe open until
    // the reader is done (at most 10 s), so a reader that waited for the end of the pipe would take that
    // long.
    std::vector<std::uint8_t> data = pcap_header();
    put_u32(data, 1);
    put_u32(data, 0);
    put_u32(data, 300000);
    put_u32(data, 300000);
    std::promise<void> reader_done;
    std::thread writer([&, done = reader_done.get_future()] {
        const int fd = ::open(fifo.c_str(), O_WRONLY);
        if (fd < 0) return;
        [[maybe_unused]] auto n = ::write(fd, data.data(), data.size());
        done.wait_for(std::chrono::seconds(10));
        ::close(fd);
    });
    const auto start = std::chrono::steady_clock::now();
    const ReadResult r = read_all(open_capture_file(fifo.string()));
    const auto took = std::chrono::steady_clock::now() - start;
    reader_done.set_value();
    writer.join();
    std::filesystem::remove(fifo);
    REQUIRE(r.error);
    CHECK(r.error->kind == SourceErrorKind::corrupt);
    CHECK(took < std::chrono::seconds(5));
}

TEST_CASE("the read-ahead thread leaves SIGINT and SIGTERM to the thread that handles them") {
    std::vector<std::uint32_t> sizes;
    const TempFile file("signals.pcap", mixed_capture(sizes));
    auto source = open_capture_file(file.path.string());
    REQUIRE(source);
    // SigBlk in /proc/self/task/TID/status (proc(5)): bit N-1 for signal N.
    const std::uint64_t stop_signals =
        (std::uint64_t{1} << (SIGINT - 1)) | (std::uint64_t{1} << (SIGTERM - 1));
    int blocking = 0, threads = 0;
    bool main_blocks = true;
    for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
        std::ifstream status(task.path() / "status");
        std::uint64_t blocked = 0;
        for (std::string line; std::getline(status, line);)
            if (line.rfind("SigBlk:", 0) == 0) blocked = std::stoull(line.substr(7), nullptr, 16);
        ++threads;
        const bool blocks = (blocked & stop_signals) == stop_signals;
        if (task.path().filename() == std::to_string(::getpid()))
            main_blocks = blocks;
        else if (blocks)
            ++blocking;
    }
    CHECK(threads >= 2);
    CHECK(blocking >= 1);
    CHECK_FALSE(main_blocks);
}
