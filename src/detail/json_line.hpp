// The fast path of the JSON Lines reader: one pass over a line that is a flat object of plain
// ASCII strings and non-negative integers, the shape of almost every history line. Anything else
// (escapes, non-ASCII, nesting, literals, fractions, a syntax error) answers "not simple" and the
// line goes to the full reader, which also writes every error: the fast path never decides that
// a line is wrong, so messages and columns stay those of the full reader.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
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

// A string of printable ASCII without escapes at p (its opening quote), p after it; false when
// it holds another byte or does not end.
inline bool plain_string(const char*& p, const char* e, std::string_view& out) noexcept {
    const char* s = ++p;
    p = skip_plain(p, e);
    if (p == e || *p != '"') return false;
    out = std::string_view(s, std::size_t(p - s));
    ++p;
    return true;
}

// A non-negative integer at p (a digit) as JSON writes it, p after it; false for a leading zero,
// a fraction or an exponent (the full reader's).
inline bool plain_integer(const char*& p, const char* e, std::string_view& out) noexcept {
    const char* s = p;
    if (*p == '0') {
        ++p;
    } else {
        while (p < e && *p >= '0' && *p <= '9') ++p;
    }
    if (p < e && (*p == '.' || *p == 'e' || *p == 'E' || (*p >= '0' && *p <= '9'))) return false;
    out = std::string_view(s, std::size_t(p - s));
    return true;
}

// A member's value at p (b: the line's start, for the column): a plain string or integer into
// m, p after it; false for any other value.
inline bool plain_value(const char*& p, const char* b, const char* e,
                        json_member_view& m) noexcept {
    if (p == e) return false;
    if (*p == '"') {
        m.column = std::size_t(p - b) + 2;
        m.is_string = true;
        return plain_string(p, e, m.text);
    }
    if (*p < '0' || *p > '9') return false;
    m.column = std::size_t(p - b) + 1;
    return plain_integer(p, e, m.text);
}

// The scan byte by byte: any length, and the reference of the masked scan below.
template <class F>
bool scan_simple_object_bytewise(std::string_view line, F&& member) {
    const char* b = line.data();
    const char* p = b;
    const char* e = b + line.size();
    auto ws = [&] {
        while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) ++p;
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
            if (p == e || *p != '"' || !plain_string(p, e, m.key)) return false;
            ws();
            if (p == e || *p != ':') return false;
            ++p;
            ws();
            if (!plain_value(p, b, e, m)) return false;
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

#if defined(__SSE2__)
// The quotes of a line of at most 512 bytes as bits, 64 to a word; false when the line holds a
// byte no simple line has (a backslash, a control or a non-ASCII byte).
inline bool quote_masks(std::string_view line, std::uint64_t (&words)[8]) noexcept {
    const __m128i quote = _mm_set1_epi8('"'), slash = _mm_set1_epi8('\\'),
                  space = _mm_set1_epi8(0x20);
    const char* p = line.data();
    std::size_t n = line.size();
    int bad = 0;
    for (std::size_t w = 0; w * 64 < n; ++w) {
        std::uint64_t bits = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            std::size_t at = w * 64 + k * 16;
            if (at >= n) break;
            __m128i v;
            unsigned shift = 0; // a tail read as the last 16 bytes: its first `shift` are read
            if (n - at >= 16) {
                v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
            } else if (n >= 16) { // the tail, within the line: no copy
                shift = unsigned(16 - (n - at));
                v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - 16));
            } else { // a line shorter than 16 bytes, padded with spaces
                alignas(16) char tail[16];
                std::memset(tail, ' ', sizeof tail);
                std::memcpy(tail, p + at, n - at);
                v = _mm_load_si128(reinterpret_cast<const __m128i*>(tail));
            }
            bad |=
                _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, slash), _mm_cmplt_epi8(v, space)));
            bits |= std::uint64_t(unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, quote))) >> shift)
                    << (k * 16);
        }
        words[w] = bits;
    }
    return bad == 0;
}
#endif

// scan_simple_object_bytewise's answer, faster: the quotes are found for the whole line at once
// (a line without escapes: each string ends at the next quote), then the members are walked.
template <class F>
bool scan_simple_object(std::string_view line, F&& member) {
#if defined(__SSE2__)
    std::uint64_t words[8];
    if (line.size() > 512) return scan_simple_object_bytewise(line, member);
    if (!quote_masks(line, words)) return false; // a backslash, a tab, a non-ASCII byte
    const char* b = line.data();
    const std::size_t n = line.size();
    std::size_t p = 0;
    // The quotes in order: without escapes, each string is the next two of them.
    std::size_t w = 0;
    std::uint64_t bits = n != 0 ? words[0] : 0;
    auto next_quote = [&]() -> std::size_t {
        while (bits == 0) {
            if (++w * 64 >= n) return n;
            bits = words[w];
        }
        std::size_t q = w * 64 + std::size_t(__builtin_ctzll(bits));
        bits &= bits - 1;
        return q;
    };
    // A string at p (its opening quote): its text, p after it; false when it does not end.
    auto string_at = [&](std::string_view& out) {
        if (next_quote() != p) return false; // not the quote expected: let the full reader say
        std::size_t close = next_quote();
        if (close >= n) return false;
        out = std::string_view(b + p + 1, close - p - 1);
        p = close + 1;
        return true;
    };
    auto ws = [&] {
        while (__builtin_expect(p < n && b[p] == ' ', 0)) ++p;
    };
    ws();
    if (p == n || b[p] != '{') return false;
    ++p;
    ws();
    if (p < n && b[p] == '}') {
        ++p;
    } else {
        for (;;) {
            json_member_view m;
            if (p == n || b[p] != '"' || !string_at(m.key)) return false;
            ws();
            if (p == n || b[p] != ':') return false;
            ++p;
            ws();
            if (p == n) return false;
            if (b[p] == '"') {
                m.column = p + 2;
                m.is_string = true;
                if (!string_at(m.text)) return false;
            } else if (b[p] >= '0' && b[p] <= '9') {
                std::size_t s = p;
                m.column = p + 1;
                if (b[p] == '0') {
                    ++p; // JSON: no leading zero
                } else {
                    while (p < n && b[p] >= '0' && b[p] <= '9') ++p;
                }
                if (p < n &&
                    (b[p] == '.' || b[p] == 'e' || b[p] == 'E' || (b[p] >= '0' && b[p] <= '9')))
                    return false;
                m.text = std::string_view(b + s, p - s);
            } else {
                return false;
            }
            if (!member(static_cast<const json_member_view&>(m))) return false;
            ws();
            if (p == n) return false;
            if (b[p] == ',') {
                ++p;
                ws();
                continue;
            }
            if (b[p] != '}') return false;
            ++p;
            break;
        }
    }
    ws();
    return p == n;
#else
    return scan_simple_object_bytewise(line, member);
#endif
}

} // namespace echeance::detail
