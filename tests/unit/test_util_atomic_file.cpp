#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "util/atomic_file.hpp"

namespace fs = std::filesystem;

TEST_CASE("AtomicFile writes through a temporary and renames") {
    fs::path dir = fs::temp_directory_path() / ("isoprobe-atomic-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string target = (dir / "report.json").string();
    {
        auto f = isoprobe::AtomicFile::open(target);
        REQUIRE(f.has_value());
        CHECK_FALSE(fs::exists(target)); // nothing visible before commit
        auto done = f.value().commit("{\"ok\":true}\n");
        REQUIRE(done.has_value());
    }
    std::ifstream in(target);
    std::stringstream ss;
    ss << in.rdbuf();
    CHECK(ss.str() == "{\"ok\":true}\n");
    std::size_t leftovers = 0;
    for (const auto& e : fs::directory_iterator(dir)) leftovers += e.path().filename() != "report.json";
    CHECK(leftovers == 0);

    SUBCASE("an abandoned file leaves neither target nor temporary") {
        const std::string other = (dir / "other.json").string();
        { auto f = isoprobe::AtomicFile::open(other); REQUIRE(f.has_value()); }
        CHECK_FALSE(fs::exists(other));
        std::size_t files = 0;
        for (const auto& e : fs::directory_iterator(dir)) files += e.path().filename() != "report.json";
        CHECK(files == 0);
    }
    SUBCASE("an unwritable directory is one clear error") {
        auto f = isoprobe::AtomicFile::open((dir / "missing" / "x.json").string());
        REQUIRE_FALSE(f.has_value());
        CHECK(f.error().find("cannot write") != std::string::npos);
        CHECK(f.error().find('\n') == std::string::npos);
    }
    fs::remove_all(dir);
}
