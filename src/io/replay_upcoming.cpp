// The deadlines of a replay result as dated items, shared by the summary and iCalendar reports.
#include "detail/upcoming.hpp"

#include <algorithm>

namespace echeance::detail {

namespace {

// Each item of upcoming() to `f`, unsorted: windows, obligations, timers, retentions, each in the
// result's order.
template <class F>
void for_each_item(const replay_result& r, F&& f) {
    for (std::size_t i = 0; i < r.windows.size(); ++i) {
        const auto& w = r.windows[i];
        if (w.last_day && *w.last_day >= r.as_of) f(upcoming_item{w.window, *w.last_day, i});
    }
    for (std::size_t i = 0; i < r.obligations.size(); ++i) {
        const auto& o = r.obligations[i];
        if (!o.due) continue;
        bool overdue = o.state == obligation_status::status::overdue;
        bool due = o.state == obligation_status::status::due && *o.due >= r.as_of;
        if (overdue || due) f(upcoming_item{o.obligation, *o.due, i});
    }
    // A scheduled move from a retention is its purge: listed once, from r.retention below.
    for (std::size_t i = 0; i < r.scheduled.size(); ++i) {
        const auto& s = r.scheduled[i];
        if (s.rule.kind() == rule_kind::timer && s.effective >= r.as_of)
            f(upcoming_item{s.rule, s.effective, i});
    }
    for (std::size_t i = 0; i < r.retention.size(); ++i) {
        const auto& x = r.retention[i];
        if (x.state == retention_status::status::archived && x.purge_on && *x.purge_on >= r.as_of)
            f(upcoming_item{x.retention, *x.purge_on, i});
    }
}

} // namespace

std::vector<upcoming_item> upcoming(const replay_result& r) {
    std::vector<upcoming_item> out;
    for_each_item(r, [&](const upcoming_item& u) { out.push_back(u); });
    std::stable_sort(out.begin(), out.end(),
                     [](const upcoming_item& a, const upcoming_item& b) { return a.day < b.day; });
    return out;
}

std::optional<upcoming_item> next_upcoming(const replay_result& r) {
    std::optional<upcoming_item> next;
    // The first of the earliest day, as upcoming()'s stable sort puts it.
    for_each_item(r, [&](const upcoming_item& u) {
        if (u.day >= r.as_of && (!next || u.day < next->day)) next = u;
    });
    return next;
}

const std::string& rule_id(const ruleset& rules, const upcoming_item& u) {
    return rules.name(u.rule);
}

const citation& rule_why(const ruleset& rules, const upcoming_item& u) {
    switch (u.rule.kind()) {
    case rule_kind::window:
        return rules.windows[u.rule.window()].why;
    case rule_kind::obligation:
        return rules.obligations[u.rule.obligation()].why;
    case rule_kind::timer:
        return rules.timers[u.rule.timer()].why;
    case rule_kind::retention:
        break;
    }
    return rules.retentions[u.rule.retention()].why;
}

} // namespace echeance::detail
