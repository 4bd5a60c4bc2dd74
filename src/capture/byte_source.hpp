// Byte streams under the capture readers: a file, memory, or a gzip stream (RFC 1952) over either.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "capture/source.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::capture {

// A stream failure; the reader prefixes the capture's name to `what`.
struct StreamError {
    SourceErrorKind kind = SourceErrorKind::read_error;
    std::string what;
};

// A forward-only stream of bytes. The readers call it only to refill a large buffer, never once per frame.
class ByteSource {
  public:
    virtual ~ByteSource() = default;
    // Reads up to dst.size() bytes: how many (0 only at the end of input), or why it cannot.
    virtual Expected<std::size_t, StreamError> read(std::span<std::uint8_t> dst) = 0;
    // Bytes left when known up front (0 = unknown), so that small inputs do not get a large buffer.
    virtual std::size_t size_hint() const { return 0; }
    // False when a read may wait for a writer (a pipe, a terminal): such a source is never read ahead on a
    // thread, whose end could then hang on it.
    virtual bool ends_by_itself() const { return false; }
};

Expected<std::unique_ptr<ByteSource>, StreamError> open_file_bytes(const std::string& path);
// `data` must outlive the source.
std::unique_ptr<ByteSource> memory_bytes(Bytes data);
// Decompresses `compressed`, whose first bytes were already read into `prefix` (at most 16 bytes).
std::unique_ptr<ByteSource> gzip_bytes(std::unique_ptr<ByteSource> compressed, Bytes prefix);

} // namespace isoprobe::capture
