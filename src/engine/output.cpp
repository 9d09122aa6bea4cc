// Replay results as JSON Lines (stable key order) and as text for people.
#include "count.hpp"
#include "echeance/engine.hpp"
#include "rules/names.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace echeance {

namespace {

using ojson = nlohmann::ordered_json;

std::string utc(date::sys_seconds t) {
    return date::format("%Y-%m-%dT%H:%M:%SZ", t);
}

ojson opt_day(const std::optional<year_month_day>& d) {
    return d ? ojson(format_date(*d)) : ojson(nullptr);
}

const std::string& vid(const ruleset& rules, rule_index v) {
    static const std::string none;
    return v < rules.versions.size() ? rules.versions[v].id : none;
}

template <class V>
ojson ids(const std::vector<rule_index>& idx, const V& items) {
    ojson a = ojson::array();
    for (auto i : idx) a.push_back(items[i].id);
    return a;
}

const std::vector<interpretation>& readings_of(const ruleset& rules, const contested_count& c) {
    switch (c.what) {
    case contested_count::kind::window:
        return rules.windows[c.rule].readings;
    case contested_count::kind::timer:
        return rules.timers[c.rule].readings;
    case contested_count::kind::obligation:
        return rules.obligations[c.rule].readings;
    case contested_count::kind::retention:
        return rules.retentions[c.rule].readings;
    }
    return rules.windows[c.rule].readings;
}

const std::string& rule_id(const ruleset& rules, const contested_count& c) {
    switch (c.what) {
    case contested_count::kind::window:
        return rules.windows[c.rule].id;
    case contested_count::kind::timer:
        return rules.timers[c.rule].id;
    case contested_count::kind::obligation:
        return rules.obligations[c.rule].id;
    case contested_count::kind::retention:
        return rules.retentions[c.rule].id;
    }
    return rules.windows[c.rule].id;
}

std::string reading_id(const std::vector<interpretation>& rs, std::uint8_t r) {
    return r < rs.size() ? rs[r].id : std::string();
}

// The reading of a count, or null when the rule has a single (uncontested) count.
ojson reading_json(const std::vector<interpretation>& rs, std::uint8_t r) {
    std::string id = reading_id(rs, r);
    return id.empty() ? ojson(nullptr) : ojson(id);
}

// Input echoed in output: control characters shown as \xNN, so that a history line can never
// forge a line of the report.
std::string printable(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F)
            out += fmt::format("\\x{:02X}", unsigned(u));
        else
            out += c;
    }
    return out;
}

std::string event_text(const ruleset& rules, const history& h, rule_index ev, std::uint32_t line,
                       bool role) {
    for (const auto& e : h.events)
        if (e.line == line) {
            if (role) {
                if (e.role != no_index) return rules.roles[e.role].id;
                return e.role_text < h.texts.size() ? printable(h.texts[e.role_text])
                                                    : std::string("?");
            }
            if (e.event != no_index) return rules.events[e.event].id;
            return e.event_text < h.texts.size() ? printable(h.texts[e.event_text])
                                                 : std::string("?");
        }
    return ev != no_index ? rules.events[ev].id : std::string("?");
}

std::string territory_of(const calendar& cal, const history& h) {
    return h.events.empty() ? std::string() : cal.id(h.events.back().where);
}

// "-" when there is no version (as the explanation has always said).
const std::string& version_text(const ruleset& rules, rule_index v) {
    static const std::string none = "-";
    return v < rules.versions.size() ? rules.versions[v].id : none;
}

template <class V>
std::string list_ids(const std::vector<rule_index>& idx, const V& items) {
    std::string s;
    for (auto i : idx) {
        if (!s.empty()) s += ", ";
        s += items[i].id;
    }
    return s;
}

} // namespace

namespace {
// " (did you mean \"information_sent\"?)" when a declared id is one typo away, else "".
template <class T>
std::string did_you_mean(const std::string& word, const std::vector<T>& items) {
    std::vector<std::string> ids;
    for (const auto& i : items) ids.push_back(i.id);
    std::string best = rules::closest(word, ids);
    return best.empty() ? std::string() : fmt::format(" (did you mean \"{}\"?)", best);
}
} // namespace

namespace {
// The rule declares that neither reading favours the holder ("most_protective": "neither").
bool neither_protective(const ruleset& rules, const contested_count& c) {
    return detail::protective_of(rules, c.what, c.rule) == protective::neither;
}

// "18 years" for P18Y; the ISO form otherwise.
std::string age_text(const period& p) {
    if (p.months == 0 && p.weeks == 0 && p.days == 0) return fmt::format("{} years", p.years);
    return p.to_string();
}
} // namespace

std::string reason(const ruleset& rules, const history& h, const rejection& x) {
    using why = rejection::why;
    auto text = [&](std::uint16_t t) {
        return t < h.texts.size() ? printable(h.texts[t]) : std::string("?");
    };
    switch (x.code) {
    case why::out_of_order:
        return fmt::format("dated {}, before the event of line {} ({})", format_date(x.day),
                           x.other_line, format_date(x.on));
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
    case why::no_rules: {
        // A version in force that day but not for this person (its scope by a person fact).
        std::string scope;
        for (const auto& v : rules.versions) {
            if (v.scope.empty() || x.day < v.from) continue;
            const scope_reading* s = &v.scope.front();
            for (const auto& r : v.scope)
                if (r.is_default) s = &r;
            std::string vals;
            for (const auto& d : s->values) vals += (vals.empty() ? "" : ", ") + d;
            scope = fmt::format("; version {} (from {}) applies only to persons whose department "
                                "is {}{} ({}), and this person's is {}",
                                v.id, format_date(v.from), vals,
                                s->id.empty() ? std::string() : " (reading " + s->id + ")",
                                s->why.cite, h.department.empty() ? "unknown" : h.department);
        }
        if (scope.empty())
            return fmt::format("no version of {} is in force on {} (the first applies from {})",
                               rules.id, format_date(x.day),
                               rules.versions.empty() ? std::string("-")
                                                      : format_date(rules.versions.front().from));
        std::string first = "-";
        for (const auto& v : rules.versions)
            if (v.scope.empty()) {
                first = format_date(v.from);
                break;
            }
        return fmt::format("no version of {} is in force on {} for this person (the first for "
                           "everyone applies from {}){}",
                           rules.id, format_date(x.day), first, scope);
    }
    case why::condition: {
        const condition_info& c = rules.conditions[x.condition];
        const role_info& role = rules.roles[x.role];
        bool while_ = role.acts_while == x.condition;
        std::string on = x.changed_on ? format_date(*x.changed_on) : std::string("?");
        std::string cause;
        if (x.changed_by != no_index)
            cause = fmt::format("{} by {} on {}", x.held ? "it holds since it was set" : "it ended",
                                rules.events[x.changed_by].id, on);
        else if (x.held && c.age_below && h.born)
            cause = fmt::format("born {}, it holds until the age of {}, reached on {}",
                                format_date(*h.born), age_text(*c.age_below),
                                format_date(add(*h.born, *c.age_below, c.policy)));
        else if (c.age_below && h.born)
            cause = fmt::format("born {}, the age of {} was reached on {}", format_date(*h.born),
                                age_text(*c.age_below), on);
        return fmt::format("{} may send {} only while {} {} ({}); on {} it {}: {} ({})", role.id,
                           rules.events[x.event].id, c.id, while_ ? "holds" : "does not hold",
                           c.title.empty() ? c.id : c.title, format_date(x.day),
                           x.held ? "holds" : "does not", cause, c.why.cite);
    }
    case why::not_pending: {
        const obligation_info& o = rules.obligations[x.obligation];
        return fmt::format("{} by {} is allowed only while obligation {} is pending, and none is "
                           "({})",
                           rules.events[x.event].id, rules.roles[x.role].id, o.id, o.why.cite);
    }
    case why::role_in_state: {
        const event_info& info = rules.events[x.event];
        std::vector<rule_index> roles;
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
    case why::wrong_state: {
        const event_info& info = rules.events[x.event];
        std::vector<rule_index> allowed;
        for (const transition& t : info.transitions)
            for (auto st : t.instead != no_index ? std::vector<rule_index>{} : t.from)
                if (std::find(allowed.begin(), allowed.end(), st) == allowed.end())
                    allowed.push_back(st);
        std::string hint;
        if (x.instead != no_index) {
            std::string cite;
            for (const transition& t : info.transitions)
                if (t.instead == x.instead &&
                    std::find(t.from.begin(), t.from.end(), x.state) != t.from.end())
                    cite = t.why.cite;
            return fmt::format("{} is not possible in state {}{}: send {} instead ({})", info.id,
                               rules.states[x.state].id,
                               x.since ? " since " + format_date(*x.since) : std::string(),
                               rules.events[x.instead].id, cite);
        }
        if (x.window != no_index) {
            const std::string& w = rules.windows[x.window].id;
            hint = x.closed_by != no_index
                       ? fmt::format("; window {} closed on {} by {}", w, format_date(x.on),
                                     rules.events[x.closed_by].id)
                       : fmt::format("; window {} ended on {} at 24:00 local time ({})", w,
                                     format_date(x.on), utc(x.end_utc));
        }
        return fmt::format("{} is allowed in state{} {}; the state is {}{}{}{}", info.id,
                           allowed.size() > 1 ? "s" : "", list_ids(allowed, rules.states),
                           rules.states[x.state].id,
                           x.since ? " since " + format_date(*x.since) : std::string(),
                           rules.states[x.state].kind == state_kind::final ? " (final)" : "", hint);
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

std::string message(const ruleset& rules, const replay_warning& w) {
    switch (w.what) {
    case replay_warning::kind::order_from_input:
        return fmt::format("several events on {} without a time or seq on each to order them: "
                           "taken in input order",
                           format_date(w.day));
    case replay_warning::kind::count:
        return w.detail;
    case replay_warning::kind::automatic_not_applied:
        return fmt::format("{} {} on {}: {} does not apply in state {}",
                           w.from_timer ? "timer" : "retention",
                           w.from_timer ? rules.timers[w.rule].id : rules.retentions[w.rule].id,
                           format_date(w.day), rules.events[w.event].id, rules.states[w.state].id);
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
            const std::string* name = nullptr;
            const std::vector<interpretation>* rs = nullptr;
            switch (s.subject) {
            case contested_count::kind::window:
                name = &rules.windows[s.rule].id;
                rs = &rules.windows[s.rule].readings;
                break;
            case contested_count::kind::timer:
                name = &rules.timers[s.rule].id;
                rs = &rules.timers[s.rule].readings;
                break;
            case contested_count::kind::obligation:
                name = &rules.obligations[s.rule].id;
                rs = &rules.obligations[s.rule].readings;
                break;
            case contested_count::kind::retention:
                name = &rules.retentions[s.rule].id;
                rs = &rules.retentions[s.rule].readings;
                break;
            }
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
            const window_info& w = rules.windows[s.rule];
            add(w.id, w.readings[s.reading].why.cite,
                fmt::format("{}: its count starts with {}, not yet recorded", w.id,
                            rules.events[s.event].id));
            break;
        }
        case k::timer_cancelled: {
            const timer_info& t = rules.timers[s.rule];
            add(t.id, t.why.cite,
                fmt::format("timer {} cancelled by {}", t.id, rules.events[s.event].id));
            break;
        }
        case k::timer_window_closed: {
            const timer_info& t = rules.timers[s.rule];
            add(t.id, t.why.cite,
                fmt::format("timer {} cancelled: window {} closed by {}", t.id,
                            rules.windows[s.window].id, rules.events[s.event].id));
            break;
        }
        case k::obligation_already_due: {
            const obligation_info& o = rules.obligations[s.rule];
            add(o.id, o.why.cite,
                fmt::format("{} already due since {}: the first count stands", o.id,
                            format_date(*s.other)));
            break;
        }
        case k::obligation_discharged: {
            const obligation_info& o = rules.obligations[s.rule];
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
            const retention_info& x = rules.retentions[s.rule];
            add(x.id, x.why.cite,
                fmt::format("{}: already archived, the first count stands", x.id));
            break;
        }
        case k::retention_restored: {
            const retention_info& x = rules.retentions[s.rule];
            add(x.id, x.why.cite,
                fmt::format("{} restored by {} (archived since {})", x.id, rules.events[s.event].id,
                            format_date(*s.other)));
            break;
        }
        case k::retention_not_restored: {
            const retention_info& x = rules.retentions[s.rule];
            add(x.id, x.why.cite,
                fmt::format("{}: nothing to restore, purged on {}", x.id, format_date(*s.other)));
            break;
        }
        case k::retention_purged: {
            const retention_info& x = rules.retentions[s.rule];
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
                            rules.states[s.from].id, rules.states[t.to].id,
                            s.window != no_index
                                ? fmt::format(" (within {}, open through {})",
                                              rules.windows[s.window].id,
                                              s.other ? format_date(*s.other)
                                                      : std::string("an end not yet known"))
                                : std::string()));
            break;
        }
        case k::timer_fired: {
            const timer_info& t = rules.timers[s.rule];
            add(t.id, t.why.cite,
                fmt::format("timer {} fires at 24:00 on {}: {} from {}", t.id,
                            format_date(*s.other), rules.events[s.event].id, format_date(s.day)));
            break;
        }
        case k::retention_ended: {
            const retention_info& x = rules.retentions[s.rule];
            add(x.id, x.why.cite,
                fmt::format("{}: kept through {}, purged at 24:00", x.id, format_date(*s.other)));
            break;
        }
        case k::automatic_not_applied: {
            const event_info& info = rules.events[s.event];
            add(info.id, info.why.cite,
                fmt::format("{} {} on {}: {} does not apply in state {}",
                            s.flag ? "timer" : "retention",
                            s.flag ? rules.timers[s.by].id : rules.retentions[s.by].id,
                            format_date(s.day), info.id, rules.states[s.from].id));
            break;
        }
        }
    }
    return out;
}

std::string to_json_line(const ruleset& rules, const calendar& cal, const history& h,
                         std::string_view person, const replay_result& r, bool explain) {
    ojson j;
    j["person"] = std::string(person);
    // Facts of the person, only when a line gave them (a NIR is never a fact printed here).
    if (h.born) j["born"] = format_date(*h.born);
    if (!h.department.empty()) j["department"] = h.department;
    j["rules"] = rules.id;
    j["as_of"] = format_date(r.as_of);
    j["territory"] = territory_of(cal, h);
    j["state"] = rules.states[r.state].id;
    j["since"] = opt_day(r.since);

    ojson tl = ojson::array();
    for (const auto& s : r.timeline) {
        ojson e;
        e["state"] = rules.states[s.state].id;
        e["from"] = opt_day(s.entered);
        e["to"] = opt_day(s.left);
        e["event"] = s.event != no_index ? ojson(rules.events[s.event].id) : ojson(nullptr);
        e["role"] = s.role != no_index ? ojson(rules.roles[s.role].id)
                                       : (s.event != no_index ? ojson("system") : ojson(nullptr));
        e["line"] = s.line ? ojson(s.line) : ojson(nullptr);
        e["version"] = s.version != no_index ? ojson(vid(rules, s.version)) : ojson(nullptr);
        tl.push_back(std::move(e));
    }
    j["timeline"] = std::move(tl);

    ojson ws = ojson::array();
    for (const auto& w : r.windows) {
        const auto& info = rules.windows[w.window];
        ojson e;
        e["window"] = info.id;
        e["events"] = ids(info.events, rules.events);
        e["roles"] = ids(info.roles, rules.roles);
        e["reading"] = reading_json(info.readings, w.reading);
        e["opened"] = format_date(w.opened);
        e["last_day"] = opt_day(w.last_day);
        e["end_utc"] = w.last_day ? ojson(utc(w.end_utc)) : ojson(nullptr);
        e["version"] = vid(rules, w.version);
        ws.push_back(std::move(e));
    }
    j["windows"] = std::move(ws);

    ojson sc = ojson::array();
    for (const auto& s : r.scheduled) {
        ojson e;
        e["event"] = rules.events[s.event].id;
        e["by"] = s.from == scheduled_move::source::timer ? "timer" : "retention";
        e["rule"] = s.from == scheduled_move::source::timer ? rules.timers[s.rule].id
                                                            : rules.retentions[s.rule].id;
        e["last_day"] = format_date(s.last_day);
        e["effective"] = format_date(s.effective);
        e["at_utc"] = utc(s.at);
        e["version"] = vid(rules, s.version);
        sc.push_back(std::move(e));
    }
    j["scheduled"] = std::move(sc);

    ojson ob = ojson::array();
    for (const auto& o : r.obligations) {
        const auto& info = rules.obligations[o.obligation];
        ojson e;
        e["obligation"] = info.id;
        e["role"] = info.role != no_index ? ojson(rules.roles[info.role].id) : ojson(nullptr);
        e["event"] = info.event != no_index ? ojson(rules.events[info.event].id) : ojson(nullptr);
        e["reading"] = reading_json(info.readings, o.reading);
        e["started"] = format_date(o.started);
        e["due"] = opt_day(o.due);
        e["end_utc"] = o.due ? ojson(utc(o.end_utc)) : ojson(nullptr);
        e["status"] = std::string(to_string(o.state));
        if (o.state == obligation_status::status::due) {
            e["days_left"] = o.due ? ojson(o.days) : ojson(nullptr);
        } else if (o.state == obligation_status::status::overdue) {
            e["days_late"] = o.days;
        } else {
            e["discharged_on"] = opt_day(o.discharged_on);
            e["discharged_by"] = rules.events[o.discharged_by].id;
            e["days_late"] = o.days;
        }
        e["version"] = vid(rules, o.version);
        ob.push_back(std::move(e));
    }
    j["obligations"] = std::move(ob);

    ojson rt = ojson::array();
    for (const auto& x : r.retention) {
        const auto& info = rules.retentions[x.retention];
        ojson e;
        e["retention"] = info.id;
        e["what"] = info.what;
        e["reading"] = reading_json(info.readings, x.reading);
        e["archived_on"] = format_date(x.archived_on);
        e["last_day"] = opt_day(x.last_day);
        e["purge_on"] = opt_day(x.purge_on);
        e["status"] = std::string(to_string(x.state));
        e["ended_on"] = opt_day(x.ended_on);
        e["purged_early"] = x.purged_early;
        e["version"] = vid(rules, x.version);
        rt.push_back(std::move(e));
    }
    j["retention"] = std::move(rt);

    ojson rj = ojson::array();
    for (const auto& x : r.rejected) {
        ojson e;
        e["line"] = x.line;
        e["on"] = format_date(x.day);
        e["event"] = event_text(rules, h, x.event, x.line, false);
        e["role"] = event_text(rules, h, x.event, x.line, true);
        e["id"] = std::string(x.id);
        e["reason"] = reason(rules, h, x);
        rj.push_back(std::move(e));
    }
    j["rejected"] = std::move(rj);

    ojson rd = ojson::array();
    for (const auto& c : r.readings) {
        const auto& rs = readings_of(rules, c);
        ojson e;
        e["rule"] = rule_id(rules, c);
        e["kind"] = std::string(to_string(c.what));
        e["started"] = format_date(c.started);
        ojson list = ojson::array();
        for (const auto& x : c.results) {
            const auto& in = rs[x.reading];
            ojson y;
            y["reading"] = in.id;
            y["default"] = in.is_default;
            rule_index anchor = in.anchor != no_index ? in.anchor : c.trigger;
            y["anchor"] = in.anchor_day ? ojson("date")
                                        : (anchor != no_index ? ojson(rules.events[anchor].id)
                                                              : ojson(nullptr));
            y["anchor_day"] = opt_day(x.anchor_day);
            y["last_day"] = opt_day(x.last_day);
            y["end_utc"] = x.last_day ? ojson(utc(x.end_utc)) : ojson(nullptr);
            y["version"] = x.anchor_day ? ojson(vid(rules, x.version)) : ojson(nullptr);
            y["cite"] = in.why.cite;
            if (!in.why.source.empty()) y["source"] = in.why.source;
            list.push_back(std::move(y));
        }
        e["readings"] = std::move(list);
        e["most_protective"] =
            c.most_protective ? ojson(rs[*c.most_protective].id) : ojson(nullptr);
        if (neither_protective(rules, c)) e["neither_protective"] = true;
        rd.push_back(std::move(e));
    }
    j["readings"] = std::move(rd);

    ojson wn = ojson::array();
    for (const auto& w : r.warnings) {
        ojson e;
        e["line"] = w.line ? ojson(w.line) : ojson(nullptr);
        e["id"] = std::string(w.id);
        e["message"] = message(rules, w);
        wn.push_back(std::move(e));
    }
    j["warnings"] = std::move(wn);

    if (explain) {
        ojson ex = ojson::array();
        for (const auto& s : explanation_lines(rules, cal, r)) {
            ojson e;
            e["day"] = format_date(s.day);
            e["rule"] = s.rule;
            e["version"] = s.version;
            e["cite"] = s.cite;
            e["text"] = s.text;
            ex.push_back(std::move(e));
        }
        j["explanation"] = std::move(ex);
    }
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

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
                             s.from == scheduled_move::source::timer ? "timer" : "retention",
                             s.from == scheduled_move::source::timer ? rules.timers[s.rule].id
                                                                     : rules.retentions[s.rule].id,
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
