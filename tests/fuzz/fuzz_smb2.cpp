// Fuzzes the SMB2 NEGOTIATE response parser: a hostile peer answers our probe with anything.
#include <cstddef>
#include <cstdint>

#include "parse/smb2.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto r = isoprobe::parse::parse_smb2_negotiate_response(isoprobe::Bytes(data, size));
    if (r) (void)isoprobe::parse::smb2_dialect_name(r->dialect);
    return 0;
}
