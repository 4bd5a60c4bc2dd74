// Frame sources: capture files (pcap/pcapng, plain or gzip, detected by magic) and, later, live interfaces.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "capture/frame.hpp"
#include "util/expected.hpp"

namespace isoprobe::capture {

struct SourceError {
    std::string message; // one line, names the file and what is wrong with it
};

struct SourceStats {
    std::uint64_t frames = 0;
    std::uint64_t bytes = 0;
    std::uint64_t dropped = 0; // from pcap stats (live) or pcapng ISB ifdrop (files), when known
    bool drops_known = false;
    std::vector<std::uint32_t> link_types; // distinct, in order of first appearance
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
Expected<std::unique_ptr<FrameSource>, SourceError> open_capture_file(const std::string& path,
                                                                      std::uint64_t first_number = 1);

} // namespace isoprobe::capture
