#include "capture/pcapng_writer.hpp"

namespace isoprobe::capture {

namespace {
void u16(std::string& s, std::uint16_t v) {
    s.append(reinterpret_cast<const char*>(&v), 2);
}
void u32(std::string& s, std::uint32_t v) {
    s.append(reinterpret_cast<const char*>(&v), 4);
}
void pad4(std::string& s) {
    s.append((4 - s.size() % 4) % 4, '\0');
}
void option(std::string& s, std::uint16_t code, const std::string& value) {
    u16(s, code);
    u16(s, static_cast<std::uint16_t>(value.size()));
    s += value;
    pad4(s);
}
} // namespace

PcapngWriter::PcapngWriter(const std::vector<std::string>& interface_names) {
    // Written in host byte order, as the format allows; readers use the byte-order magic.
    std::string shb;
    u32(shb, 0x1a2b3c4d);
    u16(shb, 1);
    u16(shb, 0);
    u32(shb, 0xffffffff); // section length unknown
    u32(shb, 0xffffffff);
    option(shb, 4, "isoprobe " ISOPROBE_VERSION); // shb_userappl
    u32(shb, 0);                                  // opt_endofopt
    block(0x0a0d0d0a, shb);
    for (const auto& name : interface_names) {
        std::string idb;
        u16(idb, 1); // LINKTYPE_ETHERNET
        u16(idb, 0);
        u32(idb, 0);                            // no snaplen limit
        option(idb, 2, name);                   // if_name
        option(idb, 9, std::string(1, '\x09')); // if_tsresol: nanoseconds
        u32(idb, 0);
        block(1, idb);
    }
}

void PcapngWriter::add(std::uint32_t interface, std::int64_t ts_ns, std::uint32_t orig_len, Bytes bytes) {
    std::string epb;
    auto ts = static_cast<std::uint64_t>(ts_ns);
    u32(epb, interface);
    u32(epb, static_cast<std::uint32_t>(ts >> 32));
    u32(epb, static_cast<std::uint32_t>(ts));
    u32(epb, static_cast<std::uint32_t>(bytes.size()));
    u32(epb, orig_len);
    epb.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    pad4(epb);
    block(6, epb);
}

void PcapngWriter::block(std::uint32_t type, const std::string& body) {
    auto total = static_cast<std::uint32_t>(body.size() + 12);
    u32(m_out, type);
    u32(m_out, total);
    m_out += body;
    u32(m_out, total);
}

} // namespace isoprobe::capture
