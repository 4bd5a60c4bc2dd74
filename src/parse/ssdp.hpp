// SSDP over HTTPU (UPnP Device Architecture 2.0, 1.3.3): search responses are HTTP "200 OK" status lines.
#pragma once
#include "util/bytes.hpp"

namespace isoprobe::parse {

// True when the message is a search response ("HTTP/1.1 200"); false for M-SEARCH, NOTIFY and anything else.
bool is_ssdp_response(Bytes message);

} // namespace isoprobe::parse
