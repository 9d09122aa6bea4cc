// The fastest path of the JSON Lines reader: a simple line (detail/json_line.hpp) written without
// whitespace, whose keys are most often those of the line before, in the same order. Each key is
// first compared with the one the last lines had at its place (one 16-byte compare); only a key
// that differs is read and resolved. It accepts a subset of what scan_simple_object accepts, with
// the same members and columns; anything else answers "not compact" and the caller scans again.
#pragma once

#include "detail/json_line.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace echeance::detail {

// The keys of the last lines by position, as written ('"', key, '"', ':').
struct key_memo {
    static constexpr std::size_t places = 16, longest = 16;
    struct slot {
        std::uint8_t size = 0; // 0: nothing known for this place
        int id = -1;
        char text[longest] = {};
    };
    slot at[places];
};

// `resolve(std::string_view key) -> int` is a key's id (negative: unknown, the line is not
// compact); `member(const json_member_view&, int id) -> bool` as for scan_simple_object. The
// caller drops what `member` saw of a line found not compact.
template <class Resolve, class F>
bool scan_compact_object(std::string_view line, key_memo& memo, Resolve&& resolve, F&& member) {
    const char* const b = line.data();
    const char* const e = b + line.size();
    const char* p = b;
    if (e - p < 2 || *p != '{') return false;
    ++p;
    if (*p == '}') return p + 1 == e;
    for (std::size_t place = 0;; ++place) {
        if (p == e || *p != '"') return false;
        json_member_view m;
        int id = -1;
        key_memo::slot* known = place < key_memo::places ? &memo.at[place] : nullptr;
        bool same = false;
        if (known && known->size != 0) {
#if defined(__SSE2__)
            if (e - p >= 16) {
                __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
                __m128i k = _mm_loadu_si128(reinterpret_cast<const __m128i*>(known->text));
                unsigned want = (1u << known->size) - 1;
                same = (unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, k))) & want) == want;
            } else
#endif
                same = std::size_t(e - p) >= known->size &&
                       std::memcmp(p, known->text, known->size) == 0;
        }
        if (same) {
            m.key = std::string_view(p + 1, std::size_t(known->size) - 3);
            id = known->id;
            p += known->size;
        } else {
            const char* s = p + 1;
            const char* q = skip_plain(s, e);
            if (q == e || *q != '"' || q + 1 == e || q[1] != ':') return false;
            m.key = std::string_view(s, std::size_t(q - s));
            id = resolve(m.key);
            if (id < 0) return false;
            p = q + 2;
            std::size_t size = std::size_t(p - (s - 1));
            if (known && size <= key_memo::longest) {
                known->size = std::uint8_t(size);
                known->id = id;
                std::memcpy(known->text, s - 1, size);
            }
        }
        if (!plain_value(p, b, e, m)) return false;
        if (!member(static_cast<const json_member_view&>(m), id)) return false;
        if (p == e) return false;
        if (*p == ',') {
            ++p;
            continue;
        }
        return *p == '}' && p + 1 == e;
    }
}

} // namespace echeance::detail
