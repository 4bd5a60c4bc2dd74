// The per-run marker every probe frame carries ("isoprobe-<run token>-<probe id>", ASCII so that it fits in
// ICMP data, UDP payloads, DNS labels, HTTP headers and Ethernet padding alike): the sentinel proves a frame
// is ours.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "util/bytes.hpp"

namespace isoprobe::probe {

class Marker {
  public:
    static Marker random(); // 64 random bits from the kernel
    explicit Marker(std::uint64_t run_token) : m_prefix(make_prefix(run_token)) {}

    std::string text(std::uint32_t probe_id) const; // 34 characters
    // The probe id of the first marker of this run in `frame`, if any.
    std::optional<std::uint32_t> find(Bytes frame) const;
    const std::string& prefix() const { return m_prefix; }

  private:
    static std::string make_prefix(std::uint64_t token);
    std::string m_prefix; // "isoprobe-0123456789abcdef-"
};

} // namespace isoprobe::probe
