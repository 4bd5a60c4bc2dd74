// TCP header (RFC 9293 3.1).
#pragma once
#include <cstdint>

#include "parse/error.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::parse {

inline constexpr std::uint8_t k_tcp_fin = 0x01, k_tcp_syn = 0x02, k_tcp_rst = 0x04, k_tcp_psh = 0x08,
                              k_tcp_ack = 0x10;

struct TcpHeader {
    std::uint16_t sport = 0, dport = 0;
    std::uint8_t flags = 0; // CWR ECE URG ACK PSH RST SYN FIN
    Bytes payload;
};

// Truncated below 20 bytes or below the data offset; bad length when the data offset is below 5 words.
Expected<TcpHeader, ParseError> parse_tcp(Bytes segment);

} // namespace isoprobe::parse
