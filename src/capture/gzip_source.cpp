// A gzip stream (RFC 1952) decompressed on the fly with zlib's inflate, one chunk per read.
#include <climits>
#include <cstring>
#include <vector>
#include <zlib.h>

#include "capture/byte_source.hpp"

namespace isoprobe::capture {
namespace {

constexpr std::size_t k_input_size = std::size_t{256} * 1024;

class GzipBytes final : public ByteSource {
  public:
    GzipBytes(std::unique_ptr<ByteSource> compressed, Bytes prefix)
        : m_in(std::move(compressed)), m_buf(k_input_size) {
        if (!prefix.empty()) std::memcpy(m_buf.data(), prefix.data(), prefix.size()); // data() may be null
        m_z.next_in = m_buf.data();
        m_z.avail_in = static_cast<uInt>(prefix.size());
        m_consumed = prefix.size();
        m_ready = inflateInit2(&m_z, 16 + MAX_WBITS) == Z_OK; // 16: a gzip wrapper, not zlib's
    }
    GzipBytes(const GzipBytes&) = delete;
    GzipBytes& operator=(const GzipBytes&) = delete;
    ~GzipBytes() override {
        if (m_ready) inflateEnd(&m_z);
    }

    bool ends_by_itself() const override { return m_in->ends_by_itself(); }

    Expected<std::size_t, StreamError> read(std::span<std::uint8_t> dst) override {
        if (!m_ready) return unexpected(StreamError{SourceErrorKind::read_error, "cannot start zlib"});
        while (!m_done && !dst.empty()) {
            if (m_z.avail_in == 0 && !m_in_eof) {
                if (auto r = refill(); !r) return unexpected(r.error());
                continue;
            }
            if (m_member_done && !start_next_member()) {
                if (!m_in_eof && m_z.avail_in < 2) {
                    if (auto r = refill(); !r) return unexpected(r.error());
                    continue;
                }
                m_done = true;
                break;
            }
            m_z.next_out = dst.data();
            m_z.avail_out = static_cast<uInt>(std::min<std::size_t>(dst.size(), UINT_MAX));
            const uInt before = m_z.avail_out;
            int ret = inflate(&m_z, Z_NO_FLUSH);
            const std::size_t produced = before - m_z.avail_out;
            if (ret == Z_STREAM_END) {
                m_member_done = true;
            } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
                return unexpected(
                    StreamError{SourceErrorKind::corrupt,
                                std::string("corrupt gzip stream: ") +
                                    (m_z.msg != nullptr ? m_z.msg : "zlib error " + std::to_string(ret))});
            }
            if (produced > 0) return produced;
            if (!m_member_done && m_z.avail_in == 0 && m_in_eof)
                return unexpected(StreamError{SourceErrorKind::truncated,
                                              "truncated gzip stream: ends after " +
                                                  std::to_string(m_consumed) + " compressed bytes"});
        }
        return std::size_t{0};
    }

  private:
    // RFC 1952 2.2: a gzip file is a series of members. Bytes after a member that start no other member are
    // ignored, as gzip(1) and zlib's gzread do (some writers pad with zeros). False when none follows yet.
    bool start_next_member() {
        if (m_z.avail_in < 2 || m_z.next_in[0] != 0x1f || m_z.next_in[1] != 0x8b) return false;
        inflateReset(&m_z);
        m_member_done = false;
        return true;
    }

    // Keeps unconsumed input at the front and appends what the compressed source gives.
    Expected<std::size_t, StreamError> refill() {
        const std::size_t kept = m_z.avail_in;
        if (kept > 0) std::memmove(m_buf.data(), m_z.next_in, kept);
        auto n = m_in->read(std::span(m_buf).subspan(kept));
        if (!n) return unexpected(n.error());
        if (*n == 0) m_in_eof = true;
        m_consumed += *n;
        m_z.next_in = m_buf.data();
        m_z.avail_in = static_cast<uInt>(kept + *n);
        return *n;
    }

    std::unique_ptr<ByteSource> m_in;
    std::vector<std::uint8_t> m_buf;
    z_stream m_z{};
    std::size_t m_consumed = 0;
    bool m_ready = false;
    bool m_in_eof = false;
    bool m_member_done = false;
    bool m_done = false;
};

} // namespace

std::unique_ptr<ByteSource> gzip_bytes(std::unique_ptr<ByteSource> compressed, Bytes prefix) {
    return std::make_unique<GzipBytes>(std::move(compressed), prefix);
}

} // namespace isoprobe::capture
