// Replay results as JSON Lines: one object per person, keys in a fixed order. Written straight
// into the output (detail/json_out.hpp): the bytes nlohmann's dump() gave, at a sweep's speed.
// Names come quoted from the rule set's table, long texts from the memo (detail/replay_json.hpp).
#include "detail/replay_json.hpp"

#include "detail/json_out.hpp"
#include "detail/replay_names.hpp"
#include "echeance/io/report.hpp"

#include <atomic>
#include <cstring>
#include <type_traits>

namespace echeance {

using namespace detail;

namespace detail {

namespace {

template <class Items>
std::vector<std::string> quoted_ids(const Items& items) {
    std::vector<std::string> out;
    out.reserve(items.size());
    for (const auto& i : items) out.push_back(json_quoted(i.id));
    return out;
}

// Appends the bytes of a trivially copyable value to a memo key.
template <class T>
void put(json_memo::key_bytes& k, const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (k.size + sizeof(T) > k.buf.size()) k.grow(sizeof(T));
    std::memcpy(&k.buf[k.size], &v, sizeof(T)); // of a known size: a move, not a call
    k.size += sizeof(T);
}

void put_day(json_memo::key_bytes& k, const std::optional<year_month_day>& d) {
    put(k, bool(d));
    if (d) put(k, *d);
}

// A text with its length (none: a length no text has).
void put_text(json_memo::key_bytes& k, const std::string* text) {
    put(k, text ? std::uint64_t(text->size()) : ~std::uint64_t(0));
    if (text) k.add(text->data(), text->size());
}

} // namespace

json_names::json_names(const ruleset& rules)
    : states(quoted_ids(rules.states)), events(quoted_ids(rules.events)),
      roles(quoted_ids(rules.roles)), versions(quoted_ids(rules.versions)),
      windows(quoted_ids(rules.windows)), obligations(quoted_ids(rules.obligations)),
      retentions(quoted_ids(rules.retentions)) {
    static std::atomic<std::uint64_t> count{0};
    serial = ++count;
}

json_memo& json_memo::of(const json_names& names) {
    thread_local json_memo memo;
    if (memo.serial_ != names.serial) {
        memo.slots_.assign(slots, slot{});
        memo.serial_ = names.serial;
    }
    return memo;
}

namespace {

// A 64-bit hash of a memo key, eight bytes at a time (a rejection's key is 50 to 70 bytes).
std::uint64_t key_hash(std::string_view k) {
    constexpr std::uint64_t mul = 0x9E3779B97F4A7C15ull;
    std::uint64_t h = k.size() * mul;
    std::size_t i = 0;
    for (; i + 8 <= k.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, k.data() + i, 8);
        h = (h ^ w) * mul;
        h ^= h >> 29;
    }
    if (i < k.size()) {
        std::uint64_t w = 0;
        std::memcpy(&w, k.data() + i, k.size() - i);
        h = (h ^ w) * mul;
    }
    return h ^ (h >> 32);
}

} // namespace

// Direct-mapped, 4,096 slots (about 1 MB a thread): a node map of 65,536
// hit more often but missed the caches, and its allocations cost what it saved (docs/replay.md).
template <class Make>
std::string_view json_memo::find(Make&& made) {
    std::string_view key = key_.view();
    slot& s = slots_[key_hash(key) & (slots - 1)];
    if (s.key == key) return s.text;
    made(scratch());
    s.key.assign(key.data(), key.size());
    json_quote_into(s.text, text_); // in the slot's own buffer
    return s.text;
}

// The key holds every input reason() reads: the facts of the rejection but its line (and its day
// where the text does not say it), and of the person only what the code quotes.
std::string_view json_memo::reason(const ruleset& rules, const history& h, const rejection& x) {
    using why = rejection::why;
    // Texts of the person's own days and lines: hardly ever twice, not worth keeping.
    if (x.code == why::out_of_order || x.code == why::condition) return {};
    key_bytes& k = key_;
    k.size = 0;
    put(k, 'r');
    put(k, x.code);
    for (auto i : {x.event.index(), x.role.index(), x.state.index(), x.window.index(),
                   x.closed_by.index(), x.version.index(), x.condition.index(),
                   x.changed_by.index(), x.obligation.index(), x.instead.index()})
        put(k, i);
    put(k, x.reading);
    put(k, x.held);
    put(k, x.other_line);
    put_day(k, x.since);
    put_day(k, x.changed_on);
    put(k, x.on);
    put(k, x.end_utc.time_since_epoch().count());
    switch (x.code) {
    case why::no_rules:
        put(k, x.day);
        put_text(k, &h.department);
        break;
    case why::unknown_event:
    case why::unknown_role:
        put_text(k, x.text < h.texts.size() ? &h.texts[x.text] : nullptr);
        break;
    default:
        break;
    }
    return find([&](std::string& text) { append_reason(text, rules, h, x); });
}

std::string_view json_memo::message(const ruleset& rules, const replay_warning& w) {
    key_bytes& k = key_;
    k.size = 0;
    put(k, 'w');
    put(k, w.what);
    put(k, w.day);
    // Its kind and index, not the struct: its padding byte would enter the key unset.
    put(k, w.rule.kind());
    put(k, w.rule.window().index());
    put(k, w.rule.timer().index());
    put(k, w.rule.obligation().index());
    put(k, w.rule.retention().index());
    put(k, w.event.index());
    put(k, w.state.index());
    k.add(w.detail.data(), w.detail.size());
    return find([&](std::string& text) { text += echeance::message(rules, w); });
}

} // namespace detail

namespace {

void day(json_out& w, year_month_day d) {
    char s[10];
    format_date(d, s);
    w.plain(std::string_view(s, 10));
}

void opt_day(json_out& w, const std::optional<year_month_day>& d) {
    if (d)
        day(w, *d);
    else
        w.null();
}

// A quoted name from a table, or the name the rule set gives outside it.
template <class Id>
void name(json_out& w, const ruleset& rules, const std::vector<std::string>& table, Id id) {
    if (id.index() < table.size())
        w.raw(table[id.index()]);
    else
        w.str(rules.name(id));
}

// A name, or null for no_index.
template <class Id>
void name_or_null(json_out& w, const ruleset& rules, const std::vector<std::string>& table, Id id) {
    if (id != no_index)
        name(w, rules, table, id);
    else
        w.null();
}

template <class Id>
void ids(json_out& w, const ruleset& rules, const std::vector<Id>& idx,
         const std::vector<std::string>& table) {
    w.begin_array();
    for (auto i : idx) name(w, rules, table, i);
    w.end_array();
}

// An instant in UTC when `known`, else null.
void utc_or_null(json_out& w, bool known, date::sys_seconds t) {
    if (known) {
        char s[20];
        utc_to(t, s);
        w.plain(std::string_view(s, 20));
    } else {
        w.null();
    }
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
    if (r < rs.size() && !rs[r].id.empty())
        w.str(rs[r].id);
    else
        w.null();
}

// The event (or role) of a rejected line as its line said it: a name, or the text of an unknown
// one (event_text(), which has the rare cases); `e` is the line's event (event_of_line), if any.
void event_or_role(json_out& w, const ruleset& rules, const json_names& c, const history& h,
                   const rejection& x, const history_event* e, bool role) {
    if (e && role && e->role != no_index)
        w.raw(c.roles[e->role.index()]);
    else if (e && !role && e->event != no_index)
        w.raw(c.events[e->event.index()]);
    else if (!e && x.event != no_index)
        w.raw(c.events[x.event.index()]);
    else
        w.str(event_text(rules, h, x.event, x.line, role));
}

void timeline_json(json_out& w, const ruleset& rules, const json_names& c, const replay_result& r) {
    w.begin_array();
    for (const auto& s : r.timeline) {
        w.begin_object();
        name(w.key("state"), rules, c.states, s.state);
        opt_day(w.key("from"), s.entered);
        opt_day(w.key("to"), s.left);
        name_or_null(w.key("event"), rules, c.events, s.event);
        w.key("role");
        if (s.role != no_index)
            name(w, rules, c.roles, s.role);
        else if (s.event != no_index)
            w.plain("system");
        else
            w.null();
        line_or_null(w.key("line"), s.line);
        name_or_null(w.key("version"), rules, c.versions, s.version);
        w.end_object();
    }
    w.end_array();
}

void windows_json(json_out& w, const ruleset& rules, const json_names& c, const replay_result& r) {
    w.begin_array();
    for (const auto& x : r.windows) {
        const auto& info = rules.windows[x.window];
        w.begin_object();
        name(w.key("window"), rules, c.windows, x.window);
        ids(w.key("events"), rules, info.events, c.events);
        ids(w.key("roles"), rules, info.roles, c.roles);
        reading(w.key("reading"), info.readings, x.reading);
        day(w.key("opened"), x.opened);
        opt_day(w.key("last_day"), x.last_day);
        utc_or_null(w.key("end_utc"), bool(x.last_day), x.end_utc);
        name(w.key("version"), rules, c.versions, x.version);
        w.end_object();
    }
    w.end_array();
}

void scheduled_json(json_out& w, const ruleset& rules, const json_names& c,
                    const replay_result& r) {
    w.begin_array();
    for (const auto& s : r.scheduled) {
        w.begin_object();
        name(w.key("event"), rules, c.events, s.event);
        w.key("by").plain(to_string(s.rule.kind()));
        w.key("rule").str(rules.name(s.rule));
        day(w.key("last_day"), s.last_day);
        day(w.key("effective"), s.effective);
        utc_or_null(w.key("at_utc"), true, s.at);
        name(w.key("version"), rules, c.versions, s.version);
        w.end_object();
    }
    w.end_array();
}

void obligations_json(json_out& w, const ruleset& rules, const json_names& c,
                      const replay_result& r) {
    w.begin_array();
    for (const auto& o : r.obligations) {
        const auto& info = rules.obligations[o.obligation];
        w.begin_object();
        name(w.key("obligation"), rules, c.obligations, o.obligation);
        name_or_null(w.key("role"), rules, c.roles, info.role);
        name_or_null(w.key("event"), rules, c.events, info.event);
        reading(w.key("reading"), info.readings, o.reading);
        day(w.key("started"), o.started);
        opt_day(w.key("due"), o.due);
        utc_or_null(w.key("end_utc"), bool(o.due), o.end_utc);
        w.key("status").plain(to_string(o.state));
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
            name(w.key("discharged_by"), rules, c.events, o.discharged_by);
            w.key("days_late").number(o.days);
        }
        name(w.key("version"), rules, c.versions, o.version);
        w.end_object();
    }
    w.end_array();
}

void retention_json(json_out& w, const ruleset& rules, const json_names& c,
                    const replay_result& r) {
    w.begin_array();
    for (const auto& x : r.retention) {
        const auto& info = rules.retentions[x.retention];
        w.begin_object();
        name(w.key("retention"), rules, c.retentions, x.retention);
        w.key("what").str(info.what);
        reading(w.key("reading"), info.readings, x.reading);
        day(w.key("archived_on"), x.archived_on);
        opt_day(w.key("last_day"), x.last_day);
        opt_day(w.key("purge_on"), x.purge_on);
        w.key("status").plain(to_string(x.state));
        opt_day(w.key("ended_on"), x.ended_on);
        w.key("purged_early").boolean(x.purged_early);
        name(w.key("version"), rules, c.versions, x.version);
        w.end_object();
    }
    w.end_array();
}

void rejected_json(json_out& w, const ruleset& rules, const json_names& c, const history& h,
                   const replay_result& r) {
    json_memo& memo = json_memo::of(c);
    w.begin_array();
    for (const auto& x : r.rejected) {
        w.begin_object();
        w.key("line").number(x.line);
        day(w.key("on"), x.day);
        const history_event* e = event_of_line(h, x.line); // once for both
        event_or_role(w.key("event"), rules, c, h, x, e, false);
        event_or_role(w.key("role"), rules, c, h, x, e, true);
        w.key("id").plain(x.id); // echeance.replay.<why>, the program's own
        std::string_view known = memo.reason(rules, h, x);
        if (!known.empty()) {
            w.key("reason").raw(known);
        } else {
            std::string& text = memo.scratch();
            append_reason(text, rules, h, x);
            w.key("reason").str(text);
        }
        w.end_object();
    }
    w.end_array();
}

// Every reading of one contested count, with its anchor, last day and article.
void count_readings_json(json_out& w, const ruleset& rules, const json_names& c,
                         const contested_count& cc) {
    const auto& rs = readings_of(rules, cc);
    w.begin_array();
    for (const auto& x : cc.results) {
        const auto& in = rs[x.reading];
        w.begin_object();
        w.key("reading").str(in.id);
        w.key("default").boolean(in.is_default);
        event_id anchor = in.anchor != no_index ? in.anchor : cc.trigger;
        w.key("anchor");
        if (in.anchor_day)
            w.plain("date");
        else if (anchor != no_index)
            name(w, rules, c.events, anchor);
        else
            w.null();
        opt_day(w.key("anchor_day"), x.anchor_day);
        opt_day(w.key("last_day"), x.last_day);
        utc_or_null(w.key("end_utc"), bool(x.last_day), x.end_utc);
        w.key("version");
        if (x.anchor_day)
            name(w, rules, c.versions, x.version);
        else
            w.null();
        w.key("cite").str(in.why.cite);
        if (!in.why.source.empty()) w.key("source").str(in.why.source);
        w.end_object();
    }
    w.end_array();
}

void readings_json(json_out& w, const ruleset& rules, const json_names& c, const replay_result& r) {
    w.begin_array();
    for (const auto& cc : r.readings) {
        const auto& rs = readings_of(rules, cc);
        w.begin_object();
        w.key("rule").str(rule_id(rules, cc));
        w.key("kind").plain(to_string(cc.rule.kind()));
        day(w.key("started"), cc.started);
        count_readings_json(w.key("readings"), rules, c, cc);
        w.key("most_protective");
        if (cc.most_protective)
            w.str(rs[*cc.most_protective].id);
        else
            w.null();
        if (neither_protective(rules, cc)) w.key("neither_protective").boolean(true);
        w.end_object();
    }
    w.end_array();
}

void warnings_json(json_out& w, const ruleset& rules, const json_names& c, const replay_result& r) {
    json_memo& memo = json_memo::of(c);
    w.begin_array();
    for (const auto& x : r.warnings) {
        w.begin_object();
        line_or_null(w.key("line"), x.line);
        w.key("id").plain(x.id); // echeance.replay.<why>, the program's own
        w.key("message").raw(memo.message(rules, x));
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

void append_json_line(std::string& out, const ruleset& rules, const calendar& cal,
                      const json_names& c, const history& h, std::string_view person,
                      const replay_result& r, bool explain, bool compact) {
    // Written in the memo's scratch, then appended: `out` is not grown and zeroed ahead by each
    // person's writer.
    json_out w(json_memo::of(c).line(), json_out::scratch_t{}, compact);
    w.begin_object();
    w.key("person").str(person);
    // Facts of the person, only when a line gave them (a NIR is never a fact printed here).
    if (h.born) day(w.key("born"), *h.born);
    if (!h.department.empty()) w.key("department").str(h.department);
    w.key("rules").str(rules.id);
    day(w.key("as_of"), r.as_of);
    w.key("territory").str(h.events.empty() ? std::string_view() : cal.id(h.events.back().where));
    name(w.key("state"), rules, c.states, r.state);
    opt_day(w.key("since"), r.since);
    timeline_json(w.key("timeline"), rules, c, r);
    windows_json(w.key("windows"), rules, c, r);
    scheduled_json(w.key("scheduled"), rules, c, r);
    obligations_json(w.key("obligations"), rules, c, r);
    retention_json(w.key("retention"), rules, c, r);
    rejected_json(w.key("rejected"), rules, c, h, r);
    readings_json(w.key("readings"), rules, c, r);
    warnings_json(w.key("warnings"), rules, c, r);
    if (explain) explanation_json(w.key("explanation"), rules, cal, r);
    w.end_object();
    w.finish();
    std::string_view line = w.written();
    out.append(line.data(), line.size());
    out += '\n';
}

} // namespace detail

std::string to_json_line(const ruleset& rules, const calendar& cal, const history& h,
                         std::string_view person, const replay_result& r, bool explain) {
    std::string out;
    json_names c(rules);
    detail::append_json_line(out, rules, cal, c, h, person, r, explain, false);
    return out;
}

} // namespace echeance
