// The classic pcap file format (draft-ietf-opsawg-pcap, sections 4-5): micro- or nanosecond, either byte
// order.
#include "capture/capture_reader.hpp"

namespace isoprobe::capture {
namespace {

constexpr std::size_t k_file_header = 24;
constexpr std::size_t k_record_header = 16;

class PcapReader final : public CaptureReader {
  public:
    PcapReader(InputBuffer in, std::string name, std::uint64_t first_number, bool big_endian, bool nanosecond,
               std::uint32_t link_type)
        : CaptureReader(std::move(in), std::move(name), first_number), m_big_endian(big_endian),
          m_frac_to_ns(nanosecond ? 1 : 1000), m_link_type(link_type) {}

    Result next() override {
        if (!m_in.ensure(k_record_header)) {
            if (clean_end()) return nullptr;
            return unexpected(
                short_input("frame " + std::to_string(next_number()) + " header", k_record_header));
        }
        ByteReader r(m_in.take(k_record_header));
        const std::uint64_t seconds = u32(r);
        const std::uint64_t fraction = u32(r);
        const std::uint32_t captured = u32(r);
        const std::uint32_t original = u32(r);
        if (captured > k_max_frame)
            return unexpected(error(SourceErrorKind::corrupt,
                                    "frame " + std::to_string(next_number()) + " has captured length " +
                                        std::to_string(captured) + " (more than 256 KiB)"));
        if (!m_in.ensure(captured))
            return unexpected(short_input("frame " + std::to_string(next_number()), captured));
        m_in.prefetch(captured);
        // Unsigned: the format's seconds are unsigned 32-bit, and a garbage fraction must not overflow a
        // signed value.
        const std::uint64_t ts = seconds * 1'000'000'000u + fraction * m_frac_to_ns;
        return emit(static_cast<std::int64_t>(ts), m_link_type, 0, original, m_in.take(captured));
    }

  private:
    std::uint32_t u32(ByteReader& r) const noexcept { return m_big_endian ? r.u32be() : r.u32le(); }

    bool m_big_endian;
    std::uint64_t m_frac_to_ns;
    std::uint32_t m_link_type;
};

} // namespace

Expected<std::unique_ptr<FrameSource>, SourceError> open_pcap(InputBuffer in, std::string name,
                                                              std::uint64_t first_number) {
    if (!in.ensure(k_file_header)) {
        if (const auto& e = in.error()) return unexpected(SourceError{name + ": " + e->what, e->kind});
        return unexpected(SourceError{name + ": truncated: pcap file header needs 24 bytes, " +
                                          std::to_string(in.available()) + " left",
                                      SourceErrorKind::truncated});
    }
    ByteReader r(in.take(k_file_header));
    const std::uint32_t magic = r.u32le();
    const bool big_endian = magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1;
    const bool nanosecond = magic == 0xa1b23c4d || magic == 0x4d3cb2a1;
    const std::uint16_t major = big_endian ? r.u16be() : r.u16le();
    const std::uint16_t minor = big_endian ? r.u16be() : r.u16le();
    r.skip(8); // thiszone and sigfigs: always zero in practice, and unused by readers
    r.skip(4); // snaplen: the records' own captured lengths are what count
    const std::uint32_t link_field = big_endian ? r.u32be() : r.u32le();
    if (major != 2)
        return unexpected(SourceError{name + ": unsupported pcap version " + std::to_string(major) + "." +
                                          std::to_string(minor),
                                      SourceErrorKind::not_capture});
    // The upper 16 bits carry FCS information (section 4, LinkType and additional information).
    const std::uint32_t link_type = link_field & 0xffff;
    return std::unique_ptr<FrameSource>(std::make_unique<PcapReader>(
        std::move(in), std::move(name), first_number, big_endian, nanosecond, link_type));
}

} // namespace isoprobe::capture
