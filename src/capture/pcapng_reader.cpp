// The pcapng file format (draft-ietf-opsawg-pcapng, sections 3-4): SHB, IDB, EPB, SPB, ISB and the obsolete
// PB.
#include <optional>
#include <vector>

#include "capture/capture_reader.hpp"

namespace isoprobe::capture {
namespace {

// Block types (section 11.1).
constexpr std::uint32_t k_section_header = 0x0a0d0d0a;
constexpr std::uint32_t k_interface_description = 1;
constexpr std::uint32_t k_packet_obsolete = 2;
constexpr std::uint32_t k_simple_packet = 3;
constexpr std::uint32_t k_interface_statistics = 5;
constexpr std::uint32_t k_enhanced_packet = 6;

constexpr std::uint32_t k_byte_order_magic = 0x1a2b3c4d;
constexpr std::uint32_t k_min_block = 12; // type, length, trailing length
// Room for the largest frame plus headers and options; any longer block we must parse is corrupt.
constexpr std::uint32_t k_max_block = k_max_frame + 64 * 1024;

// Option codes (sections 4.2, 4.6).
constexpr std::uint16_t k_opt_end = 0;
constexpr std::uint16_t k_if_tsresol = 9;
constexpr std::uint16_t k_if_tsoffset = 14;
constexpr std::uint16_t k_isb_ifdrop = 5;

constexpr std::uint64_t k_ns_per_s = 1'000'000'000;

// Timestamp units of an interface (if_tsresol, section 4.2): 10^-k or 2^-k seconds, microseconds by default.
// Unsigned arithmetic throughout: garbage timestamps wrap instead of overflowing.
struct TsScale {
    std::uint64_t mul = 1000; // decimal, k <= 9
    std::uint64_t div = 1;    // decimal, k > 9
    unsigned shift = 0;       // binary
    bool binary = false;

    std::uint64_t to_ns(std::uint64_t units) const noexcept {
        if (!binary) return div == 1 ? units * mul : units / div;
        const std::uint64_t seconds = units >> shift;
        const std::uint64_t fraction = units - (seconds << shift);
        // Keep fraction * 10^9 within 64 bits by first dropping bits finer than 2^-30 s (under a nanosecond).
        const std::uint64_t fraction_ns =
            shift <= 30 ? (fraction * k_ns_per_s) >> shift : ((fraction >> (shift - 30)) * k_ns_per_s) >> 30;
        return seconds * k_ns_per_s + fraction_ns;
    }
};

struct Interface {
    std::uint32_t link_type = 0;
    std::uint32_t snaplen = 0;
    TsScale scale;
    std::uint64_t offset_ns = 0; // if_tsoffset
    std::uint64_t ifdrop = 0;    // latest isb_ifdrop: the counters are cumulative

    std::int64_t ts_ns(std::uint32_t high, std::uint32_t low) const noexcept {
        return static_cast<std::int64_t>(scale.to_ns((std::uint64_t{high} << 32) | low) + offset_ns);
    }
};

std::string block_at(std::uint64_t offset) {
    return "block at offset " + std::to_string(offset);
}

class PcapngReader final : public CaptureReader {
  public:
    using CaptureReader::CaptureReader;

    // Reads the section header the buffer starts with.
    std::optional<SourceError> start() { return read_section_header(m_in.offset()); }

    Result next() override {
        for (;;) {
            const std::uint64_t offset = m_in.offset();
            if (!m_in.ensure(k_min_block)) {
                if (clean_end()) return nullptr;
                return unexpected(short_input(block_at(offset), k_min_block));
            }
            ByteReader head(m_in.peek(8));
            const std::uint32_t type =
                u32(head); // the section header's type reads the same in both byte orders
            if (type == k_section_header) {
                if (auto e = read_section_header(offset)) return unexpected(*e);
                continue;
            }
            const std::uint32_t length = u32(head);
            if (auto e = check_length(offset, length)) return unexpected(*e);
            switch (type) {
            case k_enhanced_packet:
            case k_simple_packet:
            case k_packet_obsolete: {
                auto body = read_block(offset, length);
                if (!body) return unexpected(body.error());
                return read_packet(type, offset, *body);
            }
            case k_interface_description: {
                auto body = read_block(offset, length);
                if (!body) return unexpected(body.error());
                if (auto e = read_interface(offset, *body)) return unexpected(*e);
                break;
            }
            case k_interface_statistics: {
                auto body = read_block(offset, length);
                if (!body) return unexpected(body.error());
                if (auto e = read_statistics(offset, *body)) return unexpected(*e);
                break;
            }
            default:
                // Name resolution, decryption secrets, custom and future blocks: nothing we use, skipped by
                // length.
                if (auto e = skip_block(offset, length)) return unexpected(*e);
            }
        }
    }

  private:
    std::uint16_t u16(ByteReader& r) const noexcept { return m_big_endian ? r.u16be() : r.u16le(); }
    std::uint32_t u32(ByteReader& r) const noexcept { return m_big_endian ? r.u32be() : r.u32le(); }
    std::uint64_t u64(ByteReader& r) const noexcept { return m_big_endian ? r.u64be() : r.u64le(); }

    SourceError corrupt(std::uint64_t offset, const std::string& what) const {
        return error(SourceErrorKind::corrupt, block_at(offset) + ": " + what);
    }

    std::optional<SourceError> check_length(std::uint64_t offset, std::uint32_t length) const {
        if (length % 4 != 0)
            return error(SourceErrorKind::corrupt, block_at(offset) + " has length " +
                                                       std::to_string(length) + " (not a multiple of 4)");
        if (length < k_min_block)
            return error(SourceErrorKind::corrupt,
                         block_at(offset) + " has length " + std::to_string(length) + " (less than 12)");
        return std::nullopt;
    }

    // Buffers a whole block we parse, checks its trailing length, and returns what lies between.
    Expected<Bytes, SourceError> read_block(std::uint64_t offset, std::uint32_t length) {
        if (length > k_max_block)
            return unexpected(error(SourceErrorKind::corrupt, block_at(offset) + " has length " +
                                                                  std::to_string(length) + " (more than " +
                                                                  std::to_string(k_max_block) + ")"));
        if (!m_in.ensure(length)) return unexpected(short_input(block_at(offset), length));
        Bytes block = m_in.take(length);
        ByteReader tail(block.subspan(length - 4));
        if (const std::uint32_t trailing = u32(tail); trailing != length)
            return unexpected(corrupt(offset, "trailing length " + std::to_string(trailing) +
                                                  " differs from length " + std::to_string(length)));
        return block.subspan(8, length - k_min_block);
    }

    std::optional<SourceError> skip_block(std::uint64_t offset, std::uint32_t length) {
        const std::uint64_t body = length - 4;
        if (const std::uint64_t skipped = m_in.skip(body); skipped < body) {
            if (const auto& e = m_in.error()) return error(e->kind, e->what);
            return error(SourceErrorKind::truncated, "truncated: " + block_at(offset) + " needs " +
                                                         std::to_string(length) + " bytes, " +
                                                         std::to_string(skipped) + " left");
        }
        if (!m_in.ensure(4)) return short_input(block_at(offset) + " trailing length", 4);
        ByteReader tail(m_in.take(4));
        if (const std::uint32_t trailing = u32(tail); trailing != length)
            return corrupt(offset, "trailing length " + std::to_string(trailing) + " differs from length " +
                                       std::to_string(length));
        return std::nullopt;
    }

    std::optional<SourceError> read_section_header(std::uint64_t offset) {
        if (!m_in.ensure(k_min_block))
            return short_input("section header at offset " + std::to_string(offset), 12);
        ByteReader head(m_in.peek(k_min_block));
        head.skip(8);
        const std::uint32_t magic = head.u32le();
        if (magic != k_byte_order_magic && magic != 0x4d3c2b1a) {
            return error(SourceErrorKind::corrupt, "section header at offset " + std::to_string(offset) +
                                                       " has byte-order magic " + hex32(magic));
        }
        m_big_endian = magic != k_byte_order_magic;
        ByteReader length_field(m_in.peek(8).subspan(4));
        const std::uint32_t length = u32(length_field);
        if (auto e = check_length(offset, length)) return e;
        auto body = read_block(offset, length);
        if (!body) return body.error();
        ByteReader r(*body);
        r.skip(4);
        const std::uint16_t major = u16(r);
        const std::uint16_t minor = u16(r);
        if (!r.skip(8))
            return corrupt(offset, "section header of length " + std::to_string(length) + " is too short");
        if (major != 1)
            return error(SourceErrorKind::not_capture,
                         "unsupported pcapng version " + std::to_string(major) + "." + std::to_string(minor));
        // Interface ids restart in every section; keep the drops counted so far.
        m_earlier_drops += m_section_drops;
        m_section_drops = 0;
        m_interfaces.clear();
        return std::nullopt;
    }

    // Calls f(code, value) for each option; false when one overruns the block.
    template <class F> bool for_each_option(ByteReader& r, F&& f) const {
        while (r.remaining() >= 4) {
            const std::uint16_t code = u16(r);
            const std::uint16_t length = u16(r);
            if (code == k_opt_end) break;
            Bytes value = r.take(length);
            if (r.failed()) return false;
            r.skip(std::min<std::size_t>((4u - length % 4u) % 4u, r.remaining()));
            f(code, value);
        }
        return true;
    }

    std::optional<SourceError> read_interface(std::uint64_t offset, Bytes body) {
        ByteReader r(body);
        Interface i;
        i.link_type = u16(r);
        r.skip(2);
        i.snaplen = u32(r);
        if (r.failed()) return corrupt(offset, "interface description is too short");
        std::optional<std::uint8_t> tsresol;
        const bool options_ok = for_each_option(r, [&](std::uint16_t code, Bytes value) {
            ByteReader v(value);
            if (code == k_if_tsresol && value.size() >= 1) tsresol = v.u8();
            if (code == k_if_tsoffset && value.size() == 8) i.offset_ns = u64(v) * k_ns_per_s;
        });
        if (!options_ok) return corrupt(offset, "an interface option overruns the block");
        if (tsresol) {
            const unsigned exponent = *tsresol & 0x7fu;
            i.scale.binary = (*tsresol & 0x80) != 0;
            // 10^19 and 2^63 are the finest units a 64-bit count can hold.
            if (exponent > (i.scale.binary ? 63u : 19u))
                return corrupt(offset, "interface has if_tsresol " + std::to_string(*tsresol) +
                                           ", finer than we read");
            if (i.scale.binary) {
                i.scale.shift = exponent;
            } else {
                i.scale.mul = exponent <= 9 ? pow10(9 - exponent) : 1;
                i.scale.div = exponent <= 9 ? 1 : pow10(exponent - 9);
            }
        }
        m_interfaces.push_back(i);
        return std::nullopt;
    }

    static std::uint64_t pow10(unsigned n) {
        std::uint64_t v = 1;
        while (n-- > 0)
            v *= 10;
        return v;
    }

    std::optional<SourceError> read_statistics(std::uint64_t offset, Bytes body) {
        ByteReader r(body);
        const std::uint32_t id = u32(r);
        if (!r.skip(8)) return corrupt(offset, "interface statistics are too short");
        if (id >= m_interfaces.size()) return no_such_interface(offset, id);
        std::optional<std::uint64_t> ifdrop;
        const bool options_ok = for_each_option(r, [&](std::uint16_t code, Bytes value) {
            ByteReader v(value);
            if (code == k_isb_ifdrop && value.size() == 8) ifdrop = u64(v);
        });
        if (!options_ok) return corrupt(offset, "a statistics option overruns the block");
        if (ifdrop) {
            // A running total, not a sum over the interfaces at each block: that is quadratic, 107 s of CPU
            // for a file of 300,000 interfaces each with its statistics.
            Interface& i = m_interfaces[id];
            m_section_drops += *ifdrop - i.ifdrop; // modulo 2^64, like the sum it keeps
            i.ifdrop = *ifdrop;
            m_stats.drops_known = true;
            m_stats.dropped = m_earlier_drops + m_section_drops;
        }
        return std::nullopt;
    }

    SourceError no_such_interface(std::uint64_t offset, std::uint32_t id) const {
        return corrupt(offset, "refers to interface " + std::to_string(id) + " but the section describes " +
                                   std::to_string(m_interfaces.size()));
    }

    Result read_packet(std::uint32_t type, std::uint64_t offset, Bytes body) {
        ByteReader r(body);
        std::uint32_t id = 0;
        std::uint32_t high = 0;
        std::uint32_t low = 0;
        std::uint32_t captured = 0;
        std::uint32_t original = 0;
        if (type == k_simple_packet) {
            original = u32(r);
            // No captured length of its own (section 4.4): the smaller of the wire length, the block and the
            // snaplen.
            captured = static_cast<std::uint32_t>(std::min<std::size_t>(original, r.remaining()));
            if (!m_interfaces.empty() && m_interfaces[0].snaplen != 0)
                captured = std::min(captured, m_interfaces[0].snaplen);
        } else {
            id = type == k_enhanced_packet ? u32(r) : u16(r);
            if (type == k_packet_obsolete) r.skip(2); // drops_count
            high = u32(r);
            low = u32(r);
            captured = u32(r);
            original = u32(r);
        }
        if (r.failed()) return unexpected(corrupt(offset, "packet block is too short"));
        if (id >= m_interfaces.size()) return unexpected(no_such_interface(offset, id));
        if (captured > k_max_frame)
            return unexpected(error(SourceErrorKind::corrupt,
                                    "frame " + std::to_string(next_number()) + " has captured length " +
                                        std::to_string(captured) + " (more than 256 KiB)"));
        Bytes data = r.take(captured);
        if (r.failed())
            return unexpected(
                corrupt(offset, "captured length " + std::to_string(captured) + " overruns the block"));
        const Interface& i = m_interfaces[id];
        // A simple packet block has no timestamp: 0, as tshark shows it.
        const std::int64_t ts = type == k_simple_packet ? 0 : i.ts_ns(high, low);
        return emit(ts, i.link_type, id, original, data);
    }

    std::vector<Interface> m_interfaces; // of the current section
    std::uint64_t m_earlier_drops = 0;   // ifdrop of earlier sections' interfaces
    std::uint64_t m_section_drops = 0;   // latest ifdrop of each of this section's interfaces, summed
    bool m_big_endian = false;
};

} // namespace

Expected<std::unique_ptr<FrameSource>, SourceError> open_pcapng(InputBuffer in, std::string name,
                                                                std::uint64_t first_number) {
    auto reader = std::make_unique<PcapngReader>(std::move(in), std::move(name), first_number);
    if (auto e = reader->start()) return unexpected(*e);
    return std::unique_ptr<FrameSource>(std::move(reader));
}

} // namespace isoprobe::capture
