// Static checks of a loaded rule set: what the loader cannot see one value at a time.
#include "echeance/check.hpp"

#include <algorithm>
#include <deque>
#include <fmt/format.h>
#include <string>
#include <utility>
#include <vector>

namespace echeance {

namespace {

std::string q(const std::string& s) {
    return "\"" + s + "\"";
}

class checker {
public:
    explicit checker(const ruleset& r) : r_(r) {}

    std::vector<finding> run() {
        states();
        events();
        windows();
        timers();
        obligations();
        retention();
        roles();
        conditions();
        timers_fire();
        obligations_discharged();
        purges_apply();
        automatic_cycles();
        window_lengths();
        count_anchors();
        sizes();
        std::stable_sort(out_.begin(), out_.end(), [](const finding& a, const finding& b) {
            const location& x = a.what.where();
            const location& y = b.what.where();
            if (x.line != y.line) return x.line < y.line;
            return x.column < y.column;
        });
        return std::move(out_);
    }

private:
    const ruleset& r_;
    std::vector<finding> out_;

    void add(finding::severity level, const char* what, const citation& at, std::string message) {
        out_.push_back(finding{
            level, error(std::string("echeance.check.") + what, std::move(message), at.at)});
    }
    void error_(const char* what, const citation& at, std::string message) {
        add(finding::severity::error, what, at, std::move(message));
    }
    void warning(const char* what, const citation& at, std::string message) {
        add(finding::severity::warning, what, at, std::move(message));
    }

    using state_set = indexed_vector<bool, state_id>;

    static bool in(const std::vector<effect>& list, effect::kind k, counted_rule target) {
        for (const auto& fx : list)
            if (fx.what == k && fx.target == target) return true;
        return false;
    }
    // The event has the effect, on itself or on one of its transitions.
    static bool event_has(const event_info& e, effect::kind k, counted_rule target) {
        if (in(e.effects, k, target)) return true;
        for (const auto& t : e.transitions)
            if (in(t.effects, k, target)) return true;
        return false;
    }
    bool has_effect(effect::kind k, counted_rule target) const {
        for (const auto& e : r_.events)
            if (event_has(e, k, target)) return true;
        return false;
    }

    // An initial or live state that no event leaves for another state.
    bool dead_end(state_id s) const {
        if (r_.states[s].kind == state_kind::final) return false;
        for (const auto& e : r_.events)
            for (const auto& t : e.transitions)
                if (t.to != s && t.instead == no_index &&
                    std::find(t.from.begin(), t.from.end(), s) != t.from.end())
                    return false;
        return true;
    }
    // The checks that follow states stay silent when one of them is a dead end: the dead_end
    // error there is the cause, and adding the missing transition usually fixes both.
    bool has_dead_end(const state_set& states) const {
        for (state_id s : states.ids())
            if (states[s] && dead_end(s)) return true;
        return false;
    }

    void states() {
        state_set reached(r_.states.size(), false);
        std::deque<state_id> todo;
        const bool has_initial = r_.states.contains(r_.initial_state);
        if (has_initial) {
            reached[r_.initial_state] = true;
            todo.push_back(r_.initial_state);
        }
        while (!todo.empty()) {
            state_id s = todo.front();
            todo.pop_front();
            for (const auto& e : r_.events)
                for (const auto& t : e.transitions)
                    if (reached.contains(t.to) && !reached[t.to] &&
                        std::find(t.from.begin(), t.from.end(), s) != t.from.end()) {
                        reached[t.to] = true;
                        todo.push_back(t.to);
                    }
        }
        for (state_id s : r_.states.ids()) {
            const state_info& st = r_.states[s];
            if (!reached[s] && has_initial)
                warning("unreachable_state", st.why,
                        fmt::format("state {} cannot be reached from the initial state {}",
                                    q(st.id), q(r_.states[r_.initial_state].id)));
            if (dead_end(s))
                error_("dead_end", st.why,
                       fmt::format("{} state {} has no way out (no event leads from it to another "
                                   "state; make it \"final\" or add a transition)",
                                   to_string(st.kind), q(st.id)));
        }
    }

    void events() {
        for (event_id i : r_.events.ids()) {
            const event_info& e = r_.events[i];
            for (const auto& t : e.transitions) {
                for (state_id s : t.from)
                    if (r_.states.contains(s) && r_.states[s].kind == state_kind::final &&
                        t.to != s && t.instead == no_index)
                        error_(
                            "final_state_left", t.why,
                            fmt::format("event {} leaves final state {} (a final state cannot be "
                                        "left; make it \"live\")",
                                        q(e.id), q(r_.states[s].id)));
                if (r_.windows.contains(t.window)) {
                    const window_info& w = r_.windows[t.window];
                    if (std::find(w.events.begin(), w.events.end(), i) == w.events.end())
                        warning("window_event_mismatch", t.why,
                                fmt::format("event {} depends on window {}, which does not list it "
                                            "in \"events\"",
                                            q(e.id), q(w.id)));
                }
            }
            if (e.automatic) {
                bool sent = false;
                for (const auto& t : r_.timers) sent = sent || t.event == i;
                for (const auto& x : r_.retentions) sent = sent || x.purge_event == i;
                if (!sent)
                    error_("unsent_automatic_event", e.why,
                           fmt::format("automatic event {} is sent by no timer and no retention",
                                       q(e.id)));
                continue;
            }
            bool someone = false;
            for (role_id role : e.roles)
                if (r_.roles.contains(role) && r_.roles[role].id != "system") someone = true;
            if (!someone)
                error_("unsendable_event", e.why,
                       e.roles.empty()
                           ? fmt::format("event {} can be sent by no role (\"roles\" is empty)",
                                         q(e.id))
                           : fmt::format(
                                 "event {} can be sent by no role (only \"system\", which sends "
                                 "automatic events only: add a role or mark it "
                                 "\"automatic\": true)",
                                 q(e.id)));
        }
    }

    void windows() {
        for (window_id i : r_.windows.ids()) {
            const window_info& w = r_.windows[i];
            if (!has_effect(effect::kind::open_window, i)) {
                error_("window_never_opened", w.why,
                       fmt::format("window {} is opened by no event (expected an event with "
                                   "{{\"open\": {}}})",
                                   q(w.id), q(w.id)));
                continue;
            }
            for (role_id role : w.roles) {
                if (!r_.roles.contains(role)) continue;
                bool sends = false;
                for (event_id ev : w.events)
                    sends = sends || (r_.events.contains(ev) && holds(r_.events[ev].roles, role));
                if (!sends)
                    warning("window_role_cannot_send", w.why,
                            fmt::format("window {} lists role {}, which may send none of its "
                                        "events ({}) (remove the role from the window, or add it "
                                        "to the \"roles\" of one of these events)",
                                        q(w.id), q(r_.roles[role].id), name_list(r_, w.events)));
            }
            bool used = false;
            for (const auto& e : r_.events)
                for (const auto& t : e.transitions) used = used || t.window == i;
            for (const auto& t : r_.timers) used = used || t.at_end_of == i;
            if (!used)
                warning(
                    "unused_window", w.why,
                    fmt::format("window {} restricts no transition and ends no timer", q(w.id)));
        }
    }

    void timers() {
        for (timer_id i : r_.timers.ids()) {
            const timer_info& t = r_.timers[i];
            if (!has_effect(effect::kind::start_timer, i))
                error_("timer_never_started", t.why,
                       fmt::format("timer {} is started by no event (expected an event with "
                                   "{{\"start\": {}}})",
                                   q(t.id), q(t.id)));
        }
    }

    void obligations() {
        for (obligation_id i : r_.obligations.ids()) {
            const obligation_info& o = r_.obligations[i];
            if (!has_effect(effect::kind::start_obligation, i))
                error_("obligation_never_started", o.why,
                       fmt::format("obligation {} is created by no event (expected an event with "
                                   "{{\"oblige\": {}}})",
                                   q(o.id), q(o.id)));
            if (r_.events.contains(o.event) && r_.roles.contains(o.role)) {
                const event_info& e = r_.events[o.event];
                auto may_send = [&](const event_info& x) {
                    return std::find(x.roles.begin(), x.roles.end(), o.role) != x.roles.end();
                };
                bool can = may_send(e);
                for (const auto& x : r_.events)
                    can = can || (may_send(x) && event_has(x, effect::kind::discharge, i));
                if (!can)
                    error_("undischargeable_obligation", o.why,
                           fmt::format("obligation {} binds role {}, which may not send its "
                                       "discharging event {}",
                                       q(o.id), q(r_.roles[o.role].id), q(e.id)));
            }
        }
    }

    void retention() {
        for (retention_id i : r_.retentions.ids()) {
            const retention_info& x = r_.retentions[i];
            if (!has_effect(effect::kind::archive, i))
                error_("retention_never_archived", x.why,
                       fmt::format("retention {} is started by no event (expected an event with "
                                   "{{\"archive\": {}}})",
                                   q(x.id), q(x.id)));
            if (x.purge_event == no_index)
                error_("retention_no_purge", x.why,
                       fmt::format("retention {} has no \"purge_event\": archived data would never "
                                   "be deleted",
                                   q(x.id)));
        }
    }

    // --- helpers for the checks below ------------------------------------------------------

    // What taking one transition applies: the event's effects, then the transition's.
    static std::vector<effect> applied(const event_info& e, const transition& t) {
        std::vector<effect> all = e.effects;
        all.insert(all.end(), t.effects.begin(), t.effects.end());
        return all;
    }
    // True when, in `fx`, some `undo` of `undo_target` comes after the last `start` of `target`
    // (and there is such a start): the effect started is undone by the same event.
    static bool undone(const std::vector<effect>& fx, effect::kind start, counted_rule target,
                       effect::kind undo, counted_rule undo_target) {
        std::size_t last = fx.size();
        for (std::size_t k = 0; k < fx.size(); ++k)
            if (fx[k].what == start && fx[k].target == target) last = k;
        if (last == fx.size()) return false;
        for (std::size_t k = last + 1; k < fx.size(); ++k)
            if (fx[k].what == undo && fx[k].target == undo_target) return true;
        return false;
    }
    template <class Id>
    static bool holds(const std::vector<Id>& list, Id x) {
        return std::find(list.begin(), list.end(), x) != list.end();
    }
    // States reachable from `seeds` (included) through transitions `pass` lets through.
    template <class Pass>
    state_set reachable(const state_set& seeds, Pass pass) const {
        state_set seen = seeds;
        std::deque<state_id> todo;
        for (state_id s : seen.ids())
            if (seen[s]) todo.push_back(s);
        while (!todo.empty()) {
            state_id s = todo.front();
            todo.pop_front();
            for (const auto& e : r_.events)
                for (const auto& t : e.transitions)
                    if (seen.contains(t.to) && !seen[t.to] && holds(t.from, s) && pass(e, t)) {
                        seen[t.to] = true;
                        todo.push_back(t.to);
                    }
        }
        return seen;
    }
    // The `to` states of the transitions that apply effect `k` on `target`.
    state_set entered_by(effect::kind k, counted_rule target) const {
        state_set out(r_.states.size(), false);
        for (const auto& e : r_.events)
            for (const auto& t : e.transitions)
                if (out.contains(t.to) && (in(e.effects, k, target) || in(t.effects, k, target)))
                    out[t.to] = true;
        return out;
    }
    // Some transition of `e` leaves one of `states`.
    static bool leaves_one_of(const transition& t, const state_set& states) {
        for (state_id s : t.from)
            if (states.contains(s) && states[s]) return true;
        return false;
    }
    static std::string list_states(const ruleset& r, const state_set& states) {
        std::string out;
        for (state_id s : states.ids())
            if (states[s]) out += (out.empty() ? "" : ", ") + q(r.states[s].id);
        return out;
    }

    static std::string name_list(const ruleset& r, const std::vector<event_id>& events) {
        std::string out;
        for (event_id e : events) out += (out.empty() ? "" : ", ") + q(r.events[e].id);
        return out;
    }
    // "reading \"x\" of " for a named interpretation; nothing for the single count of a rule.
    static std::string reading_of(const interpretation& r) {
        return r.id.empty() ? std::string() : fmt::format("reading {} of ", q(r.id));
    }

    // A timer whose every start is undone by the same event: the window it waits for is closed,
    // or the timer itself cancelled, after it was started.
    void timers_fire() {
        for (timer_id ti : r_.timers.ids()) {
            const timer_info& tm = r_.timers[ti];
            const bool windowed = r_.windows.contains(tm.at_end_of);
            std::vector<event_id> starters;
            bool survives = false;
            for (event_id ei : r_.events.ids()) {
                if (survives) break;
                const event_info& e = r_.events[ei];
                for (const auto& t : e.transitions) {
                    const std::vector<effect> fx = applied(e, t);
                    if (!in(fx, effect::kind::start_timer, ti)) continue;
                    if (!holds(starters, ei)) starters.push_back(ei);
                    const bool killed = windowed ? undone(fx, effect::kind::start_timer, ti,
                                                          effect::kind::close_window, tm.at_end_of)
                                                 : undone(fx, effect::kind::start_timer, ti,
                                                          effect::kind::cancel_timer, ti);
                    if (!killed) survives = true;
                }
            }
            if (starters.empty() || survives) continue;
            if (windowed) {
                const std::string& w = r_.windows[tm.at_end_of].id;
                error_("timer_never_fires", tm.why,
                       fmt::format("timer {} can never fire: every event that starts it ({}) also "
                                   "closes window {}, at whose end it fires (remove {{\"close\": "
                                   "{}}} from these events, or start the timer from another event)",
                                   q(tm.id), name_list(r_, starters), q(w), q(w)));
            } else {
                error_("timer_never_fires", tm.why,
                       fmt::format("timer {} can never fire: every event that starts it ({}) also "
                                   "cancels it (remove {{\"cancel\": {}}} from these events, or "
                                   "put it before the \"start\" to restart the timer)",
                                   q(tm.id), name_list(r_, starters), q(tm.id)));
            }
        }
    }

    // An obligation pending in states that none of its discharging transitions leaves.
    void obligations_discharged() {
        for (obligation_id oi : r_.obligations.ids()) {
            const obligation_info& o = r_.obligations[oi];
            if (!r_.events.contains(o.event) || !r_.roles.contains(o.role)) continue;
            state_set started = entered_by(effect::kind::start_obligation, oi);
            if (std::find(started.begin(), started.end(), true) == started.end()) continue;
            const event_info* own = &r_.events[o.event];
            auto discharges = [&](const event_info& e, const transition& t) {
                return &e == own || in(e.effects, effect::kind::discharge, oi) ||
                       in(t.effects, effect::kind::discharge, oi);
            };
            state_set pending = reachable(started, [&](const event_info& e, const transition& t) {
                return !discharges(e, t);
            });
            std::vector<event_id> by;
            bool can = false;
            for (event_id ei : r_.events.ids()) {
                const event_info& e = r_.events[ei];
                if (!holds(e.roles, o.role)) continue;
                for (const auto& t : e.transitions)
                    if (discharges(e, t)) {
                        if (!holds(by, ei)) by.push_back(ei);
                        can = can || leaves_one_of(t, pending);
                    }
            }
            // No discharging event: undischargeable_obligation says so.
            if (by.empty() || can || has_dead_end(pending)) continue;
            error_("obligation_never_discharged", o.why,
                   fmt::format("obligation {} can never be discharged: it is pending in {}, and no "
                               "event of role {} that discharges it ({}) has a transition from "
                               "these states (add one of them to the \"from\" of {})",
                               q(o.id), list_states(r_, pending), q(r_.roles[o.role].id),
                               name_list(r_, by), q(r_.events[by.front()].id)));
        }
    }

    // A retention whose purge event cannot apply in any state the archive runs in.
    void purges_apply() {
        for (retention_id xi : r_.retentions.ids()) {
            const retention_info& x = r_.retentions[xi];
            if (!r_.events.contains(x.purge_event)) continue;
            state_set archived = entered_by(effect::kind::archive, xi);
            if (std::find(archived.begin(), archived.end(), true) == archived.end()) continue;
            state_set running = reachable(archived, [&](const event_info& e, const transition& t) {
                return !in(e.effects, effect::kind::restore, xi) &&
                       !in(t.effects, effect::kind::restore, xi);
            });
            const event_info& p = r_.events[x.purge_event];
            bool applies = false;
            for (const auto& t : p.transitions) applies = applies || leaves_one_of(t, running);
            if (!applies && !has_dead_end(running))
                error_("purge_never_applies", x.why,
                       fmt::format("retention {} can never be purged: its purge event {} has no "
                                   "transition from a state the archive can be running in ({}) "
                                   "(add one of them to the \"from\" of {})",
                                   q(x.id), q(p.id), list_states(r_, running), q(p.id)));
        }
    }

    // Automatic event -> timer it starts -> that timer's event: a cycle fires for ever.
    void automatic_cycles() {
        const std::size_t n = r_.events.size();
        using edge = std::pair<timer_id, event_id>;
        // edges[a]: (timer, its event) for each timer the automatic event a starts.
        indexed_vector<std::vector<edge>, event_id> edges(n);
        for (event_id a : r_.events.ids()) {
            if (!r_.events[a].automatic) continue;
            for (timer_id t : r_.timers.ids()) {
                event_id b = r_.timers[t].event;
                if (r_.events.contains(b) && r_.events[b].automatic &&
                    event_has(r_.events[a], effect::kind::start_timer, t))
                    edges[a].emplace_back(t, b);
            }
        }
        // Each cycle is reported once, from its first event in declaration order: a shortest
        // path back to `a` through events declared after it.
        for (event_id a : r_.events.ids()) {
            if (edges[a].empty()) continue;
            indexed_vector<edge, event_id> via(n, edge{no_index, no_index});
            std::deque<event_id> todo{a};
            bool found = false;
            event_id last = no_index;
            timer_id last_timer = no_index;
            while (!todo.empty() && !found) {
                event_id u = todo.front();
                todo.pop_front();
                for (const auto& [t, b] : edges[u]) {
                    if (b == a) {
                        found = true;
                        last = u;
                        last_timer = t;
                        break;
                    }
                    if (b > a && via[b].second == no_index) {
                        via[b] = {t, u};
                        todo.push_back(b);
                    }
                }
            }
            if (!found) continue;
            // Walk back from `last` to `a`, then print forwards.
            std::vector<edge> steps{{last_timer, a}};
            for (event_id u = last; u != a; u = via[u].second) steps.emplace_back(via[u].first, u);
            std::reverse(steps.begin(), steps.end());
            std::string path = q(r_.events[a].id);
            for (std::size_t k = 0; k < steps.size(); ++k)
                path +=
                    fmt::format("{} starts timer {}, which sends {}", k == 0 ? "" : ", which",
                                q(r_.timers[steps[k].first].id), q(r_.events[steps[k].second].id));
            error_("automatic_cycle", r_.events[a].why,
                   fmt::format("automatic events start each other for ever: {} (break the cycle: "
                               "one of these automatic events must not start the next timer)",
                               path));
        }
    }

    // A window of no length, in some reading and version.
    void window_lengths() {
        for (const auto& w : r_.windows) {
            bool done = false;
            for (const auto& r : w.readings) {
                for (version_id v : r.by_version.ids()) {
                    if (done) break;
                    const period& p = r.by_version[v].length;
                    if (p.years != 0 || p.months != 0 || p.weeks != 0 || p.days != 0) continue;
                    done = true;
                    std::string version = r.by_version.size() > 1 && r_.versions.contains(v)
                                              ? fmt::format(" in version {}", q(r_.versions[v].id))
                                              : std::string();
                    warning("zero_length_window", w.why,
                            fmt::format("{}window {} has zero length{}: it ends the day it opens "
                                        "(give it a period, e.g. \"P1D\", or remove the window)",
                                        reading_of(r), q(w.id), version));
                }
                if (done) break;
            }
        }
    }

    // A count from a fixed day before any version applies.
    void count_anchors() {
        if (r_.versions.empty()) return;
        const version_info& first = r_.versions.front();
        const sys_days earliest = sys_days(first.from) - date::days{1};
        auto counts = [&](const char* kind, const std::string& id,
                          const std::vector<interpretation>& readings, const citation& why) {
            for (const auto& r : readings)
                if (r.anchor_day && sys_days(*r.anchor_day) < earliest)
                    error_("count_before_versions", why,
                           fmt::format("{}{} {} counts from {}, before the first version {} "
                                       "(from {}): no rule applies then (expected \"from_date\" "
                                       "on or after {}, or an earlier version)",
                                       reading_of(r), kind, q(id), format_date(*r.anchor_day),
                                       q(first.id), format_date(first.from),
                                       format_date(year_month_day(earliest))));
        };
        for (const auto& w : r_.windows) counts("window", w.id, w.readings, w.why);
        for (const auto& t : r_.timers) counts("timer", t.id, t.readings, t.why);
        for (const auto& o : r_.obligations) counts("obligation", o.id, o.readings, o.why);
        for (const auto& x : r_.retentions) counts("retention", x.id, x.readings, x.why);
    }

    // No field of the model may hold a pasted document.
    static constexpr std::size_t text_limit = 4096;
    static std::string short_id(const std::string& id) {
        return id.size() <= 64 ? q(id) : q(id.substr(0, 60)) + "...";
    }
    void text(const char* field, const std::string& value, const std::string& owner,
              const citation& at) {
        if (value.size() <= text_limit) return;
        error_("oversized_text", at,
               fmt::format("\"{}\" of {} is {} bytes long (at most {}: shorten it, or move the "
                           "text to a document named in \"source\")",
                           field, owner, value.size(), text_limit));
    }
    void texts(const std::string& owner, const std::string& id, const citation& why) {
        text("id", id, owner, why);
        text("cite", why.cite, owner, why);
        text("source", why.source, owner, why);
        text("note", why.note, owner, why);
    }
    void readings_text(const std::string& owner, const std::vector<interpretation>& readings) {
        for (const auto& r : readings)
            if (!r.id.empty()) // the single count of a rule shares the rule's citation
                texts(fmt::format("interpretation {} of {}", short_id(r.id), owner), r.id, r.why);
    }
    void sizes() {
        const std::string set = "rule set " + short_id(r_.id);
        texts(set, r_.id, r_.why);
        text("title", r_.title, set, r_.why);
        for (const auto& v : r_.versions) texts("version " + short_id(v.id), v.id, v.why);
        for (const auto& x : r_.roles) {
            const std::string owner = "role " + short_id(x.id);
            texts(owner, x.id, x.why);
            text("title", x.title, owner, x.why);
        }
        for (const auto& x : r_.states) {
            const std::string owner = "state " + short_id(x.id);
            texts(owner, x.id, x.why);
            text("title", x.title, owner, x.why);
        }
        for (const auto& x : r_.events) {
            const std::string owner = "event " + short_id(x.id);
            texts(owner, x.id, x.why);
            text("title", x.title, owner, x.why);
            for (std::size_t k = 0; k < x.transitions.size(); ++k) {
                const citation& c = x.transitions[k].why;
                const std::string t = fmt::format("transition {} of {}", k + 1, owner);
                // An inline transition, or one without its own text, repeats the event's.
                if (c.cite != x.why.cite) text("cite", c.cite, t, c);
                if (c.source != x.why.source) text("source", c.source, t, c);
                if (c.note != x.why.note) text("note", c.note, t, c);
            }
        }
        auto counted = [&](const char* kind, const auto& rules) {
            for (const auto& x : rules) {
                const std::string owner = kind + short_id(x.id);
                texts(owner, x.id, x.why);
                readings_text(owner, x.readings);
            }
        };
        counted("window ", r_.windows);
        counted("timer ", r_.timers);
        counted("obligation ", r_.obligations);
        for (const auto& x : r_.retentions) {
            const std::string owner = "retention " + short_id(x.id);
            texts(owner, x.id, x.why);
            text("what", x.what, owner, x.why);
            readings_text(owner, x.readings);
        }
    }

    void conditions() {
        for (condition_id i : r_.conditions.ids()) {
            bool used = false;
            for (const auto& role : r_.roles)
                used = used || role.acts_while == i || role.acts_unless == i;
            if (!used)
                warning("unused_condition", r_.conditions[i].why,
                        fmt::format("condition {} is read by no role (expected a role with "
                                    "\"acts_while\" or \"acts_unless\": {})",
                                    q(r_.conditions[i].id), q(r_.conditions[i].id)));
        }
    }

    void roles() {
        for (role_id i : r_.roles.ids()) {
            bool used = false;
            for (const auto& e : r_.events)
                used = used || std::find(e.roles.begin(), e.roles.end(), i) != e.roles.end();
            for (const auto& w : r_.windows)
                used = used || std::find(w.roles.begin(), w.roles.end(), i) != w.roles.end();
            for (const auto& o : r_.obligations) used = used || o.role == i;
            if (!used)
                warning("unused_role", r_.roles[i].why,
                        fmt::format("role {} may send no event and is bound by no window or "
                                    "obligation",
                                    q(r_.roles[i].id)));
        }
    }
};

} // namespace

std::vector<finding> check(const ruleset& rules) {
    return checker(rules).run();
}

} // namespace echeance
