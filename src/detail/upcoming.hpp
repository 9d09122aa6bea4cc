// The deadlines of one replay result as dated items, for the summary and the iCalendar report
// (internal).
#pragma once

#include "echeance/engine.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace echeance::detail {

// One deadline: an open window's last day, an obligation's due day (overdue ones too, on their
// past due day), the day an automatic move of a timer takes effect, or a retention's purge day.
struct upcoming_item {
    counted_rule rule; // a window, obligation, timer or retention
    year_month_day day;
    std::size_t index = 0; // into r.windows, r.obligations, r.scheduled or r.retention
};

// Sorted by day; on one day: windows, obligations, timers, retentions, each in the result's
// order. Every item but an overdue obligation is on or after r.as_of.
std::vector<upcoming_item> upcoming(const replay_result& r);
// The first item of upcoming(r) on or after r.as_of (an overdue obligation is not "next"), without
// building the list: the summary's one deadline per person.
std::optional<upcoming_item> next_upcoming(const replay_result& r);

// The id and the article of the rule of an item.
const std::string& rule_id(const ruleset& rules, const upcoming_item& u);
const citation& rule_why(const ruleset& rules, const upcoming_item& u);

} // namespace echeance::detail
