// Helpers shared by the capture tests: read a source to its end, gzip bytes, little-endian builders.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include <zlib.h>

#include "capture/source.hpp"

namespace isoprobe::capture::test {

// A frame copied out of the source (its bytes are only valid until the next call).
struct FrameCopy {
    std::uint64_t number = 0;
    std::int64_t ts_ns = 0;
    std::uint32_t link_type = 0;
    std::uint32_t interface = 0;
    std::uint32_t orig_len = 0;
    std::vector<std::uint8_t> bytes;
    bool operator==(const FrameCopy&) const = default;
};

struct ReadResult {
    std::vector<FrameCopy> frames;
    std::optional<SourceError> error; // from open or from next()
    SourceStats stats;
};

inline ReadResult read_all(Expected<std::unique_ptr<FrameSource>, SourceError> opened) {
    ReadResult out;
    if (!opened) {
        out.error = opened.error();
        return out;
    }
    FrameSource& source = **opened;
    for (;;) {
        auto next = source.next();
        if (!next) {
            out.error = next.error();
            break;
        }
        const Frame* f = *next;
        if (f == nullptr) break;
        out.frames.push_back({f->number, f->ts_ns, f->link_type, f->interface, f->orig_len,
                              std::vector<std::uint8_t>(f->bytes.begin(), f->bytes.end())});
    }
    out.stats = source.stats();
    return out;
}

inline std::string capture_path(const std::string& name) {
    return ISOPROBE_SOURCE_DIR "/captures/" + name;
}

inline ReadResult read_file(const std::string& name, std::uint64_t first_number = 1) {
    return read_all(open_capture_file(capture_path(name), first_number));
}

// One gzip member (RFC 1952) of `data`.
inline std::vector<std::uint8_t> gzip(const std::vector<std::uint8_t>& data) {
    z_stream z{};
    deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::vector<std::uint8_t> out(deflateBound(&z, static_cast<uLong>(data.size())) + 64);
    z.next_in = const_cast<Bytef*>(data.data());
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = out.data();
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

inline void put_u16(std::vector<std::uint8_t>& v, std::uint16_t x) {
    v.push_back(static_cast<std::uint8_t>(x));
    v.push_back(static_cast<std::uint8_t>(x >> 8));
}
inline void put_u32(std::vector<std::uint8_t>& v, std::uint32_t x) {
    put_u16(v, static_cast<std::uint16_t>(x));
    put_u16(v, static_cast<std::uint16_t>(x >> 16));
}

// A little-endian microsecond pcap file header for Ethernet.
inline std::vector<std::uint8_t> pcap_header() {
    std::vector<std::uint8_t> v;
    put_u32(v, 0xa1b2c3d4);
    put_u16(v, 2);
    put_u16(v, 4);
    put_u32(v, 0);
    put_u32(v, 0);
    put_u32(v, 262144);
    put_u32(v, 1);
    return v;
}

// Appends a record whose bytes are (i + k) mod 251, so that every frame's content is checkable.
inline void put_record(std::vector<std::uint8_t>& v, std::uint32_t seconds, std::uint32_t micros,
                       std::uint32_t length, std::uint32_t i) {
    put_u32(v, seconds);
    put_u32(v, micros);
    put_u32(v, length);
    put_u32(v, length);
    for (std::uint32_t k = 0; k < length; ++k)
        v.push_back(static_cast<std::uint8_t>((i + k) % 251));
}

} // namespace isoprobe::capture::test
