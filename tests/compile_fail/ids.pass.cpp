// The control of the compile-fail tests: the right uses of the same types compile.
#include "echeance/engine.hpp"

using namespace echeance;

int main() {
    ruleset rules;
    rules.states.push_back({});
    rules.events.push_back({});
    state_id s = rules.find_state("open");
    event_id e = rules.find_event("opposition");
    if (s == no_index) s = state_id(0);
    if (e == no_index) e = event_id(0);
    const state_info& st = rules.states[s];
    const event_info& ev = rules.events[e];
    counted_rule c = window_id(0);
    window_id w = c.window();
    replay_options o(year_month_day(date::year(2022) / 1 / 1));
    return int(st.kind) + int(ev.automatic) + int(w.index()) + int(o.explain);
}
