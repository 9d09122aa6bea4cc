// Replay results as JSON Lines: one object per person, keys in a fixed order.
#include "detail/replay_names.hpp"
#include "echeance/io/report.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace echeance {

using namespace detail;

namespace {

using ojson = nlohmann::ordered_json;

ojson opt_day(const std::optional<year_month_day>& d) {
    return d ? ojson(format_date(*d)) : ojson(nullptr);
}

template <class Id, class V>
ojson ids(const std::vector<Id>& idx, const V& items) {
    ojson a = ojson::array();
    for (auto i : idx) a.push_back(items[i].id);
    return a;
}

// The reading of a count, or null when the rule has a single (uncontested) count.
ojson reading_json(const std::vector<interpretation>& rs, std::uint8_t r) {
    std::string id = reading_id(rs, r);
    return id.empty() ? ojson(nullptr) : ojson(id);
}

ojson timeline_json(const ruleset& rules, const replay_result& r) {
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
    return tl;
}

ojson windows_json(const ruleset& rules, const replay_result& r) {
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
    return ws;
}

ojson scheduled_json(const ruleset& rules, const replay_result& r) {
    ojson sc = ojson::array();
    for (const auto& s : r.scheduled) {
        ojson e;
        e["event"] = rules.events[s.event].id;
        e["by"] = std::string(to_string(s.rule.kind()));
        e["rule"] = rules.name(s.rule);
        e["last_day"] = format_date(s.last_day);
        e["effective"] = format_date(s.effective);
        e["at_utc"] = utc(s.at);
        e["version"] = vid(rules, s.version);
        sc.push_back(std::move(e));
    }
    return sc;
}

ojson obligations_json(const ruleset& rules, const replay_result& r) {
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
    return ob;
}

ojson retention_json(const ruleset& rules, const replay_result& r) {
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
    return rt;
}

ojson rejected_json(const ruleset& rules, const history& h, const replay_result& r) {
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
    return rj;
}

// Every reading of one contested count, with its anchor, last day and article.
ojson count_readings_json(const ruleset& rules, const contested_count& c) {
    const auto& rs = readings_of(rules, c);
    ojson list = ojson::array();
    for (const auto& x : c.results) {
        const auto& in = rs[x.reading];
        ojson y;
        y["reading"] = in.id;
        y["default"] = in.is_default;
        event_id anchor = in.anchor != no_index ? in.anchor : c.trigger;
        y["anchor"] = in.anchor_day
                          ? ojson("date")
                          : (anchor != no_index ? ojson(rules.events[anchor].id) : ojson(nullptr));
        y["anchor_day"] = opt_day(x.anchor_day);
        y["last_day"] = opt_day(x.last_day);
        y["end_utc"] = x.last_day ? ojson(utc(x.end_utc)) : ojson(nullptr);
        y["version"] = x.anchor_day ? ojson(vid(rules, x.version)) : ojson(nullptr);
        y["cite"] = in.why.cite;
        if (!in.why.source.empty()) y["source"] = in.why.source;
        list.push_back(std::move(y));
    }
    return list;
}

ojson readings_json(const ruleset& rules, const replay_result& r) {
    ojson rd = ojson::array();
    for (const auto& c : r.readings) {
        const auto& rs = readings_of(rules, c);
        ojson e;
        e["rule"] = rule_id(rules, c);
        e["kind"] = std::string(to_string(c.rule.kind()));
        e["started"] = format_date(c.started);
        e["readings"] = count_readings_json(rules, c);
        e["most_protective"] =
            c.most_protective ? ojson(rs[*c.most_protective].id) : ojson(nullptr);
        if (neither_protective(rules, c)) e["neither_protective"] = true;
        rd.push_back(std::move(e));
    }
    return rd;
}

ojson warnings_json(const ruleset& rules, const replay_result& r) {
    ojson wn = ojson::array();
    for (const auto& w : r.warnings) {
        ojson e;
        e["line"] = w.line ? ojson(w.line) : ojson(nullptr);
        e["id"] = std::string(w.id);
        e["message"] = message(rules, w);
        wn.push_back(std::move(e));
    }
    return wn;
}

ojson explanation_json(const ruleset& rules, const calendar& cal, const replay_result& r) {
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
    return ex;
}

} // namespace

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
    j["timeline"] = timeline_json(rules, r);
    j["windows"] = windows_json(rules, r);
    j["scheduled"] = scheduled_json(rules, r);
    j["obligations"] = obligations_json(rules, r);
    j["retention"] = retention_json(rules, r);
    j["rejected"] = rejected_json(rules, h, r);
    j["readings"] = readings_json(rules, r);
    j["warnings"] = warnings_json(rules, r);
    if (explain) j["explanation"] = explanation_json(rules, cal, r);
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace echeance
