// SHA-256 (OpenSSL's EVP) for the evidence an auditor signs: the SHA256SUMS of an audit directory, the
// capture's and the config file's digests in the report, and `isoprobe verify`.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "util/expected.hpp"

namespace isoprobe {

// 64 lowercase hex digits, as sha256sum prints them.
std::string sha256_hex(std::string_view data);
// The digest of a file, read in pieces (a capture may be gigabytes), or one line naming the path and the
// reason.
Expected<std::string, std::string> sha256_file(const std::string& path);

// One line of a SHA256SUMS file.
struct SumLine {
    std::string digest; // lowercase hex
    std::string name;
};
// The lines of a file in `sha256sum`'s format ("<64 hex digits>  <name>", or " *<name>" for its binary
// mode); the first line that is not (sha256sum's backslash-escaped names included) is the error, by number.
Expected<std::vector<SumLine>, std::string> parse_sha256sums(std::string_view text);

} // namespace isoprobe
