// The compiled, immutable model of a rule set (states, events, roles, windows, timers,
// obligations, retention, versions, interpretations). Produced by load.hpp; read by engine.hpp.
// Every reference is a typed index (ids.hpp): the engine never looks up a string while it
// replays, and an index of one kind of rule cannot be used for another.
#pragma once

#include "echeance/convention.hpp"
#include "echeance/date.hpp"
#include "echeance/error.hpp"
#include "echeance/ids.hpp"
#include "echeance/period.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace echeance {

// The article behind a rule (required), where it was read, and a reviewer's note.
struct citation {
    std::string cite;   // e.g. "CSP R.1111-28"
    std::string source; // URL or document, optional
    std::string note;   // optional
    location at;        // where the rule sits in its file
};

// A fact of the person that a version's scope or a condition reads.
enum class person_fact : std::uint8_t { department };

// One reading of a version's scope: the values of the fact for which the version applies.
struct scope_reading {
    std::string id; // empty for a scope without interpretations
    bool is_default = false;
    std::vector<std::string> values;
    citation why;
};

struct version_info {
    std::string id;                          // e.g. "general-2022"
    year_month_day from;                     // applies to events dated on or after this day
    std::optional<year_month_day> published; // date of publication, optional
    citation why;
    // "scope": the version applies only to persons whose fact has one of the values of the
    // deciding reading (a person whose fact is unknown is outside it). Empty: everyone.
    person_fact scope_fact = person_fact::department;
    std::vector<scope_reading> scope{};
};

// A condition on the person, true or false on a day, read by roles ("acts_while",
// "acts_unless"): e.g. "represented" (a minor until the 18th birthday, or from an event).
// On a day, the latest of these facts decides: the birth (true when `age_below` is set), the
// day `age_below` is reached (false), an event of `set_by` (true), of `cleared_by` (false);
// an event wins over the birthday on the same day. With none of them, it is unknown, and no
// role is refused for it.
struct condition_info {
    std::string id;
    std::string title;
    std::optional<period> age_below; // true from birth until born + age_below (exclusive)
    month_end policy = month_end::overflow;
    std::vector<event_id> set_by;     // events
    std::vector<event_id> cleared_by; // events
    citation why;
};

struct role_info {
    std::string id; // holder, representative, cnam, operator, system
    std::string title;
    citation why;
    condition_id acts_while = no_index;  // condition: the role may act only while it holds
    condition_id acts_unless = no_index; // condition: the role may act only while it does not
};

enum class state_kind : std::uint8_t { initial, live, final };
std::string_view to_string(state_kind k) noexcept;

struct state_info {
    std::string id;
    std::string title;
    state_kind kind = state_kind::live;
    citation why;
};

// How long, counted how, for one version of the rules.
struct timing {
    period length;
    convention rule = convention::cpc;
    month_end policy = month_end::clamp;
};

// One reading of a contested period: counted from `anchor` (the event that starts the count:
// e.g. information_sent, or information_received for a "from receipt" reading).
struct interpretation {
    std::string id;             // e.g. "six-weeks-from-sending"
    bool is_default = false;    // exactly one per rule
    event_id anchor = no_index; // an event
    // "from_date": the count starts on a fixed day (e.g. the entry into force of a regime)
    // instead of the date of an event; then `anchor` is no_index. (Added for issue 5.)
    std::optional<year_month_day> anchor_day;
    // "from_next_event": only an acceptance of `anchor` at or after the triggering event
    // counts (an earlier one, e.g. of a previous suspension, does not): the count waits.
    bool anchor_next = false;
    // "from_discharged": the count starts on the day the pending instance of this obligation
    // started (e.g. the request that the closure answers); without one, on the trigger's day.
    obligation_id from_discharged = no_index;
    indexed_vector<timing, version_id> by_version;
    citation why;
};

// What an event does besides moving the state.
struct effect {
    enum class kind : std::uint8_t {
        open_window,      // target: window
        close_window,     // target: window
        start_timer,      // target: timer
        cancel_timer,     // target: timer
        start_obligation, // target: obligation
        archive,          // target: retention: start the retention clock
        restore,          // target: retention: archived data restored, clock stopped
        purge,            // target: retention: data deleted now
        discharge,        // target: obligation: discharged by this event too (issue 5), e.g. a
                          // notice of extension discharges "answer or extend within one month"
    };
    kind what = kind::open_window;
    counted_rule target; // of the kind `what` names
};

struct transition {
    std::vector<state_id> from;  // states
    state_id to = no_index;      // state; no_index with `to_previous` or `instead`
    window_id window = no_index; // when set, the event is allowed only while this window is open
    std::vector<effect> effects; // applied after the event's own effects, only when this
                                 // transition is the one taken (issue 5)
    citation why;
    bool to_previous = false;         // back to the state before the current one was entered
    event_id instead = no_index;      // refused in these states: the event to send instead
    std::vector<role_id> roles{};     // when set, only these roles may take this transition
    obligation_id pending = no_index; // when set, allowed only while this obligation is pending
};

struct event_info {
    std::string id;
    std::string title;
    std::vector<role_id> roles;          // who may send it
    std::vector<transition> transitions; // first whose `from` holds the current state applies
    std::vector<effect> effects;
    bool automatic = false;               // sent only by a timer or retention (role "system")
    std::vector<role_id> acts_regardless; // roles whose condition does not apply to it
    citation why;
};

// Which reading of a contested count is the most protective for the holder: computed from the
// kind of rule, or none ("neither" in the file: the text does not say).
enum class protective : std::uint8_t { computed, neither };

// "roles may send events until anchor + period".
struct window_info {
    std::string id;
    std::vector<event_id> events;
    std::vector<role_id> roles;
    std::vector<interpretation> readings;
    protective most_protective = protective::computed;
    citation why;
};

// An automatic event at a deadline: either at the end of a window or after its own period.
struct timer_info {
    std::string id;
    event_id event = no_index;      // the automatic event it sends
    window_id at_end_of = no_index; // a window, or no_index when `readings` give the period
    std::vector<interpretation> readings;
    protective most_protective = protective::computed;
    citation why;
};

// "role must send event within period of the trigger": discharged, due, or overdue.
struct obligation_info {
    std::string id;
    role_id role = no_index;
    event_id event = no_index; // the event that discharges it
    std::vector<interpretation> readings;
    // "instances": "each": every start is a count of its own (each request its own three
    // months); "single" (default): a start while one is pending is noted, not counted again.
    bool each = false;
    // "discharge": "oldest": the discharging event discharges the oldest pending instance;
    // "all" (default): every pending instance.
    bool discharge_oldest = false;
    // "ends_with": pending instances are discharged when this retention ends (its purge,
    // early or at term), reported as discharged by the purge.
    retention_id ends_with = no_index;
    std::vector<state_id> ends_in; // states whose entry discharges pending instances
    protective most_protective = protective::computed;
    citation why;
};

// Data archived from an event, purged automatically after a period unless restored or purged.
struct retention_info {
    std::string id;
    std::string what;                // what is kept, e.g. "documents and data of the space"
    event_id purge_event = no_index; // automatic event sent at the end of the period
    std::vector<interpretation> readings;
    protective most_protective = protective::computed;
    citation why;
};

struct ruleset_defaults {
    convention rule = convention::cpc;
    month_end policy = month_end::clamp;
    std::string territory = "FR";
};

class ruleset {
public:
    std::string id;
    std::string title;
    std::string file; // where it was loaded from
    citation why;     // the law the whole set implements (top-level "cite")
    ruleset_defaults defaults;
    indexed_vector<version_info, version_id> versions; // ordered by `from`, strictly increasing
    indexed_vector<role_info, role_id> roles;
    indexed_vector<condition_info, condition_id> conditions;
    indexed_vector<state_info, state_id> states;
    indexed_vector<event_info, event_id> events;
    indexed_vector<window_info, window_id> windows;
    indexed_vector<timer_info, timer_id> timers;
    indexed_vector<obligation_info, obligation_id> obligations;
    indexed_vector<retention_info, retention_id> retentions;
    state_id initial_state = no_index;

    // Lookups by id, for parsing histories (never used inside a replay). no_index when unknown.
    role_id find_role(std::string_view id) const noexcept;
    condition_id find_condition(std::string_view id) const noexcept;
    state_id find_state(std::string_view id) const noexcept;
    event_id find_event(std::string_view id) const noexcept;
    window_id find_window(std::string_view id) const noexcept;
    timer_id find_timer(std::string_view id) const noexcept;
    obligation_id find_obligation(std::string_view id) const noexcept;
    retention_id find_retention(std::string_view id) const noexcept;
    version_id find_version(std::string_view id) const noexcept;

    // The version in force on a day; no_index before the first version.
    version_id version_on(year_month_day day) const noexcept;

    // The id (name) of a rule, as written in the rule file; empty for no_index.
    const std::string& name(role_id i) const noexcept;
    const std::string& name(condition_id i) const noexcept;
    const std::string& name(state_id i) const noexcept;
    const std::string& name(event_id i) const noexcept;
    const std::string& name(window_id i) const noexcept;
    const std::string& name(timer_id i) const noexcept;
    const std::string& name(obligation_id i) const noexcept;
    const std::string& name(retention_id i) const noexcept;
    const std::string& name(version_id i) const noexcept;
    const std::string& name(counted_rule r) const noexcept;

    // The readings of a window, timer, obligation or retention (empty for no_index), and which
    // one is the most protective for the holder.
    const std::vector<interpretation>& readings(counted_rule r) const noexcept;
    protective most_protective(counted_rule r) const noexcept;
};

} // namespace echeance
