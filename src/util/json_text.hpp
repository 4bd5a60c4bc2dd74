// Strings from the OS and the network in JSON: JSON text must be UTF-8, and these need not be
// (docs/report.md).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace isoprobe {

// Sets j[key] to the escaped text of `raw` (json_safe, util/escape.hpp) and, when that is not `raw` itself,
// j[key + "_hex"] to its exact bytes: file names, interface and host names need not be UTF-8.
void put_name(nlohmann::ordered_json& j, const std::string& key, std::string_view raw);

// Like put_name for a list of names: j[key + "_hex"] (one hex string per name) only when some name needs it.
void put_names(nlohmann::ordered_json& j, const std::string& key, const std::vector<std::string>& raw);

// Serialises `j` (indent < 0: one line). A string that is not UTF-8 (a sentence quoting a file name, say)
// gets its bad bytes as \xNN first, so that no report is lost to nlohmann's type_error 316; the replacement
// character is only the last line of defence, for object keys.
std::string dump_json(nlohmann::ordered_json j, int indent = -1);

} // namespace isoprobe
