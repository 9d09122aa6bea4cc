// The texts of a replay for people: why an event was rejected, what a warning means, and the
// explanation, step by step. Words, not a format: every renderer uses them.
#include "detail/replay_names.hpp"
#include "detail/suggest.hpp"
#include "echeance/engine.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <fmt/format.h>

namespace echeance {

using namespace detail;

namespace {

// "-" when there is no version (as the explanation has always said).
const std::string& version_text(const ruleset& rules, version_id v) {
    static const std::string none = "-";
    return rules.versions.contains(v) ? rules.versions[v].id : none;
}

// " (did you mean \"information_sent\"?)" when a declared id is one typo away, else "".
template <class T, class Id>
std::string did_you_mean(const std::string& word, const indexed_vector<T, Id>& items) {
    std::vector<std::string> ids;
    for (const auto& i : items) ids.push_back(i.id);
    std::string best = detail::closest(word, ids);
    return best.empty() ? std::string() : fmt::format(" (did you mean \"{}\"?)", best);
}

// "18 years" for P18Y; the ISO form otherwise.
std::string age_text(const period& p) {
    if (p.months == 0 && p.weeks == 0 && p.days == 0) return fmt::format("{} years", p.years);
    return p.to_string();
}

// Appends to a text without a format string: the texts of the person's own days and lines (out
// of order, a condition, a wrong state, no rules) are hardly ever twice the same, so a sweep's
// JSON renders one for about every person, and fmt's run-time parsing cost more than the rest.
struct appender {
    std::string& out;
    char buf[512]; // the pieces gathered here, appended to `out` at once (one call, not twenty)
    std::size_t n = 0;
    explicit appender(std::string& o) : out(o) {}
    appender(const appender&) = delete;
    appender& operator=(const appender&) = delete;
    // Once written: what is gathered goes to `out` (not in a destructor: append may throw).
    void flush() {
        out.append(buf, n);
        n = 0;
    }
    char* room(std::size_t k) {
        if (n + k > sizeof buf) flush();
        return buf + n;
    }
    appender& operator<<(std::string_view s) {
        if (s.size() > sizeof buf) {
            flush();
            out.append(s.data(), s.size());
            return *this;
        }
        std::memcpy(room(s.size()), s.data(), s.size());
        n += s.size();
        return *this;
    }
    appender& operator<<(year_month_day d) {
        format_date(d, room(10));
        n += 10;
        return *this;
    }
    appender& operator<<(std::uint32_t v) {
        char* p = room(12);
        n += std::size_t(std::to_chars(p, p + 12, v).ptr - p);
        return *this;
    }
    appender& operator<<(date::sys_seconds t) {
        utc_to(t, room(20));
        n += 20;
        return *this;
    }
    // ", "-separated ids of idx in items (a separator once something is written).
    template <class Id, class V>
    appender& ids(const std::vector<Id>& idx, const V& items) {
        bool written = false;
        for (auto i : idx) {
            if (written) *this << ", ";
            *this << items[i].id;
            written = written || !items[i].id.empty();
        }
        return *this;
    }
};

// appender::ids() as a string, for the texts still written by fmt.
template <class Id, class V>
std::string list_ids(const std::vector<Id>& idx, const V& items) {
    std::string s;
    appender a{s};
    a.ids(idx, items);
    a.flush();
    return s;
}

// The condition's text (why::condition).
void condition_reason(appender& a, const ruleset& rules, const history& h, const rejection& x) {
    const condition_info& c = rules.conditions[x.condition];
    const role_info& role = rules.roles[x.role];
    bool while_ = role.acts_while == x.condition;
    a << role.id << " may send " << rules.events[x.event].id << " only while " << c.id
      << (while_ ? " holds (" : " does not hold (") << (c.title.empty() ? c.id : c.title)
      << "); on " << x.day << " it " << (x.held ? "holds" : "does not") << ": ";
    auto on = [&] {
        if (x.changed_on)
            a << *x.changed_on;
        else
            a << "?";
    };
    if (x.changed_by != no_index) {
        a << (x.held ? "it holds since it was set" : "it ended") << " by "
          << rules.events[x.changed_by].id << " on ";
        on();
    } else if (x.held && c.age_below && h.born) {
        a << "born " << *h.born << ", it holds until the age of " << age_text(*c.age_below)
          << ", reached on " << add(*h.born, *c.age_below, c.policy);
    } else if (c.age_below && h.born) {
        a << "born " << *h.born << ", the age of " << age_text(*c.age_below) << " was reached on ";
        on();
    }
    a << " (" << c.why.cite << ")";
}

// The wrong state's text (why::wrong_state).
void wrong_state_reason(appender& a, const ruleset& rules, const rejection& x) {
    const event_info& info = rules.events[x.event];
    auto since = [&] {
        if (x.since) a << " since " << *x.since;
    };
    if (x.instead != no_index) {
        std::string_view cite;
        for (const transition& t : info.transitions)
            if (t.instead == x.instead &&
                std::find(t.from.begin(), t.from.end(), x.state) != t.from.end())
                cite = t.why.cite;
        a << info.id << " is not possible in state " << rules.states[x.state].id;
        since();
        a << ": send " << rules.events[x.instead].id << " instead (" << cite << ")";
        return;
    }
    std::vector<state_id> allowed;
    for (const transition& t : info.transitions)
        if (t.instead == no_index)
            for (auto st : t.from)
                if (std::find(allowed.begin(), allowed.end(), st) == allowed.end())
                    allowed.push_back(st);
    a << info.id << " is allowed in state" << (allowed.size() > 1 ? "s " : " ");
    a.ids(allowed, rules.states) << "; the state is " << rules.states[x.state].id;
    since();
    if (rules.states[x.state].kind == state_kind::final) a << " (final)";
    if (x.window != no_index) {
        a << "; window " << rules.windows[x.window].id;
        if (x.closed_by != no_index)
            a << " closed on " << x.on << " by " << rules.events[x.closed_by].id;
        else
            a << " ended on " << x.on << " at 24:00 local time (" << x.end_utc << ")";
    }
}

// The other texts: once per distinct rejection in a sweep (the JSON memo keeps them).
std::string other_reason(const ruleset& rules, const history& h, const rejection& x) {
    using why = rejection::why;
    auto text = [&](std::uint16_t t) {
        return t < h.texts.size() ? printable(h.texts[t]) : std::string("?");
    };
    switch (x.code) {
    case why::out_of_order:
    case why::condition:
    case why::wrong_state:
    case why::no_rules:
        break; // append_reason's
    case why::unknown_event:
        return fmt::format("unknown event \"{}\" (not in rule set {}){}", text(x.text), rules.id,
                           did_you_mean(text(x.text), rules.events));
    case why::unknown_role:
        return fmt::format("unknown role \"{}\" (not in rule set {}){}", text(x.text), rules.id,
                           did_you_mean(text(x.text), rules.roles));
    case why::automatic_event:
        return fmt::format("{} is sent by the rules themselves at the end of its period, not "
                           "by a history line",
                           rules.events[x.event].id);
    case why::not_pending: {
        const obligation_info& o = rules.obligations[x.obligation];
        return fmt::format("{} by {} is allowed only while obligation {} is pending, and none is "
                           "({})",
                           rules.events[x.event].id, rules.roles[x.role].id, o.id, o.why.cite);
    }
    case why::role_in_state: {
        const event_info& info = rules.events[x.event];
        std::vector<role_id> roles;
        for (const transition& t : info.transitions)
            if (std::find(t.from.begin(), t.from.end(), x.state) != t.from.end())
                for (auto r : t.roles)
                    if (std::find(roles.begin(), roles.end(), r) == roles.end()) roles.push_back(r);
        return fmt::format("in state {}, {} may be sent by {}, not by {}", rules.states[x.state].id,
                           info.id, list_ids(roles, rules.roles), rules.roles[x.role].id);
    }
    case why::role_not_allowed: {
        const event_info& info = rules.events[x.event];
        return fmt::format("{} may be sent by {}, not by {}", info.id,
                           list_ids(info.roles, rules.roles), rules.roles[x.role].id);
    }
    case why::window_closed:
        return fmt::format("{} needs the window {}, closed on {} by {}", rules.events[x.event].id,
                           rules.windows[x.window].id, format_date(x.on),
                           rules.events[x.closed_by].id);
    case why::window_ended: {
        const window_info& wi = rules.windows[x.window];
        return fmt::format("{} needs the window {}, which ended on {} at 24:00 local time ({}; "
                           "{}version {})",
                           rules.events[x.event].id, wi.id, format_date(x.on), utc(x.end_utc),
                           wi.readings.empty() || wi.readings[x.reading].id.empty()
                               ? std::string()
                               : "reading " + wi.readings[x.reading].id + ", ",
                           version_text(rules, x.version));
    }
    case why::window_not_open:
        return fmt::format("{} needs the window {}, which was never opened",
                           rules.events[x.event].id, rules.windows[x.window].id);
    }
    return std::string();
}

// No version for the day, or none for this person (why::no_rules): the day is in the text, so
// a sweep renders one for about every person before the rules applied.
void no_rules_reason(appender& a, const ruleset& rules, const history& h, const rejection& x) {
    // The last version in force that day but not for this person (its scope by a person fact).
    const auto* scoped = static_cast<decltype(&rules.versions.front())>(nullptr);
    for (const auto& v : rules.versions)
        if (!v.scope.empty() && !(x.day < v.from)) scoped = &v;
    a << "no version of " << rules.id << " is in force on " << x.day;
    if (scoped == nullptr) {
        a << " (the first applies from ";
        if (rules.versions.empty())
            a << "-";
        else
            a << rules.versions.front().from;
        a << ")";
        return;
    }
    a << " for this person (the first for everyone applies from ";
    bool any = false;
    for (const auto& v : rules.versions)
        if (v.scope.empty()) {
            a << v.from;
            any = true;
            break;
        }
    if (!any) a << "-";
    const scope_reading* s = &scoped->scope.front();
    for (const auto& r : scoped->scope)
        if (r.is_default) s = &r;
    a << "); version " << scoped->id << " (from " << scoped->from
      << ") applies only to persons whose department is ";
    // A separator once something is written, as the joined string had (an empty value adds none).
    bool written = false;
    for (const auto& v : s->values) {
        if (written) a << ", ";
        a << v;
        written = written || !v.empty();
    }
    if (!s->id.empty()) a << " (reading " << s->id << ")";
    a << " (" << s->why.cite << "), and this person's is "
      << (h.department.empty() ? std::string_view("unknown") : std::string_view(h.department));
}

} // namespace

void append_reason(std::string& out, const ruleset& rules, const history& h, const rejection& x) {
    using why = rejection::why;
    appender a{out};
    switch (x.code) {
    case why::out_of_order:
        a << "dated " << x.day << ", before the event of line " << x.other_line << " (" << x.on
          << ")";
        break;
    case why::condition:
        condition_reason(a, rules, h, x);
        break;
    case why::wrong_state:
        wrong_state_reason(a, rules, x);
        break;
    case why::no_rules:
        no_rules_reason(a, rules, h, x);
        break;
    default:
        out += other_reason(rules, h, x);
        return;
    }
    a.flush();
}

std::string reason(const ruleset& rules, const history& h, const rejection& x) {
    std::string out;
    append_reason(out, rules, h, x);
    return out;
}

std::string message(const ruleset& rules, const replay_warning& w) {
    switch (w.what) {
    case replay_warning::kind::order_from_input:
        return fmt::format("several events on {} without a time or seq on each to order them: "
                           "taken in input order",
                           format_date(w.day));
    case replay_warning::kind::count:
        return w.detail;
    case replay_warning::kind::automatic_not_applied:
        return fmt::format("{} {} on {}: {} does not apply in state {}", to_string(w.rule.kind()),
                           rules.name(w.rule), format_date(w.day), rules.events[w.event].id,
                           rules.states[w.state].id);
    case replay_warning::kind::loop:
        return "too many automatic events";
    }
    return std::string();
}

std::vector<explanation_line> explanation_lines(const ruleset& rules, const calendar& cal,
                                                const replay_result& r) {
    using k = explanation_step::kind;
    std::vector<explanation_line> out;
    out.reserve(r.explanation.size() + 8);
    for (const explanation_step& s : r.explanation) {
        const std::string& v = version_text(rules, s.version);
        auto add = [&](const std::string& rule, const std::string& cite, std::string text) {
            out.push_back({s.day, rule, v, cite, std::move(text)});
        };
        switch (s.what) {
        case k::count: {
            const std::string* name = &rules.name(s.rule);
            const std::vector<interpretation>* rs = &rules.readings(s.rule);
            const interpretation& in = (*rs)[s.reading];
            const timing* t = detail::timing_of(in, s.version);
            if (!t) break;
            deadline d = detail::count_deadline(cal, *t, s.day, s.where);
            add(*name, in.why.cite,
                fmt::format("{} ({}reading {}, version {}): {} from {}, convention {}", *name,
                            in.is_default ? "default " : "", in.id, v, t->length.to_string(),
                            format_date(s.day), to_string(t->rule)));
            for (auto& e : explain(cal, d)) add(*name, e.cite, "  " + e.text);
            break;
        }
        case k::count_waits: {
            const window_info& w = rules.windows[s.rule.window()];
            add(w.id, w.readings[s.reading].why.cite,
                fmt::format("{}: its count starts with {}, not yet recorded", w.id,
                            rules.events[s.event].id));
            break;
        }
        case k::timer_cancelled: {
            const timer_info& t = rules.timers[s.rule.timer()];
            add(t.id, t.why.cite,
                fmt::format("timer {} cancelled by {}", t.id, rules.events[s.event].id));
            break;
        }
        case k::timer_window_closed: {
            const timer_info& t = rules.timers[s.rule.timer()];
            add(t.id, t.why.cite,
                fmt::format("timer {} cancelled: window {} closed by {}", t.id,
                            rules.windows[s.window].id, rules.events[s.event].id));
            break;
        }
        case k::obligation_already_due: {
            const obligation_info& o = rules.obligations[s.rule.obligation()];
            add(o.id, o.why.cite,
                fmt::format("{} already due since {}: the first count stands", o.id,
                            format_date(*s.other)));
            break;
        }
        case k::obligation_discharged: {
            const obligation_info& o = rules.obligations[s.rule.obligation()];
            add(o.id, o.why.cite,
                fmt::format("{} discharged by {} on {}{}", o.id, rules.events[s.event].id,
                            format_date(s.day),
                            s.other && s.day > *s.other
                                ? fmt::format(", {} days late",
                                              (sys_days(s.day) - sys_days(*s.other)).count())
                                : std::string(s.other ? ", on time" : "")));
            break;
        }
        case k::retention_kept: {
            const retention_info& x = rules.retentions[s.rule.retention()];
            add(x.id, x.why.cite,
                fmt::format("{}: already archived, the first count stands", x.id));
            break;
        }
        case k::retention_restored: {
            const retention_info& x = rules.retentions[s.rule.retention()];
            add(x.id, x.why.cite,
                fmt::format("{} restored by {} (archived since {})", x.id, rules.events[s.event].id,
                            format_date(*s.other)));
            break;
        }
        case k::retention_not_restored: {
            const retention_info& x = rules.retentions[s.rule.retention()];
            add(x.id, x.why.cite,
                fmt::format("{}: nothing to restore, purged on {}", x.id, format_date(*s.other)));
            break;
        }
        case k::retention_purged: {
            const retention_info& x = rules.retentions[s.rule.retention()];
            add(x.id, x.why.cite,
                fmt::format("{} purged by {} on {}", x.id, rules.events[s.event].id,
                            format_date(s.day)));
            break;
        }
        case k::accepted: {
            const event_info& info = rules.events[s.event];
            const transition& t = info.transitions[s.transition];
            add(info.id, t.why.cite.empty() ? info.why.cite : t.why.cite,
                fmt::format("{}{} {}: {} -> {}{}",
                            s.line ? fmt::format("line {}: ", s.line) : std::string(), info.id,
                            s.role == no_index ? std::string("automatically")
                                               : "by " + rules.roles[s.role].id,
                            rules.states[s.from].id, rules.states[s.to].id,
                            s.window != no_index
                                ? fmt::format(" (within {}, open through {})",
                                              rules.windows[s.window].id,
                                              s.other ? format_date(*s.other)
                                                      : std::string("an end not yet known"))
                                : std::string()));
            break;
        }
        case k::timer_fired: {
            const timer_info& t = rules.timers[s.rule.timer()];
            add(t.id, t.why.cite,
                fmt::format("timer {} fires at 24:00 on {}: {} from {}", t.id,
                            format_date(*s.other), rules.events[s.event].id, format_date(s.day)));
            break;
        }
        case k::retention_ended: {
            const retention_info& x = rules.retentions[s.rule.retention()];
            add(x.id, x.why.cite,
                fmt::format("{}: kept through {}, purged at 24:00", x.id, format_date(*s.other)));
            break;
        }
        case k::automatic_not_applied: {
            const event_info& info = rules.events[s.event];
            add(info.id, info.why.cite,
                fmt::format("{} {} on {}: {} does not apply in state {}", to_string(s.by.kind()),
                            rules.name(s.by), format_date(s.day), info.id,
                            rules.states[s.from].id));
            break;
        }
        }
    }
    return out;
}

} // namespace echeance
