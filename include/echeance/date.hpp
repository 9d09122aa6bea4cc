// Legal dates: validated ISO 8601 calendar dates (YYYY-MM-DD) over the supported range.
#pragma once

#include <date/date.h>
#include <string>
#include <string_view>

namespace echeance {

using date::sys_days;
using date::year_month_day;

// The Gregorian calendar starts in October 1582; years are four digits in ISO 8601 basic form.
inline constexpr int min_year = 1583;
inline constexpr int max_year = 9999;

constexpr bool in_range(year_month_day d) noexcept {
    return d.ok() && int(d.year()) >= min_year && int(d.year()) <= max_year;
}

// Strict YYYY-MM-DD: four-digit year, two-digit month and day, a real day of that month, in range.
// Throws echeance::error "echeance.date.invalid" or "echeance.date.out_of_range"; the column in
// the error is relative to the start of `text`.
year_month_day parse_date(std::string_view text);

// Writes exactly 10 characters "YYYY-MM-DD" (the date must be in range).
void format_date(year_month_day d, char* out) noexcept;
std::string format_date(year_month_day d);
// "26/05/2022": the French form, used in explanations.
std::string format_date_fr(year_month_day d);

// "Thursday" ... for explanations.
std::string_view weekday_name(date::weekday wd) noexcept;

// Throws "echeance.date.out_of_range": "<what> 1500-01-01 is outside the supported range ...".
void require_in_range(year_month_day d, std::string_view what);

} // namespace echeance
