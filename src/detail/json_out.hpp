// A JSON writer straight into a string, for the replay's JSON Lines: the bytes of nlohmann's
// dump() (compact, UTF-8 as is, invalid UTF-8 replaced by U+FFFD) without building a document.
// Strings with control characters or invalid UTF-8 are escaped by nlohmann itself.
#pragma once

#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace echeance::detail {

// Well-formed UTF-8 is Unicode's table 3-7: no overlong forms, no surrogates, at most U+10FFFF.
enum class json_text : std::uint8_t { plain, escaped, invalid };

// plain: written as is; escaped: valid UTF-8 with bytes JSON escapes; invalid: not UTF-8.
inline json_text json_kind(std::string_view s) noexcept {
    json_text kind = json_text::plain;
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* e = p + s.size();
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    while (p < e) {
        // Eight plain ASCII bytes at a time (SWAR): no byte >= 0x80, < 0x20, '"' or '\\'.
        while (e - p >= 8) {
            std::uint64_t x;
            std::memcpy(&x, p, 8);
            std::uint64_t quote = x ^ (ones * '"'), slash = x ^ (ones * '\\');
            std::uint64_t bad = (x | ((x - ones * 0x20) & ~x) | ((quote - ones) & ~quote) |
                                 ((slash - ones) & ~slash)) &
                                highs;
            if (bad != 0) break;
            p += 8;
        }
        if (p == e) return kind;
        unsigned char c = *p;
        if (c < 0x80) {
            if (c < 0x20 || c == '"' || c == '\\') kind = json_text::escaped;
            ++p;
            continue;
        }
        int n = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else {
            return json_text::invalid;
        }
        if (e - p <= n) return json_text::invalid;
        if (p[1] < lo || p[1] > hi) return json_text::invalid;
        for (int i = 2; i <= n; ++i)
            if (p[i] < 0x80 || p[i] > 0xBF) return json_text::invalid;
        p += n + 1;
    }
    return kind;
}

class json_out {
public:
    explicit json_out(std::string& out) : o_(out) {}

    json_out& begin_object() {
        sep();
        o_ += '{';
        first_ = true;
        return *this;
    }
    json_out& end_object() {
        o_ += '}';
        first_ = false;
        return *this;
    }
    json_out& begin_array() {
        sep();
        o_ += '[';
        first_ = true;
        return *this;
    }
    json_out& end_array() {
        o_ += ']';
        first_ = false;
        return *this;
    }
    // The value that follows is this key's.
    json_out& key(std::string_view k) {
        sep();
        quoted(k);
        o_ += ':';
        first_ = true;
        return *this;
    }
    json_out& str(std::string_view s) {
        sep();
        quoted(s);
        first_ = false;
        return *this;
    }
    json_out& null() {
        sep();
        o_ += "null";
        first_ = false;
        return *this;
    }
    json_out& boolean(bool b) {
        sep();
        o_ += b ? "true" : "false";
        first_ = false;
        return *this;
    }
    json_out& number(std::int64_t v) {
        sep();
        o_ += std::to_string(v);
        first_ = false;
        return *this;
    }

private:
    void sep() {
        if (!first_) o_ += ',';
    }
    void quoted(std::string_view s) {
        switch (json_kind(s)) {
        case json_text::plain:
            o_ += '"';
            o_ += s;
            o_ += '"';
            return;
        case json_text::escaped:
            escaped(s);
            return;
        case json_text::invalid:
            break;
        }
        o_ += nlohmann::json(std::string(s))
                  .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    // As nlohmann escapes: the short forms, else \u00xx in lower case; UTF-8 kept as is.
    void escaped(std::string_view s) {
        static constexpr char hex[] = "0123456789abcdef";
        o_ += '"';
        for (char ch : s) {
            auto c = static_cast<unsigned char>(ch);
            switch (c) {
            case '"':
                o_ += "\\\"";
                break;
            case '\\':
                o_ += "\\\\";
                break;
            case '\b':
                o_ += "\\b";
                break;
            case '\f':
                o_ += "\\f";
                break;
            case '\n':
                o_ += "\\n";
                break;
            case '\r':
                o_ += "\\r";
                break;
            case '\t':
                o_ += "\\t";
                break;
            default:
                if (c < 0x20) {
                    o_ += "\\u00";
                    o_ += hex[c >> 4];
                    o_ += hex[c & 15];
                } else {
                    o_ += ch;
                }
            }
        }
        o_ += '"';
    }

    std::string& o_;
    bool first_ = true;
};

} // namespace echeance::detail
