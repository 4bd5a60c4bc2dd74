#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "util/sha256.hpp"

using isoprobe::sha256_file;
using isoprobe::sha256_hex;

// FIPS 180-2 appendix B test vectors, the values `sha256sum` prints.
TEST_CASE("sha256_hex gives the FIPS 180-2 digests") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256_file reads a file larger than its buffer, and names the path it cannot read") {
    const std::string path = "test_util_sha256.tmp";
    {
        std::ofstream out(path, std::ios::binary);
        out << std::string(1000000, 'a');
    }
    auto d = sha256_file(path);
    REQUIRE(d);
    CHECK(*d == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    std::remove(path.c_str());
    auto missing = sha256_file(path);
    REQUIRE(!missing);
    CHECK(missing.error() == path + ": cannot read: No such file or directory");
}

TEST_CASE("parse_sha256sums reads sha256sum's format and names the first line that is not") {
    using isoprobe::parse_sha256sums;
    const std::string d = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    auto ok = parse_sha256sums(d + "  report.json\n" + d + " *capture.pcapng\n");
    REQUIRE(ok);
    REQUIRE(ok->size() == 2);
    CHECK((*ok)[0].digest == d);
    CHECK((*ok)[0].name == "report.json");
    CHECK((*ok)[1].name == "capture.pcapng"); // binary mode
    auto upper = parse_sha256sums("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD  a b\n");
    REQUIRE(upper);
    CHECK((*upper)[0].digest == d);
    CHECK((*upper)[0].name == "a b");
    CHECK(parse_sha256sums("").value().empty());
    CHECK(parse_sha256sums(d + "  a\nnot a line\n").error() == "line 2 is not '<sha256>  <name>'");
    CHECK(!parse_sha256sums(d.substr(1) + "   a\n"));           // 63 digits
    CHECK(!parse_sha256sums(d + " a\n"));                       // one space
    CHECK(!parse_sha256sums(d + "  \n"));                       // no name
    CHECK(!parse_sha256sums("\\" + d.substr(1) + "  a\\nb\n")); // sha256sum's escaped names: not ours
}
