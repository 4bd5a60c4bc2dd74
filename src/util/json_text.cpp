#include "util/json_text.hpp"

#include "util/escape.hpp"

namespace isoprobe {

using nlohmann::ordered_json;

void put_name(ordered_json& j, const std::string& key, std::string_view raw) {
    std::string text = json_safe(raw);
    const bool escaped = text != raw;
    j[key] = std::move(text);
    if (escaped) j[key + "_hex"] = hex_string(raw);
}

void put_names(ordered_json& j, const std::string& key, const std::vector<std::string>& raw) {
    ordered_json texts = ordered_json::array(), hexes = ordered_json::array();
    bool any_escaped = false;
    for (const auto& name : raw) {
        texts.push_back(json_safe(name));
        any_escaped = any_escaped || texts.back() != name;
        hexes.push_back(hex_string(name));
    }
    j[key] = std::move(texts);
    if (any_escaped) j[key + "_hex"] = std::move(hexes);
}

namespace {
void make_utf8(ordered_json& j) {
    if (j.is_string()) {
        auto& s = j.get_ref<std::string&>();
        if (!is_utf8(s)) s = utf8_safe(s);
    } else if (j.is_structured()) {
        for (auto& item : j)
            make_utf8(item);
    }
}
} // namespace

std::string dump_json(ordered_json j, int indent) {
    make_utf8(j);
    return j.dump(indent, ' ', false, ordered_json::error_handler_t::replace);
}

} // namespace isoprobe
