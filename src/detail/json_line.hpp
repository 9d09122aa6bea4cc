// The fast path of the JSON Lines reader: one pass over a line that is a flat object of plain
// ASCII strings and non-negative integers, the shape of almost every history line. Anything else
// (escapes, non-ASCII, nesting, literals, fractions, a syntax error) answers "not simple" and the
// line goes to the full reader, which also writes every error: the fast path never decides that
// a line is wrong, so messages and columns stay those of the full reader.
#pragma once

#include <cstddef>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <string_view>

namespace echeance::detail {

struct json_member_view {
    std::string_view key;
    std::string_view text; // a string's characters (no quotes), or a number as written
    bool is_string = false;
    std::size_t column = 0; // 1-based column of the value's text (after a string's quote)
};

// Calls `member(const json_member_view&)` for each member in order; it returns false to give up
// (an unknown or repeated key: the full reader must say why). Returns false when the line is not
// simple or `member` gave up; the caller then reads the line again with the full reader.
// Printable ASCII but '"' and '\\': what a plain string is made of.
inline bool plain_char(unsigned char c) noexcept {
    static constexpr struct table {
        bool v[256] = {};
        constexpr table() {
            for (int i = 0x20; i < 0x80; ++i) v[i] = i != '"' && i != '\\';
        }
    } t{};
    return t.v[c];
}

// The first byte at or after p that is not plain_char(), or e: sixteen bytes at a time with SSE2
// (a byte below 0x20 or from 0x80 is negative or small as a signed char: one compare).
inline const char* skip_plain(const char* p, const char* e) noexcept {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), slash = _mm_set1_epi8('\\'),
                  space = _mm_set1_epi8(0x20);
    while (e - p >= 16) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        __m128i stop =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, slash)),
                         _mm_cmplt_epi8(v, space));
        int mask = _mm_movemask_epi8(stop);
        if (mask != 0) return p + __builtin_ctz(unsigned(mask));
        p += 16;
    }
#endif
    while (p < e && plain_char(static_cast<unsigned char>(*p))) ++p;
    return p;
}

template <class F>
bool scan_simple_object(std::string_view line, F&& member) {
    const char* b = line.data();
    const char* p = b;
    const char* e = b + line.size();
    auto ws = [&] {
        while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) ++p;
    };
    // A string of printable ASCII without escapes; p on the opening quote.
    auto plain_string = [&](std::string_view& out) {
        const char* s = ++p;
        p = skip_plain(p, e);
        if (p == e || *p != '"') return false;
        out = std::string_view(s, std::size_t(p - s));
        ++p;
        return true;
    };
    ws();
    if (p == e || *p != '{') return false;
    ++p;
    ws();
    if (p < e && *p == '}') {
        ++p;
    } else {
        for (;;) {
            json_member_view m;
            if (p == e || *p != '"' || !plain_string(m.key)) return false;
            ws();
            if (p == e || *p != ':') return false;
            ++p;
            ws();
            if (p == e) return false;
            if (*p == '"') {
                m.column = std::size_t(p - b) + 2;
                m.is_string = true;
                if (!plain_string(m.text)) return false;
            } else if (*p >= '0' && *p <= '9') {
                const char* s = p;
                m.column = std::size_t(p - b) + 1;
                if (*p == '0') {
                    ++p; // JSON: no leading zero
                } else {
                    while (p < e && *p >= '0' && *p <= '9') ++p;
                }
                if (p < e && (*p == '.' || *p == 'e' || *p == 'E' || (*p >= '0' && *p <= '9')))
                    return false;
                m.text = std::string_view(s, std::size_t(p - s));
            } else {
                return false;
            }
            if (!member(static_cast<const json_member_view&>(m))) return false;
            ws();
            if (p == e) return false;
            if (*p == ',') {
                ++p;
                ws();
                continue;
            }
            if (*p != '}') return false;
            ++p;
            break;
        }
    }
    ws();
    return p == e;
}

} // namespace echeance::detail
