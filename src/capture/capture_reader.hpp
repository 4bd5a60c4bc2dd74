// What the pcap and pcapng readers share: the input buffer, the frame handed out, stats and error wording.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "capture/input_buffer.hpp"
#include "capture/source.hpp"

namespace isoprobe::capture {

// A frame larger than this is a corrupt length field, not a packet (libpcap's largest snaplen is 256 KiB).
constexpr std::uint32_t k_max_frame = 256 * 1024;

class CaptureReader : public FrameSource {
  public:
    CaptureReader(InputBuffer in, std::string name, std::uint64_t first_number)
        : m_in(std::move(in)), m_name(std::move(name)), m_next_number(first_number) {}

    const SourceStats& stats() const override { return m_stats; }
    std::string name() const override { return m_name; }

  protected:
    using Result = Expected<const Frame*, SourceError>;

    // Fills the one frame handed out, numbers and counts it.
    const Frame* emit(std::int64_t ts_ns, std::uint32_t link_type, std::uint32_t interface,
                      std::uint32_t orig_len, Bytes bytes) {
        m_frame.number = m_next_number++;
        m_frame.ts_ns = ts_ns;
        m_frame.link_type = link_type;
        m_frame.interface = interface;
        m_frame.orig_len = orig_len;
        m_frame.bytes = bytes;
        ++m_stats.frames;
        m_stats.bytes += bytes.size();
        if (link_type != m_last_link_type) note_link_type(link_type);
        return &m_frame;
    }
    std::uint64_t next_number() const noexcept { return m_next_number; }

    SourceError error(SourceErrorKind kind, std::string_view what) const;
    // After ensure(needed) failed: the stream's own error, or a truncation of `what`.
    SourceError short_input(std::string_view what, std::uint64_t needed) const;
    // After ensure() failed at a record boundary: true when the input simply ended there.
    bool clean_end() const noexcept { return m_in.available() == 0 && !m_in.error(); }

    InputBuffer m_in;
    SourceStats m_stats;

  private:
    void note_link_type(std::uint32_t link_type);

    Frame m_frame;
    std::string m_name;
    std::uint64_t m_next_number;
    std::uint32_t m_last_link_type = UINT32_MAX; // link types are 16 bits: never matches
};

// "0x0a0d0d0a": magic numbers in messages.
std::string hex32(std::uint32_t value);

// Readers for each format, given a buffer positioned at the format's magic.
Expected<std::unique_ptr<FrameSource>, SourceError> open_pcap(InputBuffer in, std::string name,
                                                              std::uint64_t first_number);
Expected<std::unique_ptr<FrameSource>, SourceError> open_pcapng(InputBuffer in, std::string name,
                                                                std::uint64_t first_number);

} // namespace isoprobe::capture
