#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/output.hpp"
#include "util/sha256.hpp"

using namespace isoprobe;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
} // namespace

TEST_CASE("an audit directory gets SHA256SUMS over its capture and reports, in sha256sum's format") {
    char tmpl[] = "/tmp/isoprobe-output-test.XXXXXX";
    REQUIRE(mkdtemp(tmpl) != nullptr);
    const fs::path dir = tmpl;
    {
        // Named inspect: no history database by default, as a test must not write one.
        CLI::App app;
        auto* cmd = app.add_subcommand("inspect");
        cli::Outputs out;
        out.add_options(*cmd);
        app.parse("inspect --operator 'Tanaka Hanako' --note 'ticket #42'", false);
        out.write_into(dir.string(), true);
        out.capture_to((dir / "capture.pcapng").string());
        out.open();
        model::Report r;
        r.command = "audit";
        CHECK(out.emit(r, "the capture's bytes") == static_cast<int>(cli::exit_for(r.verdict)));
    }
    auto sums = parse_sha256sums(slurp(dir / "SHA256SUMS"));
    REQUIRE(sums);
    std::vector<std::string> names;
    for (const auto& line : *sums) {
        names.push_back(line.name);
        CHECK(line.digest == sha256_file((dir / line.name).string()).value());
    }
    CHECK(names == std::vector<std::string>{"capture.pcapng", "report.json", "report.txt", "report.html"});
    // Checked by coreutils itself, where it is installed.
    if (std::system("command -v sha256sum >/dev/null") == 0)
        CHECK(std::system(("cd '" + dir.string() + "' && sha256sum --quiet -c SHA256SUMS").c_str()) == 0);
    const auto report = nlohmann::json::parse(slurp(dir / "report.json"));
    const auto& p = report.at("run").at("provenance");
    CHECK(p.at("capture_sha256") == sha256_hex("the capture's bytes"));
    CHECK(p.at("operator") == "Tanaka Hanako");
    CHECK(p.at("note") == "ticket #42");
    std::vector<std::string> files = report.at("run").at("files");
    CHECK(files.back() == (dir / "SHA256SUMS").string());
    fs::remove_all(dir);
}
