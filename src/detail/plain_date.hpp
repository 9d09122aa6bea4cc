// The usual valid day, read fast: parse_date's first step, and the history reader's for each
// line's day (inline there: the call, with parse_date's frame for its messages, cost more than
// the reading).
#pragma once

#include "echeance/date.hpp"

#include <cstdint>
#include <cstring>
#include <string_view>

namespace echeance::detail {

// The usual valid day into `out`, without the checks that name what is wrong: false sends every
// other text to the full reader, which says why. The ten bytes are checked a word at a time; the
// answer is a flag and a store, not an optional (built in narrow stores, it was read back wide).
inline bool plain_date(std::string_view t, year_month_day& out) noexcept {
    if (t.size() != 10) return false;
    std::uint64_t a; // "YYYY-MM-": byte k is t[k]
    std::uint16_t b; // "DD"
    std::memcpy(&a, t.data(), 8);
    std::memcpy(&b, t.data() + 8, 2);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    a = __builtin_bswap64(a);
    b = __builtin_bswap16(b);
#endif
    constexpr std::uint64_t dashes = 0xFF00'00FF'0000'0000ull; // bytes 4 and 7
    constexpr std::uint64_t digits = ~dashes;
    // A digit is 0x30 to 0x39: its high nibble is 3, and stays 3 with 6 added (no carry out
    // of a byte whose high nibble is 3; a carry from another byte fails that byte's test).
    auto all_digits = [](std::uint64_t v, std::uint64_t mask) {
        return ((v & 0xF0F0'F0F0'F0F0'F0F0ull & mask) == (0x3030'3030'3030'3030ull & mask)) &&
               (((v + 0x0606'0606'0606'0606ull) & 0xF0F0'F0F0'F0F0'F0F0ull & mask) ==
                (0x3030'3030'3030'3030ull & mask));
    };
    if ((a & dashes) != 0x2D00'002D'0000'0000ull || !all_digits(a, digits) ||
        !all_digits(b, 0xFFFF))
        return false;
    auto digit = [&](int k) { return unsigned((a >> (8 * k)) & 0x0F); };
    unsigned y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
    unsigned m = digit(5) * 10 + digit(6);
    unsigned d = (b & 0x0F) * 10 + ((b >> 8) & 0x0F);
    if (y < unsigned(min_year) || m - 1 > 11 || d == 0) return false;
    if (d > 28) { // the month's length, and the leap year only for 29 February
        static constexpr unsigned char days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (d > days[m - 1]) return false;
        if (m == 2 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) return false;
    }
    out = year_month_day{date::year(int(y)), date::month(m), date::day(d)};
    return true;
}

} // namespace echeance::detail
