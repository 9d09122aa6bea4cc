// Static checks of a loaded rule set: what the loader cannot see one value at a time.
#include "echeance/check.hpp"

#include <algorithm>
#include <deque>
#include <fmt/format.h>

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

    static bool in(const std::vector<effect>& list, effect::kind k, rule_index target) {
        for (const auto& fx : list)
            if (fx.what == k && fx.target == target) return true;
        return false;
    }
    // The event has the effect, on itself or on one of its transitions.
    static bool event_has(const event_info& e, effect::kind k, rule_index target) {
        if (in(e.effects, k, target)) return true;
        for (const auto& t : e.transitions)
            if (in(t.effects, k, target)) return true;
        return false;
    }
    bool has_effect(effect::kind k, rule_index target) const {
        for (const auto& e : r_.events)
            if (event_has(e, k, target)) return true;
        return false;
    }

    void states() {
        const std::size_t n = r_.states.size();
        std::vector<bool> reached(n, false);
        std::deque<rule_index> todo;
        if (r_.initial_state < n) {
            reached[r_.initial_state] = true;
            todo.push_back(r_.initial_state);
        }
        while (!todo.empty()) {
            rule_index s = todo.front();
            todo.pop_front();
            for (const auto& e : r_.events)
                for (const auto& t : e.transitions)
                    if (t.to < n && !reached[t.to] &&
                        std::find(t.from.begin(), t.from.end(), s) != t.from.end()) {
                        reached[t.to] = true;
                        todo.push_back(t.to);
                    }
        }
        for (std::size_t s = 0; s < n; ++s) {
            const state_info& st = r_.states[s];
            if (!reached[s] && r_.initial_state < n)
                warning("unreachable_state", st.why,
                        fmt::format("state {} cannot be reached from the initial state {}",
                                    q(st.id), q(r_.states[r_.initial_state].id)));
            if (st.kind == state_kind::final) continue;
            bool way_out = false;
            for (const auto& e : r_.events)
                for (const auto& t : e.transitions)
                    if (t.to != s && t.instead == no_index &&
                        std::find(t.from.begin(), t.from.end(), s) != t.from.end())
                        way_out = true;
            if (!way_out)
                error_("dead_end", st.why,
                       fmt::format("{} state {} has no way out (no event leads from it to another "
                                   "state; make it \"final\" or add a transition)",
                                   to_string(st.kind), q(st.id)));
        }
    }

    void events() {
        for (std::size_t i = 0; i < r_.events.size(); ++i) {
            const event_info& e = r_.events[i];
            for (const auto& t : e.transitions) {
                for (rule_index s : t.from)
                    if (s < r_.states.size() && r_.states[s].kind == state_kind::final &&
                        t.to != s && t.instead == no_index)
                        error_(
                            "final_state_left", t.why,
                            fmt::format("event {} leaves final state {} (a final state cannot be "
                                        "left; make it \"live\")",
                                        q(e.id), q(r_.states[s].id)));
                if (t.window < r_.windows.size()) {
                    const window_info& w = r_.windows[t.window];
                    if (std::find(w.events.begin(), w.events.end(), rule_index(i)) ==
                        w.events.end())
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
            for (rule_index role : e.roles)
                if (role < r_.roles.size() && r_.roles[role].id != "system") someone = true;
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
        for (std::size_t i = 0; i < r_.windows.size(); ++i) {
            const window_info& w = r_.windows[i];
            if (!has_effect(effect::kind::open_window, rule_index(i))) {
                error_("window_never_opened", w.why,
                       fmt::format("window {} is opened by no event (expected an event with "
                                   "{{\"open\": {}}})",
                                   q(w.id), q(w.id)));
                continue;
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
        for (std::size_t i = 0; i < r_.timers.size(); ++i) {
            const timer_info& t = r_.timers[i];
            if (!has_effect(effect::kind::start_timer, rule_index(i)))
                error_("timer_never_started", t.why,
                       fmt::format("timer {} is started by no event (expected an event with "
                                   "{{\"start\": {}}})",
                                   q(t.id), q(t.id)));
        }
    }

    void obligations() {
        for (std::size_t i = 0; i < r_.obligations.size(); ++i) {
            const obligation_info& o = r_.obligations[i];
            if (!has_effect(effect::kind::start_obligation, rule_index(i)))
                error_("obligation_never_started", o.why,
                       fmt::format("obligation {} is created by no event (expected an event with "
                                   "{{\"oblige\": {}}})",
                                   q(o.id), q(o.id)));
            if (o.event < r_.events.size() && o.role < r_.roles.size()) {
                const event_info& e = r_.events[o.event];
                auto may_send = [&](const event_info& x) {
                    return std::find(x.roles.begin(), x.roles.end(), o.role) != x.roles.end();
                };
                bool can = may_send(e);
                for (const auto& x : r_.events)
                    can = can ||
                          (may_send(x) && event_has(x, effect::kind::discharge, rule_index(i)));
                if (!can)
                    error_("undischargeable_obligation", o.why,
                           fmt::format("obligation {} binds role {}, which may not send its "
                                       "discharging event {}",
                                       q(o.id), q(r_.roles[o.role].id), q(e.id)));
            }
        }
    }

    void retention() {
        for (std::size_t i = 0; i < r_.retentions.size(); ++i) {
            const retention_info& x = r_.retentions[i];
            if (!has_effect(effect::kind::archive, rule_index(i)))
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

    void roles() {
        for (std::size_t i = 0; i < r_.roles.size(); ++i) {
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
