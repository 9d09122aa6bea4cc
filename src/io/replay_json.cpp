// Replay results as JSON Lines: one object per person, keys in a fixed order. Written straight
// into the output (detail/json_out.hpp): the bytes nlohmann's dump() gave, at a sweep's speed.
#include "detail/json_out.hpp"
#include "detail/replay_formats.hpp"
#include "detail/replay_names.hpp"
#include "echeance/io/report.hpp"

namespace echeance {

using namespace detail;

namespace {

void day(json_out& w, year_month_day d) {
    char s[10];
    format_date(d, s);
    w.str(std::string_view(s, 10));
}

void opt_day(json_out& w, const std::optional<year_month_day>& d) {
    if (d)
        day(w, *d);
    else
        w.null();
}

template <class Id, class V>
void ids(json_out& w, const std::vector<Id>& idx, const V& items) {
    w.begin_array();
    for (auto i : idx) w.str(items[i].id);
    w.end_array();
}

// An id's name, or null for no_index.
template <class Items, class Id>
void name_or_null(json_out& w, const Items& items, Id id) {
    if (id != no_index)
        w.str(items[id].id);
    else
        w.null();
}

// An instant in UTC when `known`, else null.
void utc_or_null(json_out& w, bool known, date::sys_seconds t) {
    if (known)
        w.str(utc(t));
    else
        w.null();
}

// An input line, or null for 0 (automatic).
void line_or_null(json_out& w, std::uint32_t line) {
    if (line != 0)
        w.number(line);
    else
        w.null();
}

// The reading of a count, or null when the rule has a single (uncontested) count.
void reading(json_out& w, const std::vector<interpretation>& rs, std::uint8_t r) {
    std::string id = reading_id(rs, r);
    if (id.empty())
        w.null();
    else
        w.str(id);
}

void timeline_json(json_out& w, const ruleset& rules, const replay_result& r) {
    w.begin_array();
    for (const auto& s : r.timeline) {
        w.begin_object();
        w.key("state").str(rules.states[s.state].id);
        opt_day(w.key("from"), s.entered);
        opt_day(w.key("to"), s.left);
        name_or_null(w.key("event"), rules.events, s.event);
        w.key("role");
        if (s.role != no_index)
            w.str(rules.roles[s.role].id);
        else if (s.event != no_index)
            w.str("system");
        else
            w.null();
        line_or_null(w.key("line"), s.line);
        name_or_null(w.key("version"), rules.versions, s.version);
        w.end_object();
    }
    w.end_array();
}

void windows_json(json_out& w, const ruleset& rules, const replay_result& r) {
    w.begin_array();
    for (const auto& x : r.windows) {
        const auto& info = rules.windows[x.window];
        w.begin_object();
        w.key("window").str(info.id);
        ids(w.key("events"), info.events, rules.events);
        ids(w.key("roles"), info.roles, rules.roles);
        reading(w.key("reading"), info.readings, x.reading);
        day(w.key("opened"), x.opened);
        opt_day(w.key("last_day"), x.last_day);
        utc_or_null(w.key("end_utc"), bool(x.last_day), x.end_utc);
        w.key("version").str(vid(rules, x.version));
        w.end_object();
    }
    w.end_array();
}

void scheduled_json(json_out& w, const ruleset& rules, const replay_result& r) {
    w.begin_array();
    for (const auto& s : r.scheduled) {
        w.begin_object();
        w.key("event").str(rules.events[s.event].id);
        w.key("by").str(to_string(s.rule.kind()));
        w.key("rule").str(rules.name(s.rule));
        day(w.key("last_day"), s.last_day);
        day(w.key("effective"), s.effective);
        w.key("at_utc").str(utc(s.at));
        w.key("version").str(vid(rules, s.version));
        w.end_object();
    }
    w.end_array();
}

void obligations_json(json_out& w, const ruleset& rules, const replay_result& r) {
    w.begin_array();
    for (const auto& o : r.obligations) {
        const auto& info = rules.obligations[o.obligation];
        w.begin_object();
        w.key("obligation").str(info.id);
        name_or_null(w.key("role"), rules.roles, info.role);
        name_or_null(w.key("event"), rules.events, info.event);
        reading(w.key("reading"), info.readings, o.reading);
        day(w.key("started"), o.started);
        opt_day(w.key("due"), o.due);
        utc_or_null(w.key("end_utc"), bool(o.due), o.end_utc);
        w.key("status").str(to_string(o.state));
        if (o.state == obligation_status::status::due) {
            w.key("days_left");
            if (o.due)
                w.number(o.days);
            else
                w.null();
        } else if (o.state == obligation_status::status::overdue) {
            w.key("days_late").number(o.days);
        } else {
            opt_day(w.key("discharged_on"), o.discharged_on);
            w.key("discharged_by").str(rules.events[o.discharged_by].id);
            w.key("days_late").number(o.days);
        }
        w.key("version").str(vid(rules, o.version));
        w.end_object();
    }
    w.end_array();
}

void retention_json(json_out& w, const ruleset& rules, const replay_result& r) {
    w.begin_array();
    for (const auto& x : r.retention) {
        const auto& info = rules.retentions[x.retention];
        w.begin_object();
        w.key("retention").str(info.id);
        w.key("what").str(info.what);
        reading(w.key("reading"), info.readings, x.reading);
        day(w.key("archived_on"), x.archived_on);
        opt_day(w.key("last_day"), x.last_day);
        opt_day(w.key("purge_on"), x.purge_on);
        w.key("status").str(to_string(x.state));
        opt_day(w.key("ended_on"), x.ended_on);
        w.key("purged_early").boolean(x.purged_early);
        w.key("version").str(vid(rules, x.version));
        w.end_object();
    }
    w.end_array();
}

void rejected_json(json_out& w, const ruleset& rules, const history& h, const replay_result& r) {
    w.begin_array();
    for (const auto& x : r.rejected) {
        w.begin_object();
        w.key("line").number(x.line);
        day(w.key("on"), x.day);
        w.key("event").str(event_text(rules, h, x.event, x.line, false));
        w.key("role").str(event_text(rules, h, x.event, x.line, true));
        w.key("id").str(x.id);
        w.key("reason").str(reason(rules, h, x));
        w.end_object();
    }
    w.end_array();
}

// Every reading of one contested count, with its anchor, last day and article.
void count_readings_json(json_out& w, const ruleset& rules, const contested_count& c) {
    const auto& rs = readings_of(rules, c);
    w.begin_array();
    for (const auto& x : c.results) {
        const auto& in = rs[x.reading];
        w.begin_object();
        w.key("reading").str(in.id);
        w.key("default").boolean(in.is_default);
        event_id anchor = in.anchor != no_index ? in.anchor : c.trigger;
        w.key("anchor");
        if (in.anchor_day)
            w.str("date");
        else if (anchor != no_index)
            w.str(rules.events[anchor].id);
        else
            w.null();
        opt_day(w.key("anchor_day"), x.anchor_day);
        opt_day(w.key("last_day"), x.last_day);
        utc_or_null(w.key("end_utc"), bool(x.last_day), x.end_utc);
        w.key("version");
        if (x.anchor_day)
            w.str(vid(rules, x.version));
        else
            w.null();
        w.key("cite").str(in.why.cite);
        if (!in.why.source.empty()) w.key("source").str(in.why.source);
        w.end_object();
    }
    w.end_array();
}

void readings_json(json_out& w, const ruleset& rules, const replay_result& r) {
    w.begin_array();
    for (const auto& c : r.readings) {
        const auto& rs = readings_of(rules, c);
        w.begin_object();
        w.key("rule").str(rule_id(rules, c));
        w.key("kind").str(to_string(c.rule.kind()));
        day(w.key("started"), c.started);
        count_readings_json(w.key("readings"), rules, c);
        w.key("most_protective");
        if (c.most_protective)
            w.str(rs[*c.most_protective].id);
        else
            w.null();
        if (neither_protective(rules, c)) w.key("neither_protective").boolean(true);
        w.end_object();
    }
    w.end_array();
}

void warnings_json(json_out& w, const ruleset& rules, const replay_result& r) {
    w.begin_array();
    for (const auto& x : r.warnings) {
        w.begin_object();
        line_or_null(w.key("line"), x.line);
        w.key("id").str(x.id);
        w.key("message").str(message(rules, x));
        w.end_object();
    }
    w.end_array();
}

void explanation_json(json_out& w, const ruleset& rules, const calendar& cal,
                      const replay_result& r) {
    w.begin_array();
    for (const auto& s : explanation_lines(rules, cal, r)) {
        w.begin_object();
        day(w.key("day"), s.day);
        w.key("rule").str(s.rule);
        w.key("version").str(s.version);
        w.key("cite").str(s.cite);
        w.key("text").str(s.text);
        w.end_object();
    }
    w.end_array();
}

} // namespace

namespace detail {

void append_json_line(std::string& out, const ruleset& rules, const calendar& cal, const history& h,
                      std::string_view person, const replay_result& r, bool explain) {
    json_out w(out);
    w.begin_object();
    w.key("person").str(person);
    // Facts of the person, only when a line gave them (a NIR is never a fact printed here).
    if (h.born) day(w.key("born"), *h.born);
    if (!h.department.empty()) w.key("department").str(h.department);
    w.key("rules").str(rules.id);
    day(w.key("as_of"), r.as_of);
    w.key("territory").str(territory_of(cal, h));
    w.key("state").str(rules.states[r.state].id);
    opt_day(w.key("since"), r.since);
    timeline_json(w.key("timeline"), rules, r);
    windows_json(w.key("windows"), rules, r);
    scheduled_json(w.key("scheduled"), rules, r);
    obligations_json(w.key("obligations"), rules, r);
    retention_json(w.key("retention"), rules, r);
    rejected_json(w.key("rejected"), rules, h, r);
    readings_json(w.key("readings"), rules, r);
    warnings_json(w.key("warnings"), rules, r);
    if (explain) explanation_json(w.key("explanation"), rules, cal, r);
    w.end_object();
    out += '\n';
}

} // namespace detail

std::string to_json_line(const ruleset& rules, const calendar& cal, const history& h,
                         std::string_view person, const replay_result& r, bool explain) {
    std::string out;
    detail::append_json_line(out, rules, cal, h, person, r, explain);
    return out;
}

} // namespace echeance
