// Counting conventions: how a period from a start date becomes a last day and an end instant.
#pragma once

#include "echeance/calendar.hpp"
#include "echeance/period.hpp"

#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace echeance {

enum class convention : std::uint8_t {
    plain, // date arithmetic only: the nominal day is the last day
    cpc,   // Code de procédure civile 640-642: extended past Saturdays, Sundays and holidays
    eu,    // Regulation (EEC, Euratom) 1182/71 art. 3, with the two-working-days minimum of 3(5)
};

std::string_view to_string(convention c) noexcept;
// Throws "echeance.convention.unknown".
convention parse_convention(std::string_view text);
// "plain", "cpc", "eu": the names parse_convention() accepts, in declaration order.
std::vector<std::string> convention_names();

// One step of a count. Compact (no strings) so that computing a deadline never allocates;
// describe() renders it with its article.
struct step {
    enum class kind : std::uint8_t {
        start,      // the day of the event is not counted
        add_months, // years and months added (day = result)
        month_end,  // that day did not exist: last day of the month (day = result)
        add_days,   // weeks and days added (day = result)
        weekend,    // day is a Saturday or Sunday: moved on
        holiday,    // day is a public holiday: moved on
        minimum,    // EU 3(5): fewer than two working days, extended to day
        end,        // the period ends at 24:00 on day
    };
    kind what; // left uninitialised on purpose: only the first step_count steps are set
    sys_days day;
};

struct deadline {
    static constexpr std::size_t max_steps = 16;

    year_month_day start;
    period length;
    convention rule = convention::cpc;
    month_end policy = month_end::clamp;
    territory where;
    year_month_day nominal;        // start + period, under the month-end policy
    year_month_day final_day;      // the final day on which the act may be done
    date::local_seconds end_local; // 24:00 local on final_day (= 00:00 of the next day)
    date::sys_seconds end_utc;     // the same instant in UTC
    std::array<step, max_steps> steps;
    std::uint8_t step_count = 0;
};

// Pure, allocation-free. Throws "echeance.date.out_of_range" when a date leaves 1583-9999, and
// "echeance.period.month_end" when `policy` is reject and the day does not exist. CPC 641 and
// Reg. 1182/71 art. 3(2)(c) clamp; another policy is for rules that say so.
deadline compute_deadline(const calendar& cal, year_month_day start, const period& length,
                          convention rule, territory where, month_end policy = month_end::clamp);

// One line of explanation and the article that justifies it.
struct explained_step {
    std::string text;
    std::string cite;
};
std::vector<explained_step> explain(const calendar& cal, const deadline& d);

// The article behind a convention, e.g. "CPC 642".
std::string_view extension_cite(convention c) noexcept;

// "2022-05-27T24:00:00" and "2022-05-27T22:00:00Z".
std::string format_end_local(const deadline& d);
std::string format_end_utc(const deadline& d);

} // namespace echeance
