// Frame sources: capture files (pcap/pcapng, plain or gzip, detected by magic) and, later, live interfaces.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "capture/frame.hpp"
#include "util/expected.hpp"

namespace isoprobe::capture {

// What kind of failure, for callers and tests that must tell them apart without parsing the message.
enum class SourceErrorKind : std::uint8_t {
    cannot_open, // the OS refused: missing file, permission, a directory
    not_capture, // empty, wrong magic or unsupported version: not a capture we read
    truncated,   // the input ends inside a header, record, block or gzip stream
    corrupt,     // a header field or the gzip stream is impossible
    read_error,  // the OS failed while reading
};

struct SourceError {
    std::string message; // one line, names the file and what is wrong with it
    SourceErrorKind kind = SourceErrorKind::corrupt;
};

struct SourceStats {
    std::uint64_t frames = 0;
    std::uint64_t bytes = 0;   // captured bytes, the sum of Frame::bytes sizes
    std::uint64_t dropped = 0; // from pcap stats (live) or pcapng ISB ifdrop (files), when known
    bool drops_known = false;
    std::vector<std::uint32_t> link_types; // distinct, of the frames read, in order of first appearance
};

class FrameSource {
  public:
    virtual ~FrameSource() = default;
    // Next frame, nullptr at a clean end of input, or an error (truncation, corruption).
    virtual Expected<const Frame*, SourceError> next() = 0;
    virtual const SourceStats& stats() const = 0;
    virtual std::string name() const = 0;
};

// Opens a capture file; `first_number` continues frame numbering across several files.
// The format is told by magic bytes, never by name: pcap, pcapng, or either inside gzip.
Expected<std::unique_ptr<FrameSource>, SourceError> open_capture_file(const std::string& path,
                                                                      std::uint64_t first_number = 1);

// The same reader over bytes in memory (fuzzers, tests); `data` must outlive the source.
Expected<std::unique_ptr<FrameSource>, SourceError> open_capture_memory(Bytes data, std::string name,
                                                                        std::uint64_t first_number = 1);

} // namespace isoprobe::capture
