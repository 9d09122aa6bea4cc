#include "echeance/convention.hpp"

#include "detail/names.hpp"
#include "echeance/error.hpp"

#include <fmt/format.h>

namespace echeance {

std::string_view to_string(convention c) noexcept {
    return detail::convention_table.name(c);
}

convention parse_convention(std::string_view text) {
    if (auto c = detail::convention_table.parse(text)) return *c;
    throw error("echeance.convention.unknown",
                fmt::format("unknown counting convention \"{}\" (expected {})", text,
                            detail::convention_table.joined(" or ")));
}

std::vector<std::string> convention_names() {
    return detail::convention_table.names();
}

std::string_view extension_cite(convention c) noexcept {
    switch (c) {
    case convention::plain:
        return "";
    case convention::cpc:
        return "CPC 642";
    case convention::eu:
        return "Reg. 1182/71 art. 3(4)";
    }
    return "";
}

namespace {

struct recorder {
    deadline& d;
    void add(step::kind k, sys_days day) noexcept {
        // A count never needs more than a handful of steps; keep the last slot for the end.
        if (std::size_t(d.step_count) + 1 < deadline::max_steps)
            d.steps[d.step_count++] = step{k, day};
    }
};

constexpr std::int64_t last_serial = 2932896; // 9999-12-31

void check_day(sys_days day, year_month_day start, const period& length) {
    if (day.time_since_epoch().count() > last_serial)
        throw error("echeance.date.out_of_range",
                    fmt::format("the deadline of {} + {} falls after {}-12-31", format_date(start),
                                length.to_string(), max_year));
}

} // namespace

deadline compute_deadline(const calendar& cal, year_month_day start, const period& length,
                          convention rule, territory where, month_end policy) {
    deadline d;
    d.policy = policy;
    d.start = start;
    d.length = length;
    d.rule = rule;
    d.where = where;
    recorder rec{d};
    require_in_range(start, "start date");
    const sys_days first = sys_days(start);
    rec.add(step::kind::start, first);
    sys_days nominal;
    if (length.has_calendar_part()) {
        addition sum = add_explained(start, length, policy);
        rec.add(step::kind::add_months, sys_days(sum.after_months));
        if (sum.month_end_applied) rec.add(step::kind::month_end, sys_days(sum.after_months));
        nominal = sys_days(sum.result);
        if (length.total_days_part() != 0) rec.add(step::kind::add_days, nominal);
        d.nominal = sum.result;
    } else {
        // Weeks and days only: one addition on the day number, checked against 9999-12-31.
        auto serial = std::int64_t(first.time_since_epoch().count()) + length.total_days_part();
        if (serial > last_serial)
            throw error("echeance.date.out_of_range",
                        fmt::format("{} + {} falls after {}-12-31", format_date(start),
                                    length.to_string(), max_year));
        nominal = sys_days(date::days(serial));
        rec.add(step::kind::add_days, nominal);
        d.nominal = year_month_day(nominal);
    }
    sys_days last = nominal;
    if (rule != convention::plain) {
        const holiday_view days = cal.view(where);
        while (!days.is_working_day(last)) {
            rec.add(days.is_holiday(last) ? step::kind::holiday : step::kind::weekend, last);
            last += date::days(1);
            check_day(last, start, length);
        }
        if (rule == convention::eu && (nominal - first).count() >= 2) {
            // Art. 3(5): a period of two days or more contains at least two working days.
            int working = 0;
            sys_days second = first;
            while (working < 2) {
                second += date::days(1);
                if (days.is_working_day(second)) ++working;
            }
            if (second > last) {
                check_day(second, start, length);
                last = second;
                rec.add(step::kind::minimum, last);
            }
        }
    }
    d.final_day = last == nominal ? d.nominal : year_month_day(last);
    d.steps[d.step_count++] = step{step::kind::end, last};
    d.end_local = date::local_seconds(date::local_days((last + date::days(1)).time_since_epoch()));
    d.end_utc =
        date::sys_seconds((d.end_local - cal.utc_offset(where, d.end_local)).time_since_epoch());
    return d;
}

namespace {

std::string_view start_cite(convention c) {
    switch (c) {
    case convention::cpc:
        return "CPC 641";
    case convention::eu:
        return "Reg. 1182/71 art. 3(1)";
    default:
        return "ISO 8601 date arithmetic";
    }
}

std::string_view count_cite(convention c) {
    switch (c) {
    case convention::cpc:
        return "CPC 641";
    case convention::eu:
        return "Reg. 1182/71 art. 3(2)";
    default:
        return "ISO 8601 date arithmetic";
    }
}

std::string plural(std::int64_t n, const char* unit) {
    return fmt::format("{} {}{}", n, unit, n == 1 ? "" : "s");
}

std::string fr_day(sys_days d) {
    return fmt::format("{} {}", weekday_name(date::weekday(d)), format_date_fr(year_month_day(d)));
}

} // namespace

std::string format_end_local(const deadline& d) {
    return format_date(d.final_day) + "T24:00:00";
}

std::string format_end_utc(const deadline& d) {
    auto day = date::floor<date::days>(d.end_utc);
    auto secs = (d.end_utc - day).count();
    return fmt::format("{}T{:02}:{:02}:{:02}Z", format_date(year_month_day(day)), secs / 3600,
                       secs / 60 % 60, secs % 60);
}

std::vector<explained_step> explain(const calendar& cal, const deadline& d) {
    std::vector<explained_step> out;
    const period& p = d.length;
    for (std::size_t i = 0; i < d.step_count; ++i) {
        const step& s = d.steps[i];
        year_month_day day(s.day);
        switch (s.what) {
        case step::kind::start:
            out.push_back(
                {fmt::format("start {}: the day of the event is not counted", fr_day(s.day)),
                 std::string(start_cite(d.rule))});
            break;
        case step::kind::add_months: {
            std::string what;
            if (p.years) what += plural(p.years, "year");
            if (p.months) what += (what.empty() ? "" : " ") + plural(p.months, "month");
            out.push_back({fmt::format("+ {} (years and months first, same day number) = {}", what,
                                       format_date_fr(day)),
                           std::string(count_cite(d.rule))});
            break;
        }
        case step::kind::month_end:
            out.push_back(
                {fmt::format("day {} does not exist in that month: {}, {}", unsigned(d.start.day()),
                             d.policy == month_end::overflow ? "first day of the next month"
                                                             : "last day of the month",
                             format_date_fr(day)),
                 std::string(count_cite(d.rule))});
            break;
        case step::kind::add_days: {
            std::string what;
            if (p.weeks) what += plural(p.weeks, "week");
            if (p.days || !p.weeks) what += (what.empty() ? "" : " ") + plural(p.days, "day");
            std::string note =
                p.weeks ? fmt::format(" ({} days; a week is seven days)", p.total_days_part())
                        : std::string();
            out.push_back({fmt::format("+ {}{} = {}", what, note, fr_day(s.day)),
                           std::string(count_cite(d.rule))});
            break;
        }
        case step::kind::weekend:
            out.push_back({fmt::format("{} is a {}: moved to the next working day",
                                       format_date_fr(day), weekday_name(date::weekday(s.day))),
                           std::string(extension_cite(d.rule))});
            break;
        case step::kind::holiday: {
            std::string names;
            for (const auto& h : cal.holidays_on(d.where, day))
                names += (names.empty() ? "" : " and ") + h.name + " (" + h.cite + ")";
            out.push_back(
                {fmt::format("{} is {}: moved to the next working day", format_date_fr(day), names),
                 std::string(extension_cite(d.rule))});
            break;
        }
        case step::kind::minimum:
            out.push_back({fmt::format("a period of two days or more must contain two working "
                                       "days: extended to {}",
                                       fr_day(s.day)),
                           "Reg. 1182/71 art. 3(5)"});
            break;
        case step::kind::end:
            out.push_back({fmt::format("the period ends on {} at 24:00 local time ({}), {}",
                                       fr_day(s.day), cal.time_zone(d.where), format_end_utc(d)),
                           d.rule == convention::cpc  ? "CPC 642"
                           : d.rule == convention::eu ? "Reg. 1182/71 art. 3(2)(b)"
                                                      : "ISO 8601 date arithmetic"});
            break;
        }
    }
    return out;
}

} // namespace echeance
