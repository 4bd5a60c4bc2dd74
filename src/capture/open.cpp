// Opening a capture: the format is told by magic numbers (pcap, pcapng, gzip per RFC 1952), never by file
// name.
#include <array>

#include "capture/capture_reader.hpp"

namespace isoprobe::capture {
namespace {

using Opened = Expected<std::unique_ptr<FrameSource>, SourceError>;

SourceError named(const std::string& name, const StreamError& e) {
    return SourceError{name + ": " + e.what, e.kind};
}

// `read_ahead`: read the stream on a thread of its own when it ends by itself (a file, not a pipe).
Opened open_stream(std::unique_ptr<ByteSource> raw, std::string name, std::uint64_t first_number,
                   bool read_ahead) {
    // Read the first bytes once: gzip must see them again, so they go back in as a prefix.
    std::array<std::uint8_t, 2> prefix{};
    std::size_t got = 0;
    while (got < prefix.size()) {
        auto n = raw->read(std::span(prefix).subspan(got));
        if (!n) return unexpected(named(name, n.error()));
        if (*n == 0) break;
        got += *n;
    }
    const Bytes head(prefix.data(), got);
    const bool gzip = got == 2 && prefix[0] == 0x1f && prefix[1] == 0x8b;
    read_ahead = read_ahead && raw->ends_by_itself();
    InputBuffer in = gzip ? InputBuffer(gzip_bytes(std::move(raw), head), {}, read_ahead)
                          : InputBuffer(std::move(raw), head, read_ahead);

    if (!in.ensure(4)) {
        if (const auto& e = in.error()) return unexpected(named(name, *e));
        const std::string what = gzip ? "gzip stream" : "file";
        if (in.available() == 0)
            return unexpected(SourceError{name + ": empty " + what + ", not a pcap or pcapng capture",
                                          SourceErrorKind::not_capture});
        return unexpected(SourceError{name + ": not a pcap or pcapng " + what + " (only " +
                                          std::to_string(in.available()) + " bytes)",
                                      SourceErrorKind::not_capture});
    }
    ByteReader r(in.peek(4));
    switch (const std::uint32_t magic = r.u32be()) {
    case 0xd4c3b2a1: // microseconds, little-endian
    case 0xa1b2c3d4: // microseconds, big-endian
    case 0x4d3cb2a1: // nanoseconds, little-endian
    case 0xa1b23c4d: // nanoseconds, big-endian
        return open_pcap(std::move(in), std::move(name), first_number);
    case 0x0a0d0d0a:
        return open_pcapng(std::move(in), std::move(name), first_number);
    default:
        return unexpected(SourceError{name + ": not a pcap or pcapng " +
                                          std::string(gzip ? "gzip stream" : "file") + " (magic " +
                                          hex32(magic) + ")",
                                      SourceErrorKind::not_capture});
    }
}

} // namespace

Opened open_capture_file(const std::string& path, std::uint64_t first_number) {
    auto raw = open_file_bytes(path);
    if (!raw) return unexpected(named(path, raw.error()));
    return open_stream(std::move(*raw), path, first_number, true);
}

Opened open_capture_memory(Bytes data, std::string name, std::uint64_t first_number) {
    // In memory for fuzzers and tests: no thread, so that runs stay deterministic and cheap.
    return open_stream(memory_bytes(data), std::move(name), first_number, false);
}

} // namespace isoprobe::capture
