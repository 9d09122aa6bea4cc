// A JSON writer straight into a string, for the replay's JSON Lines: the bytes of nlohmann's
// dump() (compact, UTF-8 as is, invalid UTF-8 replaced by U+FFFD) without building a document.
// Strings with control characters or invalid UTF-8 are escaped by nlohmann itself.
#pragma once

#include <charconv>
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
    // 0x01 and 0x80 in every byte, spelt so that no digit run in the sources looks like a NIR.
    constexpr std::uint64_t ones = ~std::uint64_t(0) / 0xFF, highs = ones * 0x80;
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

// Writes at a cursor in `out`, which it grows ahead of the cursor; `out` has its exact size again
// when the writer is done (finish() or its end), but a scratch buffer, which keeps its size.
class json_out {
public:
    // compact: members whose value is null, "", [] or {} are left out (the key is held until
    // its value is known; an empty array or object is taken back at its end).
    explicit json_out(std::string& out, bool compact = false)
        : o_(out), at_(out.size()), compact_(compact) {}
    // Writes from the start of `scratch`, a buffer kept at its largest size from use to use: no
    // byte zeroed ahead of the cursor once warm (a sweep's line is then appended where it goes).
    struct scratch_t {};
    json_out(std::string& scratch, scratch_t, bool compact)
        : o_(scratch), at_(0), compact_(compact), keep_size_(true) {}
    json_out(const json_out&) = delete;
    json_out& operator=(const json_out&) = delete;
    ~json_out() { finish(); }
    // Gives `out` its size: what was written, nothing ahead (a scratch buffer keeps its size).
    void finish() {
        if (!done_ && !keep_size_) o_.resize(at_);
        done_ = true;
    }
    // What was written (from the start of a scratch buffer).
    std::string_view written() const { return {o_.data(), at_}; }

    json_out& begin_object() { return open('{'); }
    json_out& end_object() { return close('}'); }
    json_out& begin_array() { return open('['); }
    json_out& end_array() { return close(']'); }
    // The value that follows is this key's. A key is the program's own: plain ASCII, not escaped.
    json_out& key(std::string_view k) {
        if (compact_) {
            key_ = k;
            keyed_ = true;
        } else {
            write_key(k);
        }
        return *this;
    }
    json_out& str(std::string_view s) {
        if (compact_ && keyed_ && s.empty()) return drop();
        lead();
        quoted(s);
        first_ = false;
        return *this;
    }
    // A string known to need no escaping (digits, dates, the program's own words).
    json_out& plain(std::string_view s) {
        if (compact_ && keyed_ && s.empty()) return drop();
        lead();
        quote_plain(s);
        first_ = false;
        return *this;
    }
    // A value already written as JSON (a quoted name from a table): copied as is.
    json_out& raw(std::string_view json) {
        if (compact_ && keyed_ && json.size() == 2 && json[0] == '"') return drop();
        lead();
        put(json.data(), json.size());
        first_ = false;
        return *this;
    }
    json_out& null() {
        if (compact_ && keyed_) return drop();
        lead();
        put("null", 4);
        first_ = false;
        return *this;
    }
    json_out& boolean(bool b) {
        lead();
        if (b)
            put("true", 4);
        else
            put("false", 5);
        first_ = false;
        return *this;
    }
    json_out& number(std::int64_t v) {
        lead();
        char* p = room(24);
        at_ = std::size_t(std::to_chars(p, p + 24, v).ptr - o_.data());
        first_ = false;
        return *this;
    }

private:
    // Where a container began (to take it back when compact and empty), and the state before.
    struct opened {
        std::size_t at;
        bool first, member;
    };

    // Room for n bytes at the cursor.
    char* room(std::size_t n) {
        // A fixed slack: zeroed once, it serves a few hundred short writes.
        if (o_.size() - at_ < n) o_.resize(at_ + n + 4096);
        return o_.data() + at_;
    }
    void put(char c) {
        *room(1) = c;
        ++at_;
    }
    // Short copies inline (names, keys and dates are mostly under 16 bytes): two overlapping
    // moves of a fixed size instead of a call to memcpy.
    static void copy(char* p, const char* s, std::size_t n) {
        if (n <= 16 && n >= 8) {
            std::memcpy(p, s, 8);
            std::memcpy(p + n - 8, s + n - 8, 8);
        } else if (n < 8 && n >= 4) {
            std::memcpy(p, s, 4);
            std::memcpy(p + n - 4, s + n - 4, 4);
        } else if (n < 4) {
            for (std::size_t i = 0; i < n; ++i) p[i] = s[i];
        } else {
            std::memcpy(p, s, n);
        }
    }
    void put(const char* s, std::size_t n) {
        copy(room(n), s, n);
        at_ += n;
    }
    // `,"k":` with one check of room (keys are short: most copies inline).
    void write_key(std::string_view k) {
        char* p = room(k.size() + 4);
        if (!first_) *p++ = ',';
        *p++ = '"';
        copy(p, k.data(), k.size());
        p += k.size();
        p[0] = '"';
        p[1] = ':';
        at_ = std::size_t(p + 2 - o_.data());
        first_ = true;
    }
    // Before a value: its separator, or its held key.
    void lead() {
        if (keyed_) {
            keyed_ = false;
            write_key(key_);
        } else if (!first_) {
            put(',');
        }
    }
    json_out& drop() {
        keyed_ = false;
        return *this;
    }
    json_out& open(char c) {
        if (depth_ < max_depth) stack_[depth_] = {at_, first_, keyed_};
        ++depth_;
        lead();
        put(c);
        first_ = true;
        return *this;
    }
    json_out& close(char c) {
        --depth_;
        if (compact_ && first_ && depth_ < max_depth && stack_[depth_].member) {
            at_ = stack_[depth_].at;
            first_ = stack_[depth_].first;
            return *this;
        }
        put(c);
        first_ = false;
        return *this;
    }
    void quote_plain(std::string_view s) {
        room(s.size() + 2);
        put('"');
        put(s.data(), s.size());
        put('"');
    }
    void quoted(std::string_view s) {
        switch (json_kind(s)) {
        case json_text::plain:
            quote_plain(s);
            return;
        case json_text::escaped:
            escaped(s);
            return;
        case json_text::invalid:
            break;
        }
        std::string d = nlohmann::json(std::string(s))
                            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        put(d.data(), d.size());
    }
    // As nlohmann escapes: the short forms, else \u00xx in lower case; UTF-8 kept as is.
    void escaped(std::string_view s) {
        static constexpr char hex[] = "0123456789abcdef";
        put('"');
        for (char ch : s) {
            auto c = static_cast<unsigned char>(ch);
            switch (c) {
            case '"':
                put("\\\"", 2);
                break;
            case '\\':
                put("\\\\", 2);
                break;
            case '\b':
                put("\\b", 2);
                break;
            case '\f':
                put("\\f", 2);
                break;
            case '\n':
                put("\\n", 2);
                break;
            case '\r':
                put("\\r", 2);
                break;
            case '\t':
                put("\\t", 2);
                break;
            default:
                if (c < 0x20) {
                    char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                    put(u, 6);
                } else {
                    put(ch);
                }
            }
        }
        put('"');
    }

    static constexpr int max_depth = 16;
    std::string& o_;
    std::size_t at_; // the cursor: o_ holds what was written before it
    bool compact_;
    bool keep_size_ = false;
    bool done_ = false;
    bool first_ = true;
    bool keyed_ = false;
    std::string_view key_;
    int depth_ = 0;
    opened stack_[max_depth]{};
};

// `out` becomes the JSON text of a string (its quotes included), as json_out writes it; a plain
// text (most) goes into out's own buffer, grown to its exact size at most, no slack zeroed.
inline void json_quote_into(std::string& out, std::string_view s) {
    out.clear();
    if (json_kind(s) == json_text::plain) {
        out.reserve(s.size() + 2);
        out += '"';
        out += s;
        out += '"';
        return;
    }
    json_out(out).str(s);
    out.shrink_to_fit(); // kept in tables and memos: without the writer's slack
}

// The JSON text of a string (its quotes included), as json_out writes it.
inline std::string json_quoted(std::string_view s) {
    std::string out;
    json_quote_into(out, s);
    return out;
}

} // namespace echeance::detail
