// Replay results as text for people: state, timeline, open windows, next deadlines,
// obligations, retention, rejected events, readings.
#include "detail/replay_names.hpp"
#include "echeance/io/report.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace echeance {

using namespace detail;

std::string to_text(const ruleset& rules, const calendar& cal, const history& h,
                    std::string_view person, const replay_result& r, bool explain) {
    std::string o;
    auto line = [&](const std::string& s) {
        std::size_t n = s.find_last_not_of(' ');
        o.append(s, 0, n == std::string::npos ? 0 : n + 1);
        o += '\n';
    };
    line(fmt::format("{} ({}), rules {}, as of {}", printable(person), territory_of(cal, h),
                     rules.id, format_date(r.as_of)));
    line(fmt::format("  state: {}{}", rules.states[r.state].id,
                     r.since ? " since " + format_date(*r.since) : std::string()));
    line("  timeline:");
    for (const auto& s : r.timeline) {
        std::string span;
        if (!s.entered)
            span = s.left ? "until " + format_date(*s.left) : "from the start";
        else if (s.left)
            span = format_date(*s.entered) + " to " + format_date(*s.left);
        else
            span = "since " + format_date(*s.entered);
        std::string why;
        if (s.event != no_index) {
            why = rules.events[s.event].id +
                  (s.role != no_index ? " by " + rules.roles[s.role].id
                                      : std::string(" (automatic)")) +
                  (s.line ? fmt::format(", line {}", s.line) : std::string()) +
                  (s.version != no_index ? ", " + vid(rules, s.version) : std::string());
        }
        line(fmt::format("    {:<10} {:<26} {}", rules.states[s.state].id, span, why));
    }
    if (!r.windows.empty()) {
        line("  open windows:");
        for (const auto& w : r.windows) {
            const auto& info = rules.windows[w.window];
            std::string evs, roles;
            for (auto e : info.events) evs += (evs.empty() ? "" : ", ") + rules.events[e].id;
            for (auto e : info.roles) roles += (roles.empty() ? "" : ", ") + rules.roles[e].id;
            std::string rd = reading_id(info.readings, w.reading);
            line(fmt::format("    {} by {}: until {} ({}{}, {})", evs, roles,
                             w.last_day
                                 ? format_date(*w.last_day) + " 24:00 local time, " + utc(w.end_utc)
                                 : std::string("its count has not started"),
                             info.id, rd.empty() ? rd : "; " + rd, vid(rules, w.version)));
        }
    }
    if (!r.scheduled.empty()) {
        line("  next deadlines:");
        for (const auto& s : r.scheduled)
            line(fmt::format("    {} 24:00 ({}): {} ({} {}), in effect from {}",
                             format_date(s.last_day), utc(s.at), rules.events[s.event].id,
                             to_string(s.rule.kind()), rules.name(s.rule),
                             format_date(s.effective)));
    }
    if (!r.obligations.empty()) {
        line("  obligations:");
        for (const auto& ob : r.obligations) {
            const auto& info = rules.obligations[ob.obligation];
            std::string state;
            switch (ob.state) {
            case obligation_status::status::due:
                state = ob.due ? fmt::format("due, {} day{} left", ob.days, ob.days == 1 ? "" : "s")
                               : "due, its count has not started";
                break;
            case obligation_status::status::overdue:
                state = fmt::format("OVERDUE by {} day{}", ob.days, ob.days == 1 ? "" : "s");
                break;
            case obligation_status::status::discharged:
                state = fmt::format("discharged on {} by {}{}", format_date(*ob.discharged_on),
                                    rules.events[ob.discharged_by].id,
                                    ob.days ? fmt::format(", {} days late", ob.days)
                                            : std::string(", on time"));
                break;
            }
            line(fmt::format("    {}: {} must send {} by {} (since {}): {}", info.id,
                             info.role != no_index ? rules.roles[info.role].id : "?",
                             info.event != no_index ? rules.events[info.event].id : "?",
                             ob.due ? format_date(*ob.due) : std::string("?"),
                             format_date(ob.started), state));
        }
    }
    if (!r.retention.empty()) {
        line("  retention:");
        for (const auto& x : r.retention) {
            const auto& info = rules.retentions[x.retention];
            std::string state;
            switch (x.state) {
            case retention_status::status::archived:
                state = x.last_day ? fmt::format("archived, kept through {}, purged on {}",
                                                 format_date(*x.last_day), format_date(*x.purge_on))
                                   : std::string("archived");
                break;
            case retention_status::status::restored:
                state = "restored on " + format_date(*x.ended_on);
                break;
            case retention_status::status::purged:
                state = "purged on " + format_date(*x.ended_on) +
                        (x.purged_early ? " (before the end of the period)" : "");
                break;
            }
            line(fmt::format("    {} ({}), archived on {}: {}", info.id, info.what,
                             format_date(x.archived_on), state));
        }
    }
    if (!r.rejected.empty()) {
        line("  rejected:");
        for (const auto& x : r.rejected)
            line(fmt::format("    line {}: {} {} by {}: [{}] {}", x.line, format_date(x.day),
                             event_text(rules, h, x.event, x.line, false),
                             event_text(rules, h, x.event, x.line, true), x.id,
                             reason(rules, h, x)));
    }
    if (!r.readings.empty()) {
        line("  readings of contested rules:");
        for (const auto& c : r.readings) {
            const auto& rs = readings_of(rules, c);
            line(fmt::format("    {} (started {}):", rule_id(rules, c), format_date(c.started)));
            for (const auto& x : c.results) {
                const auto& in = rs[x.reading];
                line(fmt::format("      {:<26} {}{}{}", in.id,
                                 x.last_day ? format_date(*x.last_day)
                                            : (x.anchor_day ? std::string("out of range")
                                                            : "not started (no " +
                                                                  (in.anchor != no_index
                                                                       ? rules.events[in.anchor].id
                                                                       : std::string("anchor")) +
                                                                  ")"),
                                 in.is_default ? "  default" : "",
                                 c.most_protective && *c.most_protective == x.reading
                                     ? "  most protective for the holder"
                                     : ""));
            }
            if (neither_protective(rules, c))
                line("      most protective for the holder: neither (the rule names none)");
            else if (!c.most_protective)
                line("      most protective for the holder: undetermined until every reading "
                     "has started");
        }
    }
    if (!r.warnings.empty()) {
        line("  warnings:");
        for (const auto& w : r.warnings)
            line(fmt::format("    {}[{}] {}",
                             w.line ? fmt::format("line {}: ", w.line) : std::string(), w.id,
                             message(rules, w)));
    }
    if (explain && !r.explanation.empty()) {
        line("  explanation:");
        for (const auto& s : explanation_lines(rules, cal, r))
            line(fmt::format("    {} {}{}", format_date(s.day), s.text,
                             s.cite.empty() ? std::string()
                                            : fmt::format(" ({}{})", s.cite,
                                                          s.version.empty() || s.version == "-"
                                                              ? std::string()
                                                              : "; " + s.version)));
    }
    return o;
}

} // namespace echeance
