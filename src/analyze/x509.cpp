// X.509 certificate summaries (RFC 5280 4.1) via OpenSSL d2i_X509.
#include "analyze/x509.hpp"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <ctime>
#include <memory>

namespace isoprobe::analyze {

using model::CertInfo;

namespace {

struct X509Free {
    void operator()(X509* x) const { X509_free(x); }
};
struct BioFree {
    void operator()(BIO* b) const { BIO_free(b); }
};

std::string name_text(const X509_NAME* name) {
    std::unique_ptr<BIO, BioFree> bio{BIO_new(BIO_s_mem())};
    if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253) < 0) return {};
    char* data = nullptr;
    long len = BIO_get_mem_data(bio.get(), &data);
    return len > 0 ? std::string(data, static_cast<std::size_t>(len)) : std::string{};
}

std::optional<std::int64_t> epoch_seconds(const ASN1_TIME* t) {
    std::tm tm{};
    if (t == nullptr || ASN1_TIME_to_tm(t, &tm) != 1) return std::nullopt;
    return static_cast<std::int64_t>(timegm(&tm));
}

std::string rfc3339_seconds(std::int64_t secs) {
    auto tt = static_cast<std::time_t>(secs);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

std::string serial_hex(const ASN1_INTEGER* serial) {
    BIGNUM* bn = ASN1_INTEGER_to_BN(serial, nullptr);
    if (bn == nullptr) return {};
    char* hex = BN_bn2hex(bn);
    std::string out = hex != nullptr ? hex : "";
    OPENSSL_free(hex);
    BN_free(bn);
    return out;
}

std::string key_type_name(int base_id) {
    switch (base_id) {
    case EVP_PKEY_RSA:
        return "rsa";
    case EVP_PKEY_RSA_PSS:
        return "rsa-pss";
    case EVP_PKEY_EC:
        return "ec";
    case EVP_PKEY_ED25519:
        return "ed25519";
    case EVP_PKEY_ED448:
        return "ed448";
    case EVP_PKEY_DSA:
        return "dsa";
    default: {
        const char* sn = OBJ_nid2sn(base_id);
        return sn != nullptr ? sn : "unknown";
    }
    }
}

std::optional<std::vector<std::string>> key_purposes(X509* cert) {
    int critical = -1;
    auto* eku =
        static_cast<EXTENDED_KEY_USAGE*>(X509_get_ext_d2i(cert, NID_ext_key_usage, &critical, nullptr));
    if (eku == nullptr) {
        // -1: absent. Otherwise present but undecodable or repeated: no purpose can be read from it.
        if (critical == -1) return std::nullopt;
        return std::vector<std::string>{};
    }
    std::vector<std::string> out;
    for (int i = 0; i < sk_ASN1_OBJECT_num(eku); ++i) {
        const ASN1_OBJECT* oid = sk_ASN1_OBJECT_value(eku, i);
        const int nid = OBJ_obj2nid(oid);
        const char* sn = nid != NID_undef ? OBJ_nid2sn(nid) : nullptr;
        char dotted[80];
        if (sn != nullptr)
            out.emplace_back(sn);
        else if (OBJ_obj2txt(dotted, sizeof dotted, oid, 1) > 0)
            out.emplace_back(dotted);
    }
    EXTENDED_KEY_USAGE_free(eku);
    return out;
}

} // namespace

CertInfo describe_certificate(Bytes der, std::int64_t at_ns) {
    CertInfo info;
    info.der_bytes = der.size();
    const unsigned char* p = der.data();
    std::unique_ptr<X509, X509Free> cert{d2i_X509(nullptr, &p, static_cast<long>(der.size()))};
    if (!cert) return info;
    info.parsed = true;
    info.subject = name_text(X509_get_subject_name(cert.get()));
    info.issuer = name_text(X509_get_issuer_name(cert.get()));
    info.self_signed =
        X509_NAME_cmp(X509_get_subject_name(cert.get()), X509_get_issuer_name(cert.get())) == 0;
    info.serial = serial_hex(X509_get0_serialNumber(cert.get()));
    if (auto nb = epoch_seconds(X509_get0_notBefore(cert.get()))) info.not_before = rfc3339_seconds(*nb);
    if (auto na = epoch_seconds(X509_get0_notAfter(cert.get()))) {
        info.not_after = rfc3339_seconds(*na);
        info.not_after_s = *na;
        std::int64_t at = at_ns / 1'000'000'000;
        // Floor division: a certificate that expired an hour ago has -1 days left, not 0.
        std::int64_t diff = *na - at;
        info.days_to_expiry = diff >= 0 ? diff / 86400 : -((-diff + 86399) / 86400);
    }
    if (EVP_PKEY* key = X509_get0_pubkey(cert.get())) {
        info.key_type = key_type_name(EVP_PKEY_get_base_id(key));
        info.key_bits = EVP_PKEY_get_bits(key);
    }
    int sig_nid = X509_get_signature_nid(cert.get());
    if (const char* ln = OBJ_nid2ln(sig_nid)) info.signature_algorithm = ln;
    int md_nid = NID_undef;
    if (OBJ_find_sigid_algs(sig_nid, &md_nid, nullptr) == 1 && md_nid != NID_undef)
        if (const char* md = OBJ_nid2ln(md_nid)) info.signature_hash = md;
    info.extended_key_usage = key_purposes(cert.get());
    return info;
}

} // namespace isoprobe::analyze
