#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
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
    for (const auto& e : fs::directory_iterator(dir))
        leftovers += e.path().filename() != "report.json";
    CHECK(leftovers == 0);

    SUBCASE("an abandoned file leaves neither target nor temporary") {
        const std::string other = (dir / "other.json").string();
        {
            auto f = isoprobe::AtomicFile::open(other);
            REQUIRE(f.has_value());
        }
        CHECK_FALSE(fs::exists(other));
        std::size_t files = 0;
        for (const auto& e : fs::directory_iterator(dir))
            files += e.path().filename() != "report.json";
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

namespace {
std::string read_all(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::size_t temporaries_in(const fs::path& dir) {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir))
        n += e.path().filename().string().find(".tmp-") != std::string::npos;
    return n;
}

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("isoprobe-atomic2-" + std::to_string(::getpid()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};
} // namespace

TEST_CASE("AtomicFile honours the umask") {
    TempDir dir;
    const mode_t old = ::umask(027);
    auto f = isoprobe::AtomicFile::open((dir.path / "r.json").string());
    ::umask(old);
    REQUIRE(f.has_value());
    REQUIRE(f.value().commit("x").has_value());
    CHECK((fs::status(dir.path / "r.json").permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
}

TEST_CASE("AtomicFile publish and revert: all outputs land or none") {
    TempDir dir;
    const auto existing = dir.path / "existing.json", fresh = dir.path / "fresh.json";
    { std::ofstream(existing) << "earlier"; }
    auto a = isoprobe::AtomicFile::open(existing.string());
    auto b = isoprobe::AtomicFile::open(fresh.string());
    REQUIRE(a.has_value());
    REQUIRE(b.has_value());
    REQUIRE(a.value().write("new a").has_value());
    REQUIRE(b.value().write("new b").has_value());
    CHECK(read_all(existing) == "earlier"); // written is not visible
    CHECK_FALSE(fs::exists(fresh));
    REQUIRE(a.value().publish().has_value());
    REQUIRE(b.value().publish().has_value());
    CHECK(read_all(existing) == "new a");
    CHECK(read_all(fresh) == "new b");

    SUBCASE("revert puts back the replaced file and removes the new one") {
        a.value().revert();
        b.value().revert();
        CHECK(read_all(existing) == "earlier");
        CHECK_FALSE(fs::exists(fresh));
    }
    SUBCASE("finish keeps the new files and drops the replaced one") {
        a.value().finish();
        b.value().finish();
        CHECK(read_all(existing) == "new a");
        CHECK(read_all(fresh) == "new b");
    }
    SUBCASE("abandoned after publish (an exception on the way), it reverts") {
        { auto gone = std::move(a.value()); }
        CHECK(read_all(existing) == "earlier");
    }
    SUBCASE("a replaced file waiting at the temporary's name is locked: another run does not sweep it") {
        isoprobe::remove_stale_temporaries(existing.string());
        a.value().revert();
        CHECK(read_all(existing) == "earlier");
    }
    { auto drop_a = std::move(a.value()), drop_b = std::move(b.value()); }
    CHECK(temporaries_in(dir.path) == 0);
}

TEST_CASE("AtomicFile removes a killed run's temporaries of its target, never a live one's") {
    TempDir dir;
    const auto target = dir.path / "report.json";
    const auto stale = dir.path / "report.json.tmp-Ab12Cd", held = dir.path / "report.json.tmp-Held01",
               other = dir.path / "other.json.tmp-Ab12Cd";
    for (const auto& p : {stale, held, other})
        std::ofstream(p) << "x";
    const int held_fd = ::open(held.c_str(), O_RDONLY | O_CLOEXEC);
    REQUIRE(held_fd >= 0);
    REQUIRE(::flock(held_fd, LOCK_EX) == 0);
    {
        auto f = isoprobe::AtomicFile::open(target.string());
        REQUIRE(f.has_value());
        CHECK_FALSE(fs::exists(stale));
        CHECK(fs::exists(held));
        CHECK(fs::exists(other));
        SUBCASE("its own temporary is locked while in use: a second run's sweep keeps it") {
            isoprobe::remove_stale_temporaries(target.string());
            CHECK(f.value().commit("ok").has_value());
            CHECK(read_all(target) == "ok");
        }
    }
    ::close(held_fd);
}

TEST_CASE("AtomicFile refuses a directory and writes a character device in place") {
    TempDir dir;
    auto d = isoprobe::AtomicFile::open(dir.path.string());
    REQUIRE_FALSE(d.has_value());
    CHECK(d.error().find("Is a directory") != std::string::npos);
    auto null = isoprobe::AtomicFile::open("/dev/null");
    REQUIRE(null.has_value());
    CHECK(null.value().in_place());
    CHECK(null.value().commit("discarded").has_value());
}
