// The state machine of a rule set, replayed over one person's history. See engine.hpp for the
// semantics; docs/replay.md for the same in prose.
#include "detail/count.hpp"
#include "detail/names.hpp"
#include "echeance/engine.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <limits>

namespace echeance {

namespace {

constexpr std::int32_t none32 = -1;

// A count whose anchor event has not happened yet (e.g. "from receipt" before the receipt).
struct pending_anchor {
    enum class target : std::uint8_t { window, timer, obligation, retention, contested };
    target what = target::window;
    std::uint32_t index = 0;  // slot (window, timer), instance (obligation, retention, contested)
    std::uint8_t reading = 0; // for contested: which result
    event_id anchor = no_index;
    bool live = true; // false once dropped (entries are never erased from their list)
};

// Where the pending count of a window, timer, obligation or retention waits: its anchor's list
// and its place there (anchor no_index: it waits for nothing).
struct wait_handle {
    event_id anchor = no_index;
    std::uint32_t pos = 0;
};

// The pending instances of one obligation, oldest first: instances are discharged from the
// front (the oldest) or all at once, so a head index is a queue.
struct open_queue {
    std::vector<std::uint32_t> items;
    std::size_t head = 0;
    bool empty() const noexcept { return head == items.size(); }
    std::uint32_t front() const noexcept { return items[head]; }
    void clear() noexcept {
        items.clear();
        head = 0;
    }
};

struct window_slot {
    bool open = false;
    std::uint8_t reading = 0;
    year_month_day opened;
    std::optional<year_month_day> last_day;
    date::sys_seconds end_utc{};
    version_id version = no_index;
    territory where;
    std::optional<year_month_day> closed_on;
    event_id closed_by = no_index;
};

struct timer_slot {
    bool active = false;
    std::uint8_t reading = 0;
    year_month_day started;
    std::optional<year_month_day> last_day; // own count; at_end_of timers use their window
    date::sys_seconds end_utc{};
    version_id version = no_index;
    territory where;
};

struct count_result {
    std::optional<year_month_day> last_day;
    date::sys_seconds end_utc{};
    version_id version = no_index;
};

} // namespace

struct replay_result::scratch {
    std::vector<std::uint32_t> order;
    std::vector<std::uint8_t> flagged; // per history event: ordered by input
    indexed_vector<window_slot, window_id> windows;
    indexed_vector<timer_slot, timer_id> timers;
    // Counts waiting for their anchor event, one list per anchor in the order they began to
    // wait: an accepted event resolves its own list only, whatever the number waiting.
    indexed_vector<std::vector<pending_anchor>, event_id> waiting;
    std::vector<event_id> waited_on; // the lists pushed to since the last replay, to clear
    std::vector<pending_anchor> resolving;
    indexed_vector<wait_handle, window_id> window_wait;
    indexed_vector<wait_handle, timer_id> timer_wait;
    std::vector<wait_handle> obligation_wait; // per out.obligations instance
    std::vector<wait_handle> retention_wait;  // per out.retention instance
    indexed_vector<open_queue, obligation_id> open_obligations;
    // Per retention: its last instance and its last purged one (-1: none). At most one instance
    // of a retention is archived at a time, and it is the last one.
    indexed_vector<std::int32_t, retention_id> retention_last;
    indexed_vector<std::int32_t, retention_id> retention_purged;
    std::vector<territory> retention_where;            // per out.retention instance
    std::vector<territory> obligation_where;           // per out.obligations instance
    indexed_vector<year_month_day, event_id> seen_day; // per event: day of its last acceptance
    // Per event: the replay (`replays`) in which it was last accepted. A stamp rather than a
    // flag, so that nothing is cleared between replays.
    indexed_vector<std::uint32_t, event_id> seen_in;
    std::uint32_t replays = 0;
    std::vector<std::vector<reading_result>> results_pool; // buffers of earlier contested counts
    indexed_vector<std::uint8_t, version_id> in_scope;     // per version: it applies to this person
    struct condition_fact {
        std::optional<year_month_day> on; // last set or cleared by an event
        bool value = false;
        event_id by = no_index;
    };
    indexed_vector<condition_fact, condition_id> conditions;
};

namespace {

// Whether a short list of indexes holds `x` (a plain loop: these lists have one to five items).
template <class Id>
inline bool contains(const std::vector<Id>& v, Id x) noexcept {
    for (Id i : v)
        if (i == x) return true;
    return false;
}

// Copied into each new rejection: built in place, its 88 bytes were zeroed by a `rep stos`,
// whose start-up cost more than the rest of the rejection (1.7% of a sweep in perf).
const rejection blank_rejection{};

// A stable sort: insertion sort for the few elements of most results (no temporary buffer,
// unlike std::stable_sort, which allocates one on every call), std::stable_sort beyond.
template <class It, class Less>
void small_stable_sort(It first, It last, Less less) {
    if (first == last) return;
    if (last - first > 32) {
        std::stable_sort(first, last, less);
        return;
    }
    for (It i = first + 1; i != last; ++i) {
        if (!less(*i, *(i - 1))) continue;
        auto v = std::move(*i);
        It j = i;
        do {
            *j = std::move(*(j - 1));
            --j;
        } while (j != first && less(v, *(j - 1)));
        *j = std::move(v);
    }
}

class machine {
public:
    machine(const ruleset& rules, const calendar& cal, const history& h,
            const replay_options& options, replay_result& out)
        : rules_(rules), cal_(cal), h_(h), opt_(options), out_(out), w_(*out.work.p) {}

    void run();

private:
    const ruleset& rules_;
    const calendar& cal_;
    const history& h_;
    const replay_options& opt_;
    replay_result& out_;
    replay_result::scratch& w_;
    state_id state_ = no_index;

    // --- helpers -------------------------------------------------------------------------
    template <class Id>
    std::uint8_t chosen(const indexed_vector<std::uint8_t, Id>& v, Id i,
                        const std::vector<interpretation>& readings) const {
        if (v.contains(i) && v[i] < readings.size()) return v[i];
        for (std::size_t k = 0; k < readings.size(); ++k)
            if (readings[k].is_default) return std::uint8_t(k);
        return 0;
    }
    // The version in force on a day (as ruleset::version_on: the last version, in rule order,
    // that applies from that day or before), remembered with the days it holds for: from the
    // latest start on or before the day asked to the next start after it, none in between.
    // The days as numbers that order as the days do (one compare, not three, per bound); the
    // range is empty when from > until, and runs on with until at the largest key.
    static std::uint32_t day_key(year_month_day d) noexcept {
        return std::uint32_t(int(d.year()) + 32768) << 16 | unsigned(d.month()) << 8 |
               unsigned(d.day());
    }
    std::uint32_t version_from_ = 1, version_until_ = 0; // [from, until]
    version_id version_ = no_index;
    [[gnu::always_inline]] version_id version_on(year_month_day day) {
        std::uint32_t k = day_key(day);
        if (k >= version_from_ && k <= version_until_) return version_;
        return find_version(day);
    }
    [[gnu::noinline]] version_id find_version(year_month_day day) {
        version_id found = no_index;
        bool any_before = false, any_after = false;
        year_month_day from = day, until = day;
        const auto& vs = rules_.versions;
        for (version_id i : vs.ids()) {
            if (!w_.in_scope[i]) continue;
            year_month_day f = vs[i].from;
            if (f <= day) {
                found = i;
                if (!any_before || from < f) from = f;
                any_before = true;
            } else if (!any_after || f < until) {
                until = f;
                any_after = true;
            }
        }
        version_from_ = any_before ? day_key(from) : 0;
        // until is the next start, outside the range: the day before it, as a key, is the
        // largest key below it.
        version_until_ = any_after ? day_key(until) - 1 : std::uint32_t(-1);
        version_ = found;
        return found;
    }

    using step_kind = explanation_step::kind;
    // Records a step of the explanation (facts only; explanation_lines() renders them).
    // The version in force on `day`, looked up only when explaining.
    explanation_step* note(step_kind k, year_month_day day, counted_rule rule) {
        return opt_.explain ? note(k, day, version_on(day), rule) : nullptr;
    }
    explanation_step* note(step_kind k, year_month_day day, version_id version, counted_rule rule) {
        if (!opt_.explain) return nullptr;
        explanation_step& s = out_.explanation.emplace_back();
        s.what = k;
        s.day = day;
        s.version = version;
        s.rule = rule;
        return &s;
    }
    // Records a rejection: its id and the facts of its reason (rendered by reason()).
    // The id's length known from its literal (a strlen per rejection was 0.6% of a sweep).
    template <std::size_t N>
    rejection& reject(const history_event& e, const char (&id)[N], rejection::why code) {
        rejection& x = out_.rejected.emplace_back(blank_rejection);
        x.line = e.line;
        x.event = e.event;
        x.role = e.role;
        x.day = e.day;
        x.id = std::string_view(id, N - 1);
        x.code = code;
        return x;
    }

    // The count of one reading from an anchor day.
    count_result count(counted_rule rule, std::uint8_t reading, const std::string& name,
                       const interpretation& r, year_month_day anchor, territory where,
                       bool explain_it = true) {
        count_result c;
        version_id v = version_on(anchor);
        if (v == no_index) v = version_id(0);
        c.version = v;
        const timing* t = detail::timing_of(r, v);
        if (!t) return c;
        try {
            deadline d = detail::count_deadline(cal_, *t, anchor, where);
            c.last_day = d.final_day;
            c.end_utc = d.end_utc;
            if (explain_it) {
                if (explanation_step* s = note(step_kind::count, anchor, v, rule)) {
                    s->reading = reading;
                    s->where = where;
                }
            }
        } catch (const error& e) {
            replay_warning& w = out_.warnings.emplace_back();
            w.id = "echeance.replay.count";
            w.what = replay_warning::kind::count;
            w.detail = fmt::format("{} ({}): {}", name, r.id, e.message());
        }
        return c;
    }

    // Where the count of a reading starts: a fixed day, the triggering event, or later.
    // An anchor event accepted earlier counts (e.g. an extension counted from the receipt of
    // the request); otherwise the count waits for the anchor's next acceptance.
    std::optional<year_month_day> anchor_of(const interpretation& r, event_id trigger,
                                            year_month_day day) const {
        if (r.anchor_day) return r.anchor_day;
        if (r.from_discharged != no_index) {
            const open_queue& q = w_.open_obligations[r.from_discharged];
            return q.empty() ? day : out_.obligations[q.front()].started;
        }
        if (r.anchor == no_index || r.anchor == trigger) return day;
        if (r.anchor_next) return std::nullopt;
        if (w_.seen_in[r.anchor] == w_.replays) return w_.seen_day[r.anchor];
        return std::nullopt;
    }

    // The count of the deciding reading, already computed when its rule started: the same
    // reading from the same anchor, so the contested count takes it instead of counting again.
    struct known_count {
        std::uint8_t reading = 0xFF;
        count_result c;
    };

    std::int32_t open_contested(counted_rule rule, const std::vector<interpretation>& readings,
                                event_id trigger, year_month_day day, territory where,
                                const std::string& name, const known_count& known) {
        if (!opt_.all_readings || readings.size() < 2) return none32;
        contested_count c;
        if (!w_.results_pool.empty()) {
            c.results = std::move(w_.results_pool.back());
            w_.results_pool.pop_back();
        }
        c.rule = rule;
        c.trigger = trigger;
        c.started = day;
        c.results.assign(readings.size(), reading_result{});
        auto ci = std::uint32_t(out_.readings.size());
        for (std::size_t i = 0; i < readings.size(); ++i) {
            c.results[i].reading = std::uint8_t(i);
            auto a = anchor_of(readings[i], trigger, day);
            if (a) {
                c.results[i].anchor_day = a;
                // A failed count is counted again: its warning is given once per count.
                count_result r =
                    i == known.reading && known.c.last_day
                        ? known.c
                        : count(rule, std::uint8_t(i), name, readings[i], *a, where, false);
                c.results[i].last_day = r.last_day;
                c.results[i].end_utc = r.end_utc;
                c.results[i].version = r.version;
            } else {
                wait({pending_anchor::target::contested, ci, std::uint8_t(i), readings[i].anchor});
            }
        }
        out_.readings.push_back(std::move(c));
        return std::int32_t(ci);
    }

    // The handle of the pending count of a window, timer, obligation or retention instance
    // (contested counts are never dropped: they wait until their anchor comes).
    wait_handle* handle(pending_anchor::target t, std::uint32_t index) {
        auto grow = [&](std::vector<wait_handle>& v) -> wait_handle* {
            if (v.size() <= index) v.resize(index + 1u);
            return &v[index];
        };
        switch (t) {
        case pending_anchor::target::window:
            return &w_.window_wait[window_id(index)];
        case pending_anchor::target::timer:
            return &w_.timer_wait[timer_id(index)];
        case pending_anchor::target::obligation:
            return grow(w_.obligation_wait);
        case pending_anchor::target::retention:
            return grow(w_.retention_wait);
        case pending_anchor::target::contested:
            break;
        }
        return nullptr;
    }

    // A count waits for its anchor event, after those already waiting for it.
    void wait(const pending_anchor& p) {
        if (p.anchor == no_index) return; // no event resolves it
        auto& list = w_.waiting[p.anchor];
        if (list.empty()) w_.waited_on.push_back(p.anchor);
        if (wait_handle* hd = handle(p.what, p.index)) *hd = {p.anchor, std::uint32_t(list.size())};
        list.push_back(p);
    }

    void drop_pending(pending_anchor::target t, std::uint32_t index) {
        wait_handle* hd = handle(t, index);
        if (!hd || hd->anchor == no_index) return;
        w_.waiting[hd->anchor][hd->pos].live = false;
        hd->anchor = no_index;
    }

    bool window_open(window_id wi, year_month_day day) const {
        const window_slot& s = w_.windows[wi];
        return s.open && (!s.last_day || day <= *s.last_day);
    }

    std::optional<year_month_day> timer_due(timer_id ti) const {
        const timer_slot& s = w_.timers[ti];
        if (!s.active) return std::nullopt;
        const timer_info& t = rules_.timers[ti];
        if (t.at_end_of != no_index) {
            const window_slot& ws = w_.windows[t.at_end_of];
            if (!ws.open) return std::nullopt;
            return ws.last_day;
        }
        return s.last_day;
    }

    // --- effects -------------------------------------------------------------------------
    void apply_effect(const effect& fx, event_id ev, year_month_day day, territory where) {
        switch (fx.what) {
        case effect::kind::open_window:
            open_window(fx.target.window(), ev, day, where);
            break;
        case effect::kind::close_window:
            close_window(fx.target.window(), ev, day);
            break;
        case effect::kind::start_timer:
            start_timer(fx.target.timer(), ev, day, where);
            break;
        case effect::kind::cancel_timer:
            cancel_timer(fx.target.timer(), ev, day);
            break;
        case effect::kind::start_obligation:
            oblige(fx.target.obligation(), ev, day, where);
            break;
        case effect::kind::discharge:
            discharge(fx.target.obligation(), ev, day);
            break;
        case effect::kind::archive:
            archive(fx.target.retention(), ev, day, where);
            break;
        case effect::kind::restore:
            restore(fx.target.retention(), ev, day);
            break;
        case effect::kind::purge:
            purge_now(fx.target.retention(), ev, day);
            break;
        }
    }

    void cancel_timer(timer_id ti, event_id ev, year_month_day day) {
        if (!w_.timers[ti].active) return;
        w_.timers[ti].active = false;
        drop_pending(pending_anchor::target::timer, ti.index());
        if (auto* s = note(step_kind::timer_cancelled, day, ti)) s->event = ev;
    }

    void open_window(window_id wi, event_id ev, year_month_day day, territory where) {
        const window_info& info = rules_.windows[wi];
        window_slot& s = w_.windows[wi];
        drop_pending(pending_anchor::target::window, wi.index());
        s = window_slot{};
        s.open = true;
        s.opened = day;
        s.where = where;
        s.reading = chosen(opt_.readings.windows, wi, info.readings);
        s.version = version_on(day);
        known_count known;
        if (!info.readings.empty()) {
            const interpretation& r = info.readings[s.reading];
            if (auto a = anchor_of(r, ev, day)) {
                count_result c = count(wi, s.reading, info.id, r, *a, where);
                known = {s.reading, c};
                s.last_day = c.last_day;
                s.end_utc = c.end_utc;
                s.version = c.version;
            } else {
                wait({pending_anchor::target::window, wi.index(), s.reading, r.anchor});
                if (auto* n = note(step_kind::count_waits, day, s.version, wi)) {
                    n->reading = s.reading;
                    n->event = r.anchor;
                }
            }
        }
        open_contested(wi, info.readings, ev, day, where, info.id, known);
    }

    void close_window(window_id wi, event_id ev, year_month_day day) {
        window_slot& s = w_.windows[wi];
        if (!s.open) return;
        s.open = false;
        s.closed_on = day;
        s.closed_by = ev;
        drop_pending(pending_anchor::target::window, wi.index());
        // A timer at the end of a window does not fire when an event closed the window.
        for (timer_id t : rules_.timers.ids())
            if (rules_.timers[t].at_end_of == wi && w_.timers[t].active) {
                w_.timers[t].active = false;
                if (auto* n = note(step_kind::timer_window_closed, day, t)) {
                    n->window = wi;
                    n->event = ev;
                }
            }
    }

    void start_timer(timer_id ti, event_id ev, year_month_day day, territory where) {
        const timer_info& info = rules_.timers[ti];
        timer_slot& s = w_.timers[ti];
        drop_pending(pending_anchor::target::timer, ti.index());
        s = timer_slot{};
        s.active = true;
        s.started = day;
        s.where = where;
        s.version = version_on(day);
        if (info.at_end_of != no_index || info.readings.empty()) return;
        s.reading = chosen(opt_.readings.timers, ti, info.readings);
        const interpretation& r = info.readings[s.reading];
        known_count known;
        if (auto a = anchor_of(r, ev, day)) {
            count_result c = count(ti, s.reading, info.id, r, *a, where);
            known = {s.reading, c};
            s.last_day = c.last_day;
            s.end_utc = c.end_utc;
            s.version = c.version;
        } else {
            wait({pending_anchor::target::timer, ti.index(), s.reading, r.anchor});
        }
        open_contested(ti, info.readings, ev, day, where, info.id, known);
    }

    void oblige(obligation_id oi, event_id ev, year_month_day day, territory where) {
        const obligation_info& info = rules_.obligations[oi];
        if (!info.each && !w_.open_obligations[oi].empty()) {
            if (auto* n = note(step_kind::obligation_already_due, day, oi))
                n->other = out_.obligations[w_.open_obligations[oi].front()].started;
            return;
        }
        obligation_status o;
        o.obligation = oi;
        o.started = day;
        o.version = version_on(day);
        o.reading = chosen(opt_.readings.obligations, oi, info.readings);
        auto idx = std::uint32_t(out_.obligations.size());
        known_count known;
        if (!info.readings.empty()) {
            const interpretation& r = info.readings[o.reading];
            if (auto a = anchor_of(r, ev, day)) {
                count_result c = count(oi, o.reading, info.id, r, *a, where);
                known = {o.reading, c};
                o.due = c.last_day;
                o.end_utc = c.end_utc;
                o.version = c.version;
            } else {
                wait({pending_anchor::target::obligation, idx, o.reading, r.anchor});
            }
        }
        out_.obligations.push_back(o);
        w_.obligation_where.push_back(where);
        w_.open_obligations[oi].items.push_back(idx);
        open_contested(oi, info.readings, ev, day, where, info.id, known);
    }

    // Instance `i` of an obligation discharged on `day` by `ev`.
    void discharge_instance(std::size_t i, event_id ev, year_month_day day) {
        auto& o = out_.obligations[i];
        o.discharged_on = day;
        o.discharged_by = ev;
        drop_pending(pending_anchor::target::obligation, std::uint32_t(i));
        if (auto* n = note(step_kind::obligation_discharged, day, o.obligation)) {
            n->event = ev;
            n->other = o.due;
        }
    }

    void discharge(obligation_id oi, event_id ev, year_month_day day) {
        open_queue& q = w_.open_obligations[oi];
        if (q.empty()) return;
        if (rules_.obligations[oi].discharge_oldest) {
            discharge_instance(q.items[q.head++], ev, day);
            return;
        }
        discharge_all(oi, ev, day);
    }

    // Every pending instance of the obligation `oi`, oldest first.
    void discharge_all(obligation_id oi, event_id ev, year_month_day day) {
        open_queue& q = w_.open_obligations[oi];
        for (std::size_t k = q.head; k < q.items.size(); ++k)
            discharge_instance(q.items[k], ev, day);
        q.clear();
    }

    // Every pending instance of an obligation that ends with the retention `ri` (or in the
    // state `st`) is discharged: the data it was about are gone (or the case is over).
    void end_obligations(retention_id ri, state_id st, event_id ev, year_month_day day) {
        for (obligation_id oi : rules_.obligations.ids()) {
            const obligation_info& info = rules_.obligations[oi];
            if ((ri == no_index || info.ends_with != ri) &&
                (st == no_index || !contains(info.ends_in, st)))
                continue;
            discharge_all(oi, ev, day);
        }
    }

    bool pending(obligation_id oi) const { return !w_.open_obligations[oi].empty(); }

    // The value of a condition on a day, and since when (not `known`: unknown).
    // Plain fields, not optionals: built in narrow stores and copied out whole, the optionals
    // stalled each event of a role with a condition (8% of history_event_ in perf annotate).
    struct condition_value {
        bool known = false; // value and since are set together
        bool value = false;
        event_id by = no_index;
        year_month_day since;
    };
    condition_value condition_on(condition_id ci, year_month_day day) const {
        const condition_info& c = rules_.conditions[ci];
        const auto& f = w_.conditions[ci];
        condition_value v;
        if (c.age_below && h_.born && *h_.born <= day) {
            v.known = true;
            v.value = true;
            v.since = *h_.born;
            try {
                year_month_day end = add(*h_.born, *c.age_below, c.policy);
                if (end <= day) {
                    v.value = false;
                    v.since = end;
                }
            } catch (const error&) {
            }
        }
        if (f.on && (!v.known || *f.on >= v.since)) {
            v.known = true;
            v.value = f.value;
            v.since = *f.on;
            v.by = f.by;
        }
        return v;
    }
    void update_conditions(event_id ev, year_month_day day) {
        for (condition_id ci : rules_.conditions.ids()) {
            const condition_info& c = rules_.conditions[ci];
            if (contains(c.set_by, ev)) w_.conditions[ci] = {day, true, ev};
            if (contains(c.cleared_by, ev)) w_.conditions[ci] = {day, false, ev};
        }
    }

    std::int32_t active_retention(retention_id ri) const {
        std::int32_t i = w_.retention_last[ri];
        return i != none32 &&
                       out_.retention[std::size_t(i)].state == retention_status::status::archived
                   ? i
                   : none32;
    }

    void archive(retention_id ri, event_id ev, year_month_day day, territory where) {
        const retention_info& info = rules_.retentions[ri];
        if (active_retention(ri) != none32) {
            note(step_kind::retention_kept, day, ri);
            return;
        }
        retention_status r;
        r.retention = ri;
        r.archived_on = day;
        r.version = version_on(day);
        r.reading = chosen(opt_.readings.retentions, ri, info.readings);
        auto idx = std::uint32_t(out_.retention.size());
        known_count known;
        if (!info.readings.empty()) {
            const interpretation& in = info.readings[r.reading];
            if (auto a = anchor_of(in, ev, day)) {
                count_result c = count(ri, r.reading, info.id, in, *a, where);
                known = {r.reading, c};
                r.last_day = c.last_day;
                if (c.last_day) r.purge_on = year_month_day(sys_days(*c.last_day) + date::days(1));
                r.version = c.version;
            } else {
                wait({pending_anchor::target::retention, idx, r.reading, in.anchor});
            }
        }
        out_.retention.push_back(r);
        w_.retention_where.push_back(where);
        w_.retention_last[ri] = std::int32_t(idx);
        open_contested(ri, info.readings, ev, day, where, info.id, known);
    }

    void restore(retention_id ri, event_id ev, year_month_day day) {
        std::int32_t i = active_retention(ri);
        if (i != none32) {
            auto& r = out_.retention[std::size_t(i)];
            r.state = retention_status::status::restored;
            r.ended_on = day;
            drop_pending(pending_anchor::target::retention, std::uint32_t(i));
            if (auto* n = note(step_kind::retention_restored, day, ri)) {
                n->event = ev;
                n->other = r.archived_on;
            }
            return;
        }
        if (std::int32_t k = w_.retention_purged[ri]; k != none32) {
            if (auto* n = note(step_kind::retention_not_restored, day, ri))
                n->other = out_.retention[std::size_t(k)].ended_on;
        }
    }

    void purge_now(retention_id ri, event_id ev, year_month_day day) {
        std::int32_t i = active_retention(ri);
        if (i == none32) return;
        auto& r = out_.retention[std::size_t(i)];
        r.state = retention_status::status::purged;
        r.ended_on = day;
        r.purged_early = true;
        w_.retention_purged[ri] = i;
        drop_pending(pending_anchor::target::retention, std::uint32_t(i));
        if (auto* n = note(step_kind::retention_purged, day, ri)) n->event = ev;
        end_obligations(ri, no_index, ev, day);
    }

    // A pending anchor event happened: start the counts that waited for it.
    void resolve_anchors(event_id ev, year_month_day day, territory where) {
        if (w_.waiting[ev].empty()) return;
        // Taken out first: the counts started below wait for nothing.
        w_.resolving.swap(w_.waiting[ev]);
        w_.waiting[ev].clear();
        for (const pending_anchor& p : w_.resolving) {
            if (!p.live) continue;
            if (wait_handle* hd = handle(p.what, p.index)) hd->anchor = no_index;
            switch (p.what) {
            case pending_anchor::target::window: {
                const window_id wi(p.index);
                const auto& info = rules_.windows[wi];
                auto& s = w_.windows[wi];
                count_result c =
                    count(wi, p.reading, info.id, info.readings[p.reading], day, where);
                s.last_day = c.last_day;
                s.end_utc = c.end_utc;
                s.version = c.version;
                break;
            }
            case pending_anchor::target::timer: {
                const timer_id ti(p.index);
                const auto& info = rules_.timers[ti];
                auto& s = w_.timers[ti];
                count_result c =
                    count(ti, p.reading, info.id, info.readings[p.reading], day, where);
                s.last_day = c.last_day;
                s.end_utc = c.end_utc;
                s.version = c.version;
                break;
            }
            case pending_anchor::target::obligation: {
                auto& o = out_.obligations[p.index];
                const auto& info = rules_.obligations[o.obligation];
                count_result c =
                    count(o.obligation, p.reading, info.id, info.readings[p.reading], day, where);
                o.due = c.last_day;
                o.end_utc = c.end_utc;
                o.version = c.version;
                break;
            }
            case pending_anchor::target::retention: {
                auto& r = out_.retention[p.index];
                const auto& info = rules_.retentions[r.retention];
                count_result c =
                    count(r.retention, p.reading, info.id, info.readings[p.reading], day, where);
                r.last_day = c.last_day;
                if (c.last_day) r.purge_on = year_month_day(sys_days(*c.last_day) + date::days(1));
                r.version = c.version;
                break;
            }
            case pending_anchor::target::contested: {
                auto& cc = out_.readings[p.index];
                const std::vector<interpretation>& rs = rules_.readings(cc.rule);
                count_result c = count(cc.rule, p.reading, rules_.name(cc.rule), rs[p.reading], day,
                                       where, false);
                auto& res = cc.results[p.reading];
                res.anchor_day = day;
                res.last_day = c.last_day;
                res.end_utc = c.end_utc;
                res.version = c.version;
                break;
            }
            }
        }
    }

    // --- events --------------------------------------------------------------------------
    void enter(state_id to, event_id ev, role_id role, year_month_day day, std::uint32_t line) {
        if (to == state_) return;
        out_.timeline.back().left = day;
        state_span s;
        s.state = to;
        s.entered = day;
        s.event = ev;
        s.role = role;
        s.version = version_on(day);
        s.line = line;
        out_.timeline.push_back(s);
        state_ = to;
        end_obligations(no_index, to, ev, day);
        if (rules_.states[to].kind == state_kind::final) {
            for (window_slot& s : w_.windows)
                if (s.open) {
                    s.open = false;
                    s.closed_on = day;
                    s.closed_by = ev;
                }
            for (auto& t : w_.timers) t.active = false;
            for (window_id wi : w_.windows.ids())
                drop_pending(pending_anchor::target::window, wi.index());
            for (timer_id ti : w_.timers.ids())
                drop_pending(pending_anchor::target::timer, ti.index());
        }
    }

    void accept(event_id ev, role_id role, year_month_day day, territory where, std::uint32_t line,
                const transition& t) {
        const event_info& info = rules_.events[ev];
        state_id from = state_;
        if (auto* n = note(step_kind::accepted, day, no_index)) {
            n->event = ev;
            n->role = role;
            n->line = line;
            n->from = from;
            n->to = target_of(t);
            n->transition = std::uint16_t(&t - info.transitions.data());
            n->window = t.window;
            if (t.window != no_index) n->other = w_.windows[t.window].last_day;
        }
        enter(target_of(t), ev, role, day, line);
        update_conditions(ev, day);
        w_.seen_in[ev] = w_.replays;
        w_.seen_day[ev] = day;
        for (const effect& fx : info.effects) apply_effect(fx, ev, day, where);
        for (const effect& fx : t.effects) apply_effect(fx, ev, day, where);
        for (obligation_id oi : rules_.obligations.ids())
            if (rules_.obligations[oi].event == ev) discharge(oi, ev, day);
        resolve_anchors(ev, day, where);
    }

    // The state a transition leads to: its `to`, or back to the state before the current one.
    state_id target_of(const transition& t) const {
        if (!t.to_previous) return t.to;
        const auto& tl = out_.timeline;
        return tl.size() >= 2 ? tl[tl.size() - 2].state : state_;
    }

    // An automatic event: applied when one of its transitions holds the current state.
    // `by`: the timer or retention that sends it.
    void automatic(event_id ev, year_month_day day, territory where, counted_rule by) {
        const event_info& info = rules_.events[ev];
        for (const transition& t : info.transitions) {
            if (!contains(t.from, state_) || t.instead != no_index) continue;
            if (t.window != no_index && !window_open(t.window, day)) continue;
            if (t.pending != no_index && !pending(t.pending)) continue;
            accept(ev, no_index, day, where, 0, t);
            return;
        }
        if (rules_.states[state_].kind == state_kind::final) {
            if (auto* n = note(step_kind::automatic_not_applied, day, no_index)) {
                n->event = ev;
                n->by = by;
                n->from = state_;
            }
        } else {
            replay_warning& w = out_.warnings.emplace_back();
            w.id = "echeance.replay.automatic_not_applied";
            w.what = replay_warning::kind::automatic_not_applied;
            w.day = day;
            w.rule = by;
            w.event = ev;
            w.state = state_;
        }
    }

    void history_event_(const history_event& e) {
        using why = rejection::why;
        if (e.event == no_index) {
            reject(e, "echeance.replay.unknown_event", why::unknown_event).text = e.event_text;
            return;
        }
        if (e.role == no_index) {
            reject(e, "echeance.replay.unknown_role", why::unknown_role).text = e.role_text;
            return;
        }
        const event_info& info = rules_.events[e.event];
        if (info.automatic) {
            reject(e, "echeance.replay.automatic_event", why::automatic_event);
            return;
        }
        if (version_on(e.day) == no_index) {
            reject(e, "echeance.replay.no_rules", why::no_rules);
            return;
        }
        if (!contains(info.roles, e.role)) {
            reject(e, "echeance.replay.role_not_allowed", why::role_not_allowed);
            return;
        }
        if (!contains(info.acts_regardless, e.role)) {
            const role_info& ri = rules_.roles[e.role];
            condition_id ci = ri.acts_while != no_index ? ri.acts_while : ri.acts_unless;
            if (ci != no_index) {
                condition_value v = condition_on(ci, e.day);
                bool want = ri.acts_while != no_index;
                if (v.known && v.value != want) {
                    rejection& x = reject(e, "echeance.replay.role_condition", why::condition);
                    x.condition = ci;
                    x.held = v.value;
                    x.changed_on = v.since;
                    x.changed_by = v.by;
                    return;
                }
            }
        }
        bool state_matched = false, other_role = false;
        window_id blocked = no_index;
        obligation_id blocked_pending = no_index;
        for (const transition& t : info.transitions) {
            if (!contains(t.from, state_)) continue;
            if (!t.roles.empty() && !contains(t.roles, e.role)) {
                other_role = true;
                continue;
            }
            state_matched = true;
            if (t.instead != no_index) {
                rejection& x = reject(e, "echeance.replay.wrong_state", why::wrong_state);
                x.state = state_;
                x.since = out_.timeline.back().entered;
                x.instead = t.instead;
                return;
            }
            if (t.pending != no_index && !pending(t.pending)) {
                if (blocked_pending == no_index) blocked_pending = t.pending;
                continue;
            }
            if (t.window != no_index && !window_open(t.window, e.day)) {
                if (blocked == no_index) blocked = t.window;
                continue;
            }
            ++out_.accepted;
            accept(e.event, e.role, e.day, e.where, e.line, t);
            return;
        }
        if (!state_matched && other_role) {
            rejection& x = reject(e, "echeance.replay.role_not_allowed", why::role_in_state);
            x.state = state_;
            return;
        }
        if (blocked == no_index && blocked_pending != no_index) {
            reject(e, "echeance.replay.not_pending", why::not_pending).obligation = blocked_pending;
            return;
        }
        if (!state_matched) {
            rejection& x = reject(e, "echeance.replay.wrong_state", why::wrong_state);
            x.state = state_;
            x.since = out_.timeline.back().entered;
            // Why a windowed transition is no longer reachable: its window closed or ended.
            for (const transition& t : info.transitions) {
                if (t.window == no_index) continue;
                const window_slot& s = w_.windows[t.window];
                if (s.closed_on && s.closed_by != no_index) {
                    x.window = t.window;
                    x.closed_by = s.closed_by;
                    x.on = *s.closed_on;
                    break;
                }
                if (s.last_day) {
                    x.window = t.window;
                    x.on = *s.last_day;
                    x.end_utc = s.end_utc;
                    break;
                }
            }
            // Too late is what backends must tell apart: the state moved on because the window
            // ended (an opposition the day after the six weeks), not because of another act.
            if (x.window != no_index && x.on < e.day) x.id = "echeance.replay.window_closed";
            return;
        }
        const window_slot& s = w_.windows[blocked];
        if (s.closed_on && !s.open) {
            rejection& x = reject(e, "echeance.replay.window_closed", why::window_closed);
            x.window = blocked;
            x.on = *s.closed_on;
            x.closed_by = s.closed_by;
        } else if (s.open && s.last_day) {
            rejection& x = reject(e, "echeance.replay.window_closed", why::window_ended);
            x.window = blocked;
            x.on = *s.last_day;
            x.end_utc = s.end_utc;
            x.reading = s.reading;
            x.version = s.version;
        } else {
            reject(e, "echeance.replay.window_not_open", why::window_not_open).window = blocked;
        }
    }

    // Fires, in time order, every timer and retention whose last day is before `limit`.
    // Called before every event: most calls have nothing armed, checked here first.
    void fire_due(year_month_day limit) {
        bool armed = false;
        for (const timer_slot& t : w_.timers) armed = armed || t.active;
        for (retention_id ri : rules_.retentions.ids())
            armed = armed || active_retention(ri) != none32;
        if (armed) fire_armed(limit);
    }

    void fire_armed(year_month_day limit) {
        for (int guard = 0; guard < 10000; ++guard) {
            std::optional<year_month_day> best;
            bool best_is_timer = true;
            timer_id best_timer = no_index;
            std::size_t best_i = 0; // the retention instance
            for (timer_id t : w_.timers.ids()) {
                const timer_slot& s = w_.timers[t];
                if (!s.active) continue;
                const std::optional<year_month_day>* d = &s.last_day;
                if (window_id we = rules_.timers[t].at_end_of; we != no_index) {
                    if (!w_.windows[we].open) continue;
                    d = &w_.windows[we].last_day;
                }
                if (*d && **d < limit && (!best || **d < *best)) {
                    best = *d;
                    best_is_timer = true;
                    best_timer = t;
                }
            }
            // Only the archived instance of each retention can end; on the same day, a timer
            // first, then the oldest instance.
            for (retention_id ri : rules_.retentions.ids()) {
                std::int32_t ai = active_retention(ri);
                if (ai == none32) continue;
                auto i = std::size_t(ai);
                const auto& r = out_.retention[i];
                if (r.last_day && *r.last_day < limit &&
                    (!best || *r.last_day < *best ||
                     (*r.last_day == *best && !best_is_timer && i < best_i))) {
                    best = r.last_day;
                    best_is_timer = false;
                    best_i = i;
                }
            }
            if (!best) return;
            year_month_day next(sys_days(*best) + date::days(1));
            if (best_is_timer) {
                const timer_info& t = rules_.timers[best_timer];
                timer_slot& s = w_.timers[best_timer];
                s.active = false;
                territory where = t.at_end_of != no_index ? w_.windows[t.at_end_of].where : s.where;
                if (auto* n = note(step_kind::timer_fired, next, version_on(*best), best_timer)) {
                    n->event = t.event;
                    n->other = best;
                }
                automatic(t.event, next, where, best_timer);
            } else {
                auto& r = out_.retention[best_i];
                const retention_info& info = rules_.retentions[r.retention];
                r.state = retention_status::status::purged;
                r.ended_on = next;
                w_.retention_purged[r.retention] = std::int32_t(best_i);
                if (auto* n = note(step_kind::retention_ended, next, r.version, r.retention))
                    n->other = best;
                end_obligations(r.retention, no_index, info.purge_event, next);
                if (info.purge_event != no_index)
                    automatic(info.purge_event, next, w_.retention_where[best_i], r.retention);
            }
        }
        replay_warning& w = out_.warnings.emplace_back();
        w.id = "echeance.replay.loop";
        w.what = replay_warning::kind::loop;
    }

    // The steps of run(), in order.
    void clear_result();
    void prepare_scratch();
    void mark_versions_in_scope();
    void order_events();
    void replay_events();
    void collect_open_windows();
    void collect_scheduled();
    void settle_obligations();
    void choose_most_protective();
    void sort_messages();
};

void machine::order_events() {
    const auto& ev = h_.events;
    w_.order.clear();
    std::optional<year_month_day> max_day;
    std::uint32_t max_line = 0;
    for (std::size_t i = 0; i < ev.size(); ++i) {
        const history_event& e = ev[i];
        if (max_day && e.day < *max_day) {
            rejection& x = reject(e, "echeance.replay.out_of_order", rejection::why::out_of_order);
            x.other_line = max_line;
            x.on = *max_day;
            continue;
        }
        max_day = e.day;
        max_line = e.line;
        if (e.day > opt_.as_of) {
            ++out_.ignored_after_as_of;
            continue;
        }
        w_.order.push_back(std::uint32_t(i));
    }
    auto& o = w_.order;
    bool any_flagged = false;
    auto flag = [&](std::uint32_t i) {
        if (!any_flagged) w_.flagged.assign(ev.size(), 0); // only when some event needs it
        any_flagged = true;
        w_.flagged[i] = 1;
    };
    for (std::size_t a = 0; a < o.size();) {
        std::size_t b = a + 1;
        while (b < o.size() && ev[o[b]].day == ev[o[a]].day) ++b;
        if (b - a > 1) {
            bool all_time = true, all_seq = true;
            for (std::size_t k = a; k < b; ++k) {
                all_time = all_time && ev[o[k]].time >= 0;
                all_seq = all_seq && ev[o[k]].seq >= 0;
            }
            auto key = [&](std::uint32_t i) {
                return std::make_pair(all_time ? std::int64_t(ev[i].time) : 0,
                                      all_seq ? ev[i].seq : 0);
            };
            if (all_time || all_seq) {
                small_stable_sort(
                    o.begin() + std::ptrdiff_t(a), o.begin() + std::ptrdiff_t(b),
                    [&](std::uint32_t x, std::uint32_t y) { return key(x) < key(y); });
                for (std::size_t k = a; k + 1 < b; ++k)
                    if (key(o[k]) == key(o[k + 1])) {
                        flag(o[k]);
                        flag(o[k + 1]);
                    }
            } else {
                for (std::size_t k = a; k < b; ++k) flag(o[k]);
            }
        }
        a = b;
    }
    if (!any_flagged) return;
    for (std::size_t i = 0; i < ev.size(); ++i)
        if (w_.flagged[i]) {
            replay_warning& w = out_.warnings.emplace_back();
            w.line = ev[i].line;
            w.id = "echeance.replay.order_from_input";
            w.what = replay_warning::kind::order_from_input;
            w.day = ev[i].day;
        }
}

// A replay: clear the result and the buffers, replay the ordered events, then report the
// situation as of `as_of`.
void machine::run() {
    clear_result();
    prepare_scratch();
    state_ = rules_.initial_state;
    if (state_ == no_index) state_ = state_id(0);
    state_span first;
    first.state = state_;
    out_.timeline.push_back(first);
    if (rules_.states.empty()) return;

    order_events();
    replay_events();

    out_.state = state_;
    out_.since = out_.timeline.back().entered;
    collect_open_windows();
    collect_scheduled();
    settle_obligations();
    choose_most_protective();
    sort_messages();
}

// Empties the result; the buffers of its contested counts go back to the pool.
void machine::clear_result() {
    out_.as_of = opt_.as_of;
    out_.timeline.clear();
    out_.windows.clear();
    out_.scheduled.clear();
    out_.obligations.clear();
    out_.retention.clear();
    out_.rejected.clear();
    out_.warnings.clear();
    for (auto& c : out_.readings) {
        c.results.clear();
        w_.results_pool.push_back(std::move(c.results));
    }
    out_.readings.clear();
    out_.explanation.clear();
    out_.accepted = 0;
    out_.ignored_after_as_of = 0;
}

// Blank slots copied from memory: a temporary built on the stack in each iteration of the fill
// was read back before its stores had landed (a store-forwarding stall per slot).
const window_slot blank_window{};
const timer_slot blank_timer{};
const wait_handle blank_wait{};
const replay_result::scratch::condition_fact blank_condition{};

void machine::prepare_scratch() {
    w_.windows.assign(rules_.windows.size(), blank_window);
    w_.timers.assign(rules_.timers.size(), blank_timer);
    // Only the lists used (one clear per event of the rule set was 0.8% of a sweep).
    for (event_id ev : w_.waited_on) w_.waiting[ev].clear();
    w_.waited_on.clear();
    w_.waiting.resize(rules_.events.size());
    w_.window_wait.assign(rules_.windows.size(), blank_wait);
    w_.timer_wait.assign(rules_.timers.size(), blank_wait);
    w_.obligation_wait.clear();
    w_.retention_wait.clear();
    for (auto& q : w_.open_obligations) q.clear();
    w_.open_obligations.resize(rules_.obligations.size());
    w_.retention_last.assign(rules_.retentions.size(), none32);
    w_.retention_purged.assign(rules_.retentions.size(), none32);
    w_.retention_where.clear();
    w_.obligation_where.clear();
    if (++w_.replays == 0 || w_.seen_in.size() != rules_.events.size()) {
        // First use, another rule set, or the stamps wrapped around: start afresh.
        w_.seen_in.assign(rules_.events.size(), 0);
        w_.replays = 1;
    }
    w_.seen_day.resize(rules_.events.size());
    w_.conditions.assign(rules_.conditions.size(), blank_condition);
    mark_versions_in_scope();
    version_from_ = 1; // the cache emptied
    version_until_ = 0;
}

// Which versions apply to this person: all but those whose scope (in its deciding reading)
// leaves out the person's department.
void machine::mark_versions_in_scope() {
    w_.in_scope.assign(rules_.versions.size(), 1);
    for (version_id v : rules_.versions.ids()) {
        const auto& sc = rules_.versions[v].scope;
        if (sc.empty()) continue;
        std::size_t k = 0;
        const auto& choice = opt_.readings.versions;
        if (choice.contains(v) && choice[v] < sc.size()) {
            k = choice[v];
        } else {
            for (std::size_t i = 0; i < sc.size(); ++i)
                if (sc[i].is_default) k = i;
        }
        const auto& vals = sc[k].values;
        w_.in_scope[v] = !h_.department.empty() &&
                         std::find(vals.begin(), vals.end(), h_.department) != vals.end();
    }
}

// Timers and retention due before each event fire first; those due by `as_of` at the end.
void machine::replay_events() {
    for (std::uint32_t i : w_.order) {
        const history_event& e = h_.events[i];
        fire_due(e.day);
        history_event_(e);
    }
    fire_due(opt_.as_of);
}

void machine::collect_open_windows() {
    for (window_id wi : w_.windows.ids()) {
        const window_slot& s = w_.windows[wi];
        if (!window_open(wi, opt_.as_of)) continue;
        out_.windows.push_back({wi, s.reading, s.opened, s.last_day, s.end_utc, s.version});
    }
}

// The automatic moves still to come: armed timers, then running retention, by last day.
void machine::collect_scheduled() {
    for (timer_id t : rules_.timers.ids()) {
        auto d = timer_due(t);
        if (!d) continue;
        const timer_slot& s = w_.timers[t];
        const auto& info = rules_.timers[t];
        date::sys_seconds at =
            info.at_end_of != no_index ? w_.windows[info.at_end_of].end_utc : s.end_utc;
        version_id v = info.at_end_of != no_index ? w_.windows[info.at_end_of].version : s.version;
        out_.scheduled.push_back(
            {t, info.event, *d, year_month_day(sys_days(*d) + date::days(1)), at, v});
    }
    for (std::size_t i = 0; i < out_.retention.size(); ++i) {
        const auto& r = out_.retention[i];
        if (r.state != retention_status::status::archived || !r.last_day) continue;
        const auto& info = rules_.retentions[r.retention];
        date::local_seconds end_local(
            date::local_days((sys_days(*r.last_day) + date::days(1)).time_since_epoch()));
        date::sys_seconds at(
            (end_local - cal_.utc_offset(w_.retention_where[i], end_local)).time_since_epoch());
        out_.scheduled.push_back(
            {r.retention, info.purge_event, *r.last_day, *r.purge_on, at, r.version});
    }
    if (out_.scheduled.size() > 1)
        small_stable_sort(out_.scheduled.begin(), out_.scheduled.end(),
                          [](const scheduled_move& a, const scheduled_move& b) {
                              return a.last_day < b.last_day;
                          });
}

// Each obligation as of `as_of`: discharged (days late), overdue (days late) or due (days left).
void machine::settle_obligations() {
    for (auto& o : out_.obligations) {
        if (o.discharged_on) {
            o.state = obligation_status::status::discharged;
            o.days = o.due && *o.discharged_on > *o.due
                         ? std::int32_t((sys_days(*o.discharged_on) - sys_days(*o.due)).count())
                         : 0;
        } else if (o.due && opt_.as_of > *o.due) {
            o.state = obligation_status::status::overdue;
            o.days = std::int32_t((sys_days(opt_.as_of) - sys_days(*o.due)).count());
        } else {
            o.state = obligation_status::status::due;
            o.days = o.due ? std::int32_t((sys_days(*o.due) - sys_days(opt_.as_of)).count()) : 0;
        }
    }
}

// Most protective reading, computed: latest last day for a window or timer (the holder
// keeps the right longer), earliest for an obligation (the operator owes sooner) and a
// retention (the data are kept shorter). Undetermined while a reading has not started: a
// receipt not yet recorded could still give the latest day.
void machine::choose_most_protective() {
    for (auto& c : out_.readings) {
        if (rules_.most_protective(c.rule) == protective::neither) {
            c.most_protective.reset();
            continue;
        }
        bool latest = c.rule.kind() == rule_kind::window || c.rule.kind() == rule_kind::timer;
        std::optional<std::uint8_t> best;
        bool all_started = true;
        for (const auto& r : c.results) all_started = all_started && r.last_day.has_value();
        for (const auto& r : c.results) {
            if (!all_started) break;
            if (!best) {
                best = r.reading;
                continue;
            }
            const auto& b = *c.results[*best].last_day;
            if (latest ? *r.last_day > b : *r.last_day < b) best = r.reading;
        }
        c.most_protective = best;
    }
}

// Rejections and warnings in input order; warnings of automatic events (line 0) last.
void machine::sort_messages() {
    auto by_line = [](const rejection& a, const rejection& b) { return a.line < b.line; };
    if (!std::is_sorted(out_.rejected.begin(), out_.rejected.end(), by_line))
        small_stable_sort(out_.rejected.begin(), out_.rejected.end(), by_line);
    auto by_warning_line = [](const replay_warning& a, const replay_warning& b) {
        auto k = [](std::uint32_t l) { return l ? l : std::numeric_limits<std::uint32_t>::max(); };
        return k(a.line) < k(b.line);
    };
    if (!std::is_sorted(out_.warnings.begin(), out_.warnings.end(), by_warning_line))
        small_stable_sort(out_.warnings.begin(), out_.warnings.end(), by_warning_line);
}

} // namespace

void replay(const ruleset& rules, const calendar& cal, const history& h,
            const replay_options& options, replay_result& out) {
    if (!out.work.p) out.work.p = std::make_shared<replay_result::scratch>();
    machine m(rules, cal, h, options, out);
    m.run();
}

void choose_reading(const ruleset& rules, replay_options& options, std::string_view rule,
                    std::string_view reading) {
    auto pick = [&](const std::vector<interpretation>& rs, auto& v, auto i) {
        std::string known;
        for (std::size_t k = 0; k < rs.size(); ++k) {
            if (rs[k].id == reading) {
                if (v.size() <= i.index()) v.resize(i.index() + 1u, 0xFF);
                v[i] = std::uint8_t(k);
                return;
            }
            known += (known.empty() ? "" : ", ") + rs[k].id;
        }
        throw error(
            "echeance.replay.unknown_reading",
            fmt::format("{} has no reading \"{}\" (expected one of: {})", rule, reading, known));
    };
    if (auto i = rules.find_window(rule); i != no_index)
        return pick(rules.windows[i].readings, options.readings.windows, i);
    if (auto i = rules.find_timer(rule); i != no_index)
        return pick(rules.timers[i].readings, options.readings.timers, i);
    if (auto i = rules.find_obligation(rule); i != no_index)
        return pick(rules.obligations[i].readings, options.readings.obligations, i);
    if (auto i = rules.find_retention(rule); i != no_index)
        return pick(rules.retentions[i].readings, options.readings.retentions, i);
    if (auto i = rules.find_version(rule); i != no_index && !rules.versions[i].scope.empty()) {
        std::string known;
        const auto& sc = rules.versions[i].scope;
        for (std::size_t k = 0; k < sc.size(); ++k) {
            if (sc[k].id == reading) {
                auto& v = options.readings.versions;
                if (v.size() <= i.index()) v.resize(i.index() + 1u, 0xFF);
                v[i] = std::uint8_t(k);
                return;
            }
            known += (known.empty() ? "" : ", ") + sc[k].id;
        }
        throw error("echeance.replay.unknown_reading",
                    fmt::format("the scope of {} has no reading \"{}\" (expected one of: {})", rule,
                                reading, known));
    }
    throw error(
        "echeance.replay.unknown_reading",
        fmt::format("no window, timer, obligation or retention \"{}\" in {}", rule, rules.id));
}

std::string_view to_string(obligation_status::status s) noexcept {
    return detail::obligation_status_table.name(s);
}

std::string_view to_string(retention_status::status s) noexcept {
    return detail::retention_status_table.name(s);
}

std::string_view to_string(rule_kind k) noexcept {
    return detail::contested_kind_table.name(k);
}

} // namespace echeance
