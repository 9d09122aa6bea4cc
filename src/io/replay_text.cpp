// Replay results as text for people: state, timeline, open windows, next deadlines,
// obligations, retention, rejected events, readings.
#include "detail/replay_names.hpp"
#include "echeance/io/report.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace echeance {

using namespace detail;

namespace {

// The text being built, one line at a time, trailing spaces trimmed.
struct text_out {
    std::string o;
    void line(const std::string& s) {
        std::size_t n = s.find_last_not_of(' ');
        o.append(s, 0, n == std::string::npos ? 0 : n + 1);
        o += '\n';
    }
};

std::string span_text(const state_span& s) {
    if (!s.entered) return s.left ? "until " + format_date(*s.left) : "from the start";
    if (s.left) return format_date(*s.entered) + " to " + format_date(*s.left);
    return "since " + format_date(*s.entered);
}

void timeline_text(text_out& t, const ruleset& rules, const replay_result& r) {
    t.line("  timeline:");
    for (const auto& s : r.timeline) {
        std::string why;
        if (s.event != no_index) {
            why = rules.events[s.event].id +
                  (s.role != no_index ? " by " + rules.roles[s.role].id
                                      : std::string(" (automatic)")) +
                  (s.line ? fmt::format(", line {}", s.line) : std::string()) +
                  (s.version != no_index ? ", " + vid(rules, s.version) : std::string());
        }
        t.line(fmt::format("    {:<10} {:<26} {}", rules.states[s.state].id, span_text(s), why));
    }
}

void windows_text(text_out& t, const ruleset& rules, const replay_result& r) {
    if (r.windows.empty()) return;
    t.line("  open windows:");
    for (const auto& w : r.windows) {
        const auto& info = rules.windows[w.window];
        std::string evs, roles;
        for (auto e : info.events) evs += (evs.empty() ? "" : ", ") + rules.events[e].id;
        for (auto e : info.roles) roles += (roles.empty() ? "" : ", ") + rules.roles[e].id;
        std::string rd = reading_id(info.readings, w.reading);
        t.line(fmt::format("    {} by {}: until {} ({}{}, {})", evs, roles,
                           w.last_day
                               ? format_date(*w.last_day) + " 24:00 local time, " + utc(w.end_utc)
                               : std::string("its count has not started"),
                           info.id, rd.empty() ? rd : "; " + rd, vid(rules, w.version)));
    }
}

void scheduled_text(text_out& t, const ruleset& rules, const replay_result& r) {
    if (r.scheduled.empty()) return;
    t.line("  next deadlines:");
    for (const auto& s : r.scheduled)
        t.line(fmt::format("    {} 24:00 ({}): {} ({} {}), in effect from {}",
                           format_date(s.last_day), utc(s.at), rules.events[s.event].id,
                           to_string(s.rule.kind()), rules.name(s.rule), format_date(s.effective)));
}

std::string obligation_state_text(const ruleset& rules, const obligation_status& ob) {
    switch (ob.state) {
    case obligation_status::status::due:
        return ob.due ? fmt::format("due, {} day{} left", ob.days, ob.days == 1 ? "" : "s")
                      : "due, its count has not started";
    case obligation_status::status::overdue:
        return fmt::format("OVERDUE by {} day{}", ob.days, ob.days == 1 ? "" : "s");
    case obligation_status::status::discharged:
        return fmt::format("discharged on {} by {}{}", format_date(*ob.discharged_on),
                           rules.events[ob.discharged_by].id,
                           ob.days ? fmt::format(", {} days late", ob.days)
                                   : std::string(", on time"));
    }
    return std::string();
}

void obligations_text(text_out& t, const ruleset& rules, const replay_result& r) {
    if (r.obligations.empty()) return;
    t.line("  obligations:");
    for (const auto& ob : r.obligations) {
        const auto& info = rules.obligations[ob.obligation];
        t.line(fmt::format("    {}: {} must send {} by {} (since {}): {}", info.id,
                           info.role != no_index ? rules.roles[info.role].id : "?",
                           info.event != no_index ? rules.events[info.event].id : "?",
                           ob.due ? format_date(*ob.due) : std::string("?"),
                           format_date(ob.started), obligation_state_text(rules, ob)));
    }
}

std::string retention_state_text(const retention_status& x) {
    switch (x.state) {
    case retention_status::status::archived:
        return x.last_day ? fmt::format("archived, kept through {}, purged on {}",
                                        format_date(*x.last_day), format_date(*x.purge_on))
                          : std::string("archived");
    case retention_status::status::restored:
        return "restored on " + format_date(*x.ended_on);
    case retention_status::status::purged:
        return "purged on " + format_date(*x.ended_on) +
               (x.purged_early ? " (before the end of the period)" : "");
    }
    return std::string();
}

void retention_text(text_out& t, const ruleset& rules, const replay_result& r) {
    if (r.retention.empty()) return;
    t.line("  retention:");
    for (const auto& x : r.retention) {
        const auto& info = rules.retentions[x.retention];
        t.line(fmt::format("    {} ({}), archived on {}: {}", info.id, info.what,
                           format_date(x.archived_on), retention_state_text(x)));
    }
}

void rejected_text(text_out& t, const ruleset& rules, const history& h, const replay_result& r) {
    if (r.rejected.empty()) return;
    t.line("  rejected:");
    for (const auto& x : r.rejected)
        t.line(fmt::format("    line {}: {} {} by {}: [{}] {}", x.line, format_date(x.day),
                           event_text(rules, h, x.event, x.line, false),
                           event_text(rules, h, x.event, x.line, true), x.id, reason(rules, h, x)));
}

// The last day of one reading, or why there is none.
std::string reading_day_text(const ruleset& rules, const interpretation& in,
                             const reading_result& x) {
    if (x.last_day) return format_date(*x.last_day);
    if (x.anchor_day) return "out of range";
    return "not started (no " +
           (in.anchor != no_index ? rules.events[in.anchor].id : std::string("anchor")) + ")";
}

void readings_text(text_out& t, const ruleset& rules, const replay_result& r) {
    if (r.readings.empty()) return;
    t.line("  readings of contested rules:");
    for (const auto& c : r.readings) {
        const auto& rs = readings_of(rules, c);
        t.line(fmt::format("    {} (started {}):", rule_id(rules, c), format_date(c.started)));
        for (const auto& x : c.results) {
            const auto& in = rs[x.reading];
            t.line(fmt::format("      {:<26} {}{}{}", in.id, reading_day_text(rules, in, x),
                               in.is_default ? "  default" : "",
                               c.most_protective && *c.most_protective == x.reading
                                   ? "  most protective for the holder"
                                   : ""));
        }
        if (neither_protective(rules, c))
            t.line("      most protective for the holder: neither (the rule names none)");
        else if (!c.most_protective)
            t.line("      most protective for the holder: undetermined until every reading "
                   "has started");
    }
}

void warnings_text(text_out& t, const ruleset& rules, const replay_result& r) {
    if (r.warnings.empty()) return;
    t.line("  warnings:");
    for (const auto& w : r.warnings)
        t.line(fmt::format("    {}[{}] {}",
                           w.line ? fmt::format("line {}: ", w.line) : std::string(), w.id,
                           message(rules, w)));
}

void explanation_text(text_out& t, const ruleset& rules, const calendar& cal,
                      const replay_result& r) {
    if (r.explanation.empty()) return;
    t.line("  explanation:");
    for (const auto& s : explanation_lines(rules, cal, r))
        t.line(fmt::format("    {} {}{}", format_date(s.day), s.text,
                           s.cite.empty() ? std::string()
                                          : fmt::format(" ({}{})", s.cite,
                                                        s.version.empty() || s.version == "-"
                                                            ? std::string()
                                                            : "; " + s.version)));
}

} // namespace

std::string to_text(const ruleset& rules, const calendar& cal, const history& h,
                    std::string_view person, const replay_result& r, bool explain) {
    text_out t;
    t.line(fmt::format("{} ({}), rules {}, as of {}", printable(person), territory_of(cal, h),
                       rules.id, format_date(r.as_of)));
    t.line(fmt::format("  state: {}{}", rules.states[r.state].id,
                       r.since ? " since " + format_date(*r.since) : std::string()));
    timeline_text(t, rules, r);
    windows_text(t, rules, r);
    scheduled_text(t, rules, r);
    obligations_text(t, rules, r);
    retention_text(t, rules, r);
    rejected_text(t, rules, h, r);
    readings_text(t, rules, r);
    warnings_text(t, rules, r);
    if (explain) explanation_text(t, rules, cal, r);
    return std::move(t.o);
}

} // namespace echeance
