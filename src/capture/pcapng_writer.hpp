// Serialises a live run as pcapng (draft-ietf-opsawg-pcapng): one Ethernet interface block per captured
// interface, one enhanced packet block per frame, in the order given. This file is the evidence an auditor
// attaches.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "util/bytes.hpp"

namespace isoprobe::capture {

class PcapngWriter {
  public:
    explicit PcapngWriter(const std::vector<std::string>& interface_names);
    void add(std::uint32_t interface, std::int64_t ts_ns, std::uint32_t orig_len, Bytes bytes);
    const std::string& bytes() const { return m_out; }

  private:
    void block(std::uint32_t type, const std::string& body);
    std::string m_out;
};

} // namespace isoprobe::capture
