// Golden tests: every case of tests/golden/cases.txt ("name capture [args]", as tests/golden/cases.py reads
// it) runs the inspect analysis on captures/<capture> and compares the JSON report with
// tests/expected/<name>.json field by field. The expected files are reviewed by hand and cross-checked
// against tshark (tests/golden/crosscheck_tshark.py).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyze/inspect.hpp"
#include "analyze/inventory.hpp"
#include "cli/parse_args.hpp"
#include "report/json.hpp"

using nlohmann::ordered_json;

namespace {

struct Case {
    std::string name;
    std::vector<std::string> captures;
    isoprobe::analyze::RoleHints hints;
    std::string
        inventory; // relative to the repository, as tools/update-golden passes it; empty without --inventory
};

// tests/golden/cases.py parsed tests/golden/cases.txt into this JSON at build time.
std::vector<Case> load_cases() {
    std::ifstream in(ISOPROBE_GOLDEN_CASES);
    REQUIRE_MESSAGE(in.good(), "missing " ISOPROBE_GOLDEN_CASES " (built by tests/golden/cases.py)");
    std::vector<Case> out;
    for (const auto& j : nlohmann::json::parse(in)) {
        Case c;
        c.name = j.at("name").get<std::string>();
        c.captures = j.at("captures").get<std::vector<std::string>>();
        c.hints = isoprobe::cli::parse_role_hints(
            j.at("self_mac").get<std::string>(), j.at("infra").get<std::vector<std::string>>(),
            j.at("gateways").get<std::vector<std::string>>(), j.at("subnet").get<std::string>());
        c.inventory = j.at("inventory").get<std::string>();
        out.push_back(std::move(c));
    }
    return out;
}

// Lists every difference as "path: expected X, got Y", so a failing case says exactly which fact changed.
void diff(const ordered_json& want, const ordered_json& got, const std::string& path,
          std::vector<std::string>& out) {
    if (want.is_number() && got.is_number()) {
        // Parsed files hold unsigned numbers, the renderer signed ones: compare values, not storage types.
        if (want != got) out.push_back(path + ": expected " + want.dump() + ", got " + got.dump());
    } else if (want.type() != got.type()) {
        out.push_back(path + ": expected " + want.dump() + ", got " + got.dump());
    } else if (want.is_object()) {
        for (const auto& [k, v] : want.items())
            if (!got.contains(k))
                out.push_back(path + "/" + k + ": missing");
            else
                diff(v, got.at(k), path + "/" + k, out);
        for (const auto& [k, v] : got.items())
            if (!want.contains(k)) out.push_back(path + "/" + k + ": unexpected " + v.dump());
    } else if (want.is_array()) {
        if (want.size() != got.size())
            out.push_back(path + ": expected " + std::to_string(want.size()) + " items, got " +
                          std::to_string(got.size()));
        for (std::size_t i = 0; i < std::min(want.size(), got.size()); ++i)
            diff(want[i], got[i], path + "/" + std::to_string(i), out);
    } else if (want != got) {
        out.push_back(path + ": expected " + want.dump() + ", got " + got.dump());
    }
}

} // namespace

TEST_CASE("golden reports match tests/expected") {
    auto cases = load_cases();
    REQUIRE(cases.size() > 0);
    // Relative paths, as tools/update-golden runs them: they appear in the report (capture.files, truncated).
    std::filesystem::current_path(ISOPROBE_SOURCE_DIR);
    for (const auto& c : cases) {
        SUBCASE(c.name.c_str()) {
            std::vector<std::string> paths;
            for (const auto& cap : c.captures)
                paths.push_back("captures/" + cap);
            std::shared_ptr<const isoprobe::analyze::Inventory> inventory;
            if (!c.inventory.empty()) {
                std::ifstream inv_file(c.inventory);
                std::stringstream inv_text;
                inv_text << inv_file.rdbuf();
                auto inv = isoprobe::analyze::parse_inventory(inv_text.str());
                REQUIRE_MESSAGE(inv.has_value(), (inv ? "" : inv.error()));
                inventory = std::make_shared<const isoprobe::analyze::Inventory>(std::move(inv.value()));
            }
            auto rep = isoprobe::analyze::inspect_files(paths, c.hints, {}, inventory);
            REQUIRE_MESSAGE(rep.has_value(), (rep ? "" : rep.error()));
            auto got = isoprobe::report::to_json(rep.value());
            got["tool"]["version"] = "*";
            std::ifstream in(std::string(ISOPROBE_SOURCE_DIR) + "/tests/expected/" + c.name + ".json");
            REQUIRE_MESSAGE(in.good(), "missing tests/expected/" << c.name << ".json (tools/update-golden "
                                                                 << c.name << ")");
            auto want = ordered_json::parse(in);
            std::vector<std::string> diffs;
            diff(want, got, "", diffs);
            std::string all;
            for (const auto& d : diffs)
                all += "\n  " + d;
            CHECK_MESSAGE(diffs.empty(),
                          c.name << " differs from tests/expected/" << c.name << ".json:" << all);
        }
    }
}
