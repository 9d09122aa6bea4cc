// The iCalendar report (RFC 5545): one all-day event per deadline of each person, in one
// VCALENDAR. Reproducible: the stamp of every event is as_of at 00:00 UTC, not the clock.
#include "detail/ics.hpp"
#include "detail/names.hpp"
#include "detail/replay_formats.hpp"
#include "detail/replay_names.hpp"
#include "detail/upcoming.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace echeance::detail {

namespace {

constexpr year_month_day last_day{date::year(max_year), date::December, date::day(31)};

// 20220527
std::string ics_date(year_month_day d) {
    std::string s = format_date(d);
    s.erase(std::remove(s.begin(), s.end(), '-'), s.end());
    return s;
}

template <class Id, class V>
std::string ids_joined(const std::vector<Id>& idx, const V& items) {
    std::string out;
    for (auto i : idx) out += (out.empty() ? "" : " or ") + items[i].id;
    return out;
}

// What the event is, in plain words, and the lines of its description after the rule's.
struct event_words {
    std::string summary;
    std::vector<std::string> details;
};

std::string reading_line(const std::vector<interpretation>& rs, std::uint8_t reading) {
    std::string id = reading_id(rs, reading);
    if (id.empty()) return std::string();
    return fmt::format("Reading: {} ({})", id, rs[reading].why.cite);
}

event_words window_event(const ruleset& rules, const window_status& w) {
    const auto& info = rules.windows[w.window];
    return {fmt::format("last day for {} to send {}", ids_joined(info.roles, rules.roles),
                        ids_joined(info.events, rules.events)),
            {reading_line(info.readings, w.reading), "Version: " + vid(rules, w.version),
             fmt::format("Opened on {}; open through {} 24:00 local time ({})",
                         format_date(w.opened), format_date(*w.last_day), utc(w.end_utc))}};
}

event_words obligation_event(const ruleset& rules, const obligation_status& o) {
    const auto& info = rules.obligations[o.obligation];
    std::string who = info.role != no_index ? rules.roles[info.role].id : "?";
    std::string what = info.event != no_index ? rules.events[info.event].id : "?";
    bool overdue = o.state == obligation_status::status::overdue;
    std::string when = overdue ? fmt::format("OVERDUE by {} day{}", o.days, o.days == 1 ? "" : "s")
                               : fmt::format("due, {} day{} left", o.days, o.days == 1 ? "" : "s");
    return {overdue ? fmt::format("OVERDUE: {} had to send {} by this day", who, what)
                    : fmt::format("last day for {} to send {}", who, what),
            {reading_line(info.readings, o.reading), "Version: " + vid(rules, o.version),
             fmt::format("Started on {}; due through {} 24:00 local time ({}); {}",
                         format_date(o.started), format_date(*o.due), utc(o.end_utc), when)}};
}

event_words timer_event(const ruleset& rules, const scheduled_move& s) {
    return {fmt::format("{} (automatic) takes effect", rules.events[s.event].id),
            {"Version: " + vid(rules, s.version),
             fmt::format("Sent at 24:00 local time on {} ({}); in effect from {}",
                         format_date(s.last_day), utc(s.at), format_date(s.effective))}};
}

event_words retention_event(const ruleset& rules, const retention_status& x) {
    const auto& info = rules.retentions[x.retention];
    return {
        fmt::format("purge of the {}", info.what),
        {reading_line(info.readings, x.reading), "Version: " + vid(rules, x.version),
         fmt::format("Archived on {}; kept through {}; purged on {}", format_date(x.archived_on),
                     format_date(*x.last_day), format_date(*x.purge_on))}};
}

event_words describe(const ruleset& rules, const replay_result& r, const upcoming_item& u) {
    switch (u.rule.kind()) {
    case rule_kind::window:
        return window_event(rules, r.windows[u.index]);
    case rule_kind::obligation:
        return obligation_event(rules, r.obligations[u.index]);
    case rule_kind::timer:
        return timer_event(rules, r.scheduled[u.index]);
    case rule_kind::retention:
        break;
    }
    return retention_event(rules, r.retention[u.index]);
}

} // namespace

void ics_begin(std::string& out) {
    ics_line(out, "BEGIN:VCALENDAR");
    ics_line(out, "VERSION:2.0");
    ics_line(out, "PRODID:-//echeance//replay//EN");
    ics_line(out, "CALSCALE:GREGORIAN");
}

void ics_events(std::string& out, const ruleset& rules, std::string_view person,
                const replay_result& r) {
    const std::string who = printable(person);
    const std::string stamp = ics_date(r.as_of) + "T000000Z";
    // Day (fixed width), rule (no '.'), rank among the same rule's items of that day, then the
    // person (any text) last: no two (person, rule, day, rank) give the same UID.
    std::vector<std::string> keys; // rule and day of this person's items so far
    for (const auto& u : upcoming(r)) {
        const std::string& rule = rule_id(rules, u);
        std::string key = ics_date(u.day) + "." + rule;
        std::size_t rank = std::size_t(std::count(keys.begin(), keys.end(), key)) + 1;
        keys.push_back(key);
        std::string uid = fmt::format("{}.{}.{}", key, rank, who);
        event_words t = describe(rules, r, u);
        std::string description =
            fmt::format("Rule: {} {} ({})", contested_kind_table.name(u.rule.kind()), rule,
                        rule_why(rules, u).cite);
        for (const auto& d : t.details)
            if (!d.empty()) description += "\n" + d;
        description += fmt::format("\nRules: {}, as of {}", rules.id, format_date(r.as_of));
        ics_line(out, "BEGIN:VEVENT");
        ics_line(out, "UID", ics_text(uid + "@echeance"));
        ics_line(out, "DTSTAMP", stamp);
        ics_line(out, "DTSTART;VALUE=DATE", ics_date(u.day));
        // Without DTEND an all-day event lasts one day (RFC 5545 3.6.1): the only way to say it
        // of 9999-12-31, whose next day has no four-digit year.
        if (u.day < last_day)
            ics_line(out, "DTEND;VALUE=DATE",
                     ics_date(year_month_day(sys_days(u.day) + date::days(1))));
        ics_line(out, "SUMMARY", ics_text(who + ": " + t.summary));
        ics_line(out, "DESCRIPTION", ics_text(description));
        ics_line(out, "END:VEVENT");
    }
}

void ics_end(std::string& out) {
    ics_line(out, "END:VCALENDAR");
}

} // namespace echeance::detail
