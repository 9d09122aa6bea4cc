// The items due in a range of days: one replay per day on which the person's situation may
// change (docs/due.md, "Which replay decides").
#include "detail/due.hpp"

#include "detail/upcoming.hpp"
#include "echeance/error.hpp"
#include "echeance/io/due.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace echeance {

namespace {

year_month_day plus_days(year_month_day d, int n) {
    return year_month_day(sys_days(d) + date::days(n));
}

// Appends what the replay `r` (as of r.as_of, standing for every day up to `until`) shows due.
// A window or an obligation ending on a day d of [max(as_of, from), until] is judged as of d; a
// move or a purge taking effect on a day d of (as_of, moves_until] is judged as of d - 1, when
// it is made; with `overdue`, r also stands for `from`.
void collect(const replay_result& r, year_month_day from, year_month_day until,
             year_month_day moves_until, bool overdue, std::vector<due_item>& out) {
    const year_month_day first = std::max(r.as_of, from);
    for (const auto& u : detail::upcoming(r)) {
        switch (u.rule.kind()) {
        case rule_kind::window:
            if (u.day >= first && u.day <= until)
                out.push_back({u.day, due_kind::window_end, u.rule});
            break;
        case rule_kind::obligation:
            if (u.day < from) {
                if (overdue) out.push_back({u.day, due_kind::obligation_overdue, u.rule});
            } else if (u.day >= first && u.day <= until) {
                out.push_back({u.day, due_kind::obligation_due, u.rule});
            }
            break;
        case rule_kind::timer:
        case rule_kind::retention:
            if (u.day > r.as_of && u.day >= from && u.day <= moves_until)
                out.push_back({u.day,
                               u.rule.kind() == rule_kind::timer ? due_kind::move : due_kind::purge,
                               u.rule});
            break;
        }
    }
}

} // namespace

namespace detail {

void require_due_range(year_month_day from, year_month_day to) {
    if (from > to)
        throw error("echeance.due.range",
                    fmt::format("the range {} to {} is empty: its first day is after its last",
                                format_date(from), format_date(to)));
}

} // namespace detail

std::string_view to_string(due_kind k) noexcept {
    switch (k) {
    case due_kind::obligation_overdue:
        return "obligation_overdue";
    case due_kind::move:
        return "move";
    case due_kind::purge:
        return "purge";
    case due_kind::window_end:
        return "window_end";
    case due_kind::obligation_due:
        break;
    }
    return "obligation_due";
}

void due_items(const ruleset& rules, const calendar& cal, const history& h,
               const replay_options& options, year_month_day from, year_month_day to,
               replay_result& work, std::vector<due_item>& out) {
    detail::require_due_range(from, to);
    out.clear();
    // The days of the range on which an event of the history may change what is due.
    std::vector<year_month_day> event_days;
    for (const auto& e : h.events)
        if (e.day >= from && e.day <= to) event_days.push_back(e.day);
    std::sort(event_days.begin(), event_days.end());
    event_days.erase(std::unique(event_days.begin(), event_days.end()), event_days.end());
    auto next_event = event_days.begin();

    replay_options opt = options;
    opt.explain = false;
    opt.all_readings = false; // the deciding reading is the same; the others are not shown
    // The day before the range: a move taking effect on `from` is made at 24:00 that day.
    opt.as_of = plus_days(from, -1);
    for (;;) {
        replay(rules, cal, h, opt, work);
        // The replay stands for every day until the next change: an event, or an automatic move.
        std::optional<year_month_day> change;
        while (next_event != event_days.end() && *next_event <= opt.as_of) ++next_event;
        if (next_event != event_days.end()) change = *next_event;
        for (const auto& s : work.scheduled)
            if (!change || s.effective < *change) change = s.effective;
        // A change must move forward: never loop, whatever the engine returns.
        if (change && (*change > to || *change <= opt.as_of)) change.reset();
        year_month_day until = change ? plus_days(*change, -1) : to;
        collect(work, from, until, change ? *change : to, opt.as_of <= from && from <= until, out);
        if (!change) break;
        opt.as_of = *change;
    }
    std::stable_sort(out.begin(), out.end(), [](const due_item& a, const due_item& b) {
        if (a.day != b.day) return a.day < b.day;
        return a.what < b.what;
    });
}

} // namespace echeance
