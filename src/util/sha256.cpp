#include "util/sha256.hpp"

#include <openssl/evp.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "util/escape.hpp"

namespace isoprobe {

namespace {
class Digest {
  public:
    Digest() : m_ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free) {
        if (!m_ctx || EVP_DigestInit_ex(m_ctx.get(), EVP_sha256(), nullptr) != 1)
            throw std::runtime_error("SHA-256 is not available from OpenSSL");
    }
    void update(const void* data, std::size_t size) {
        if (EVP_DigestUpdate(m_ctx.get(), data, size) != 1) throw std::runtime_error("SHA-256 update failed");
    }
    std::string hex() {
        unsigned char out[EVP_MAX_MD_SIZE];
        unsigned int size = 0;
        if (EVP_DigestFinal_ex(m_ctx.get(), out, &size) != 1) throw std::runtime_error("SHA-256 failed");
        return hex_string(std::string_view(reinterpret_cast<const char*>(out), size));
    }

  private:
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> m_ctx;
};
} // namespace

std::string sha256_hex(std::string_view data) {
    Digest d;
    d.update(data.data(), data.size());
    return d.hex();
}

Expected<std::string, std::string> sha256_file(const std::string& path) {
    struct Close {
        void operator()(FILE* f) const { std::fclose(f); }
    };
    std::unique_ptr<FILE, Close> f(std::fopen(path.c_str(), "rbe"));
    if (!f) return unexpected(path + ": cannot read: " + std::strerror(errno));
    Digest d;
    char buf[1 << 16];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0)
        d.update(buf, n);
    if (std::ferror(f.get())) return unexpected(path + ": cannot read: " + std::strerror(errno));
    return d.hex();
}

Expected<std::vector<SumLine>, std::string> parse_sha256sums(std::string_view text) {
    std::vector<SumLine> out;
    std::size_t number = 0;
    while (!text.empty()) {
        const auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        ++number;
        std::string digest(line.substr(0, 64));
        for (auto& c : digest) // sha256sum -c takes upper case too
            c = static_cast<char>(c >= 'A' && c <= 'F' ? c - 'A' + 'a' : c);
        if (line.size() < 67 || digest.size() != 64 || !from_hex(digest) || line[64] != ' ' ||
            (line[65] != ' ' && line[65] != '*'))
            return unexpected("line " + std::to_string(number) + " is not '<sha256>  <name>'");
        out.push_back({std::move(digest), std::string(line.substr(66))});
    }
    return out;
}

} // namespace isoprobe
