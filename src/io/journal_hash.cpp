// The journal's hashes (OpenSSL libcrypto), canonical form of entries, and receipts.
#include "journal_db.hpp"

#include <chrono>
#include <date/date.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace echeance::journal_detail {

namespace {

const EVP_MD* sha256_md() {
    // Fetched once: an implicit fetch on every digest costs more than the digest of a line.
    static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (!md) throw error("echeance.journal.crypto", "OpenSSL has no SHA-256");
    return md;
}

} // namespace

std::string hex(const unsigned char* p, std::size_t n) {
    static const char digits[] = "0123456789abcdef";
    std::string out(2 * n, '0');
    for (std::size_t i = 0; i < n; ++i) {
        out[2 * i] = digits[p[i] >> 4];
        out[2 * i + 1] = digits[p[i] & 15];
    }
    return out;
}

bool unhex(std::string_view s, unsigned char* out, std::size_t n) {
    static constexpr struct table {
        signed char v[256] = {};
        constexpr table() {
            for (int i = 0; i < 256; ++i)
                v[i] = i >= '0' && i <= '9'   ? char(i - '0')
                       : i >= 'a' && i <= 'f' ? char(i - 'a' + 10)
                                              : -1;
        }
    } t{};
    if (s.size() != 2 * n) return false;
    for (std::size_t i = 0; i < n; ++i) {
        int a = t.v[static_cast<unsigned char>(s[2 * i])],
            b = t.v[static_cast<unsigned char>(s[2 * i + 1])];
        if (a < 0 || b < 0) return false;
        out[i] = static_cast<unsigned char>(a * 16 + b);
    }
    return true;
}

void sha256(std::string_view data, unsigned char* out) {
    // One context per thread, reused: EVP_Digest allocates and frees one per call, which cost
    // more than hashing a line.
    struct context {
        EVP_MD_CTX* ctx = EVP_MD_CTX_new();
        ~context() { EVP_MD_CTX_free(ctx); }
    };
    static thread_local context c;
    unsigned int n = 0;
    if (!c.ctx || EVP_DigestInit_ex2(c.ctx, sha256_md(), nullptr) != 1 ||
        EVP_DigestUpdate(c.ctx, data.data(), data.size()) != 1 ||
        EVP_DigestFinal_ex(c.ctx, out, &n) != 1 || n != 32)
        throw error("echeance.journal.crypto", "SHA-256 failed");
}

std::string sha256_hex(std::string_view data) {
    unsigned char out[32];
    sha256(data, out);
    return hex(out, 32);
}

std::string sha256_bytes(std::string_view data) {
    std::string out(32, '\0');
    sha256(data, reinterpret_cast<unsigned char*>(out.data()));
    return out;
}

std::string hmac_sha256_hex(std::string_view key, std::string_view data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (!HMAC(sha256_md(), key.data(), int(key.size()),
              reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &n))
        throw error("echeance.journal.crypto", "HMAC-SHA-256 failed");
    return hex(out, n);
}

std::string chain_hex(std::string_view previous, std::string_view hash) {
    unsigned char both[64];
    // A malformed stored value hashes as text: verify then reports the chain as broken.
    if (!unhex(previous, both, 32) || !unhex(hash, both + 32, 32))
        return sha256_hex(std::string(previous) + std::string(hash));
    return sha256_hex(std::string_view(reinterpret_cast<const char*>(both), 64));
}

const std::string& genesis_chain() {
    static const std::string g = sha256_hex("");
    return g;
}

void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    std::size_t from = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto u = static_cast<unsigned char>(s[i]);
        if (u >= 0x20 && u != '"' && u != '\\') continue;
        out.append(s, from, i - from); // the plain run before, in one piece
        from = i + 1;
        switch (u) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            out += fmt::format("\\u{:04x}", u);
        }
    }
    out.append(s, from, s.size() - from);
    out += '"';
}

std::string stored_at_now(const std::string& fixed) {
    if (!fixed.empty()) return fixed;
    auto now = date::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
    return date::format("%Y-%m-%dT%H:%M:%SZ", now);
}

void canonical_entry(std::string& out, std::int64_t entry, std::string_view stored_at,
                     std::string_view kind, std::string_view body) {
    out.clear();
    out += "{\"entry\":";
    out += std::to_string(entry);
    out += ",\"stored_at\":";
    append_json_string(out, stored_at);
    out += ",\"kind\":";
    append_json_string(out, kind);
    out += ",\"";
    out += kind;
    out += "\":";
    out += body;
    out += '}';
}

std::string receipt_person(std::string_view person_key, bool nir) {
    return nir ? "NIR-masked" : std::string(person_key);
}

} // namespace echeance::journal_detail

namespace echeance {

std::string to_json_line(const journal_receipt& r) {
    using journal_detail::append_json_string;
    std::string out = "{\"entry\":" + std::to_string(r.entry) + ",\"kind\":";
    append_json_string(out, r.kind);
    out += ",\"person\":";
    append_json_string(out, r.person);
    out += ",\"stored_at\":";
    append_json_string(out, r.stored_at);
    out += ",\"hash\":";
    append_json_string(out, r.hash);
    out += ",\"chain\":";
    append_json_string(out, r.chain);
    out += "}\n";
    return out;
}

journal_receipt parse_receipt(std::string_view line) {
    auto bad = [](const std::string& why) {
        return error("echeance.journal.receipt",
                     "not a journal receipt: " + why +
                         " (expected one JSON object with entry, kind, person, stored_at, hash "
                         "and chain)",
                     location{"", 0, 1, ""});
    };
    nlohmann::json j = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) throw bad("not a JSON object");
    journal_receipt r;
    auto it = j.find("entry");
    if (it == j.end() || !it->is_number_integer() || it->get<std::int64_t>() < 1)
        throw bad("\"entry\" must be a positive integer");
    r.entry = it->get<std::int64_t>();
    for (auto [key, field] : {std::pair{"kind", &r.kind}, std::pair{"person", &r.person},
                              std::pair{"stored_at", &r.stored_at}, std::pair{"hash", &r.hash},
                              std::pair{"chain", &r.chain}}) {
        auto f = j.find(key);
        if (f == j.end() || !f->is_string()) throw bad(fmt::format("\"{}\" must be a string", key));
        *field = f->get<std::string>();
    }
    return r;
}

} // namespace echeance
