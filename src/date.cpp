#include "echeance/date.hpp"

#include "detail/plain_date.hpp"
#include "echeance/error.hpp"

#include <fmt/format.h>
#include <optional>

namespace echeance {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

[[noreturn]] void bad_date(std::string_view text, std::size_t column, const std::string& why) {
    throw error("echeance.date.invalid",
                fmt::format("invalid date \"{}\": {} (expected YYYY-MM-DD)", shorten(text), why),
                location{"", 0, column, ""});
}

constexpr const char* month_names[] = {"January",   "February", "March",    "April",
                                       "May",       "June",     "July",     "August",
                                       "September", "October",  "November", "December"};

// Every text but the usual valid day: each check in turn, to name what is wrong. Not inlined
// into parse_date, whose fast path would then pay for this frame.
[[gnu::noinline]] year_month_day parse_date_checked(std::string_view text) {
    // Position of the first character that breaks the YYYY-MM-DD shape, for the column.
    static constexpr char shape[] = "dddd-dd-dd";
    for (std::size_t i = 0; i < 10; ++i) {
        if (i >= text.size()) bad_date(text, i + 1, text.empty() ? "empty" : "too short");
        bool want_digit = shape[i] == 'd';
        if (want_digit ? !is_digit(text[i]) : text[i] != '-')
            bad_date(text, i + 1,
                     want_digit ? fmt::format("character {} is not a digit", i + 1)
                                : fmt::format("character {} should be '-'", i + 1));
    }
    if (text.size() > 10) bad_date(text, 11, "unexpected characters after the day");
    auto num = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (text[i] - '0');
        return v;
    };
    int y = num(0, 4), m = num(5, 2), d = num(8, 2);
    if (m < 1 || m > 12) bad_date(text, 6, fmt::format("month {:02} does not exist", m));
    auto last = year_month_day(date::year_month_day_last(
                                   date::year(y), date::month_day_last(date::month(unsigned(m)))))
                    .day();
    if (d < 1 || unsigned(d) > unsigned(last))
        bad_date(text, 9,
                 d < 1 ? std::string("day 00 does not exist")
                       : fmt::format("{} {} has {} days", month_names[m - 1], y, unsigned(last)));
    year_month_day out{date::year(y), date::month(unsigned(m)), date::day(unsigned(d))};
    if (y < min_year)
        throw error("echeance.date.out_of_range",
                    fmt::format("date \"{}\" is before {}: the supported range is {}-01-01 to "
                                "{}-12-31 (Gregorian calendar)",
                                text, min_year, min_year, max_year),
                    location{"", 0, 1, ""});
    return out;
}

} // namespace

year_month_day parse_date(std::string_view text) {
    year_month_day d;
    if (detail::plain_date(text, d)) return d;
    return parse_date_checked(text);
}

void format_date(year_month_day d, char* out) noexcept {
    unsigned y = unsigned(int(d.year())), m = unsigned(d.month()), dd = unsigned(d.day());
    out[0] = char('0' + y / 1000 % 10);
    out[1] = char('0' + y / 100 % 10);
    out[2] = char('0' + y / 10 % 10);
    out[3] = char('0' + y % 10);
    out[4] = '-';
    out[5] = char('0' + m / 10);
    out[6] = char('0' + m % 10);
    out[7] = '-';
    out[8] = char('0' + dd / 10);
    out[9] = char('0' + dd % 10);
}

std::string format_date(year_month_day d) {
    std::string s(10, ' ');
    format_date(d, s.data());
    return s;
}

std::string format_date_fr(year_month_day d) {
    return fmt::format("{:02}/{:02}/{:04}", unsigned(d.day()), unsigned(d.month()), int(d.year()));
}

std::string_view weekday_name(date::weekday wd) noexcept {
    static constexpr std::string_view names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                 "Thursday", "Friday", "Saturday"};
    return names[wd.c_encoding() % 7];
}

void require_in_range(year_month_day d, std::string_view what) {
    if (in_range(d)) return;
    std::string shown = d.ok() ? fmt::format("{:04}-{:02}-{:02}", int(d.year()),
                                             unsigned(d.month()), unsigned(d.day()))
                               : std::string("(not a valid date)");
    throw error("echeance.date.out_of_range",
                fmt::format("{} {} is outside the supported range {}-01-01 to {}-12-31", what,
                            shown, min_year, max_year));
}

} // namespace echeance
