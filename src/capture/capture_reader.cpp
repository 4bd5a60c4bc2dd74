// Shared wording of capture errors and link-type bookkeeping for the pcap and pcapng readers.
#include "capture/capture_reader.hpp"

#include <algorithm>

namespace isoprobe::capture {

SourceError CaptureReader::error(SourceErrorKind kind, std::string_view what) const {
    return SourceError{m_name + ": " + std::string(what), kind};
}

SourceError CaptureReader::short_input(std::string_view what, std::uint64_t needed) const {
    if (const auto& e = m_in.error()) return error(e->kind, e->what);
    return error(SourceErrorKind::truncated, "truncated: " + std::string(what) + " needs " +
                                                 std::to_string(needed) + " bytes, " +
                                                 std::to_string(m_in.available()) + " left");
}

std::string hex32(std::uint32_t value) {
    static constexpr char k_digits[] = "0123456789abcdef";
    std::string s = "0x";
    for (int shift = 28; shift >= 0; shift -= 4)
        s += k_digits[(value >> shift) & 0xf];
    return s;
}

void CaptureReader::note_link_type(std::uint32_t link_type) {
    m_last_link_type = link_type;
    auto& seen = m_stats.link_types;
    if (std::find(seen.begin(), seen.end(), link_type) == seen.end()) seen.push_back(link_type);
}

} // namespace isoprobe::capture
