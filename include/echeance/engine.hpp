// The lifecycle engine: replay one person's history against a compiled rule set.
//
// replay() is a pure function of (rules, calendar, history, options): no clock, no I/O, no
// global state. It never throws for bad history content: an event that is not allowed is
// rejected with a stable id (echeance.replay.<why>) and a reason, and the history goes on.
//
// Semantics (see docs/replay.md):
// - Order. Events dated after `as_of` are ignored (the history as known on that day). An event
//   dated before an earlier line of the same person is rejected (echeance.replay.out_of_order).
//   Events of one day are ordered by "time" when every event of that day has one, else by
//   "seq" when every event of that day has one (time first, then seq, when both are given);
//   otherwise, and for ties, by input order as a last resort, and each event so ordered is
//   flagged with the warning echeance.replay.order_from_input.
// - Time. A window is open through its last day (24:00 local time of the territory). A timer
//   (or the end of a retention) fires at 24:00 local time on its last day: its automatic event
//   is dated the next day and the new state holds from that day. Timers due before an event are
//   fired before it; an event on the last day comes before the timer.
// - Versions. The version in force on the day of the event that starts a count applies to that
//   count; every accepted event names the version in force on its day.
// - Interpretations. The default reading of a contested count decides (unless `options.readings`
//   chooses another); with `options.all_readings`, every reading of every started count is
//   computed and the most protective for the holder is named: latest last day for a window,
//   earliest due day for an obligation, earliest purge for a retention.
// - Final states. Entering a final state closes every window and cancels every timer;
//   obligations and retention go on.
#pragma once

#include "echeance/calendar.hpp"
#include "echeance/convention.hpp"
#include "echeance/date.hpp"
#include "echeance/history.hpp"
#include "echeance/ruleset.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace echeance {

// Which reading decides, per contested rule (index into its `readings`); empty: the default.
struct reading_choice {
    indexed_vector<std::uint8_t, window_id> windows;
    indexed_vector<std::uint8_t, timer_id> timers;
    indexed_vector<std::uint8_t, obligation_id> obligations;
    indexed_vector<std::uint8_t, retention_id> retentions;
    indexed_vector<std::uint8_t, version_id> versions; // the reading of a version's scope
};

// What a replay is asked: the day it is replayed as of (required: there is no default day),
// and what to record besides the result.
struct replay_options {
    explicit replay_options(year_month_day day) noexcept : as_of(day) {}

    year_month_day as_of;
    bool explain = false;     // record the explanation steps (rendered by explanation_lines())
    bool all_readings = true; // compute every reading of contested counts
    reading_choice readings;  // which reading decides; empty vectors: the defaults
};

// Sets the deciding reading of the rule `rule` (a window, timer, obligation or retention id) to
// the interpretation `reading`. Throws "echeance.replay.unknown_reading" naming the known ones.
void choose_reading(const ruleset& rules, replay_options& options, std::string_view rule,
                    std::string_view reading);

// An automatic event (from a timer or a retention) has line 0 and role no_index. Names come
// from the rules: rules.name(span.state), rules.name(span.event).
struct state_span {
    state_id state = no_index;
    std::optional<year_month_day> entered; // empty for the initial state
    std::optional<year_month_day> left;    // empty while it holds as of `as_of`
    event_id event = no_index;             // the event that entered it (no_index: initial)
    role_id role = no_index;               // who sent it (no_index: automatic or initial)
    version_id version = no_index;         // the version in force on `entered`
    std::uint32_t line = 0;                // input line of the event; 0 when automatic
};

struct window_status {
    window_id window = no_index;
    std::uint8_t reading = 0;               // the deciding reading
    year_month_day opened;                  // day of the event that opened it
    std::optional<year_month_day> last_day; // empty: its count has not started (e.g. no receipt)
    date::sys_seconds end_utc{};            // 24:00 local on last_day, in UTC
    version_id version = no_index;
};

struct scheduled_move {
    counted_rule rule;         // a timer or a retention
    event_id event = no_index; // the automatic event it will send
    year_month_day last_day;   // it fires at 24:00 local on this day
    year_month_day effective;  // the day after: the new state holds from then
    date::sys_seconds at{};    // the firing instant in UTC
    version_id version = no_index;
};

struct obligation_status {
    enum class status : std::uint8_t { due, discharged, overdue };
    obligation_id obligation = no_index;
    std::uint8_t reading = 0;
    year_month_day started;            // day of the event that started it
    std::optional<year_month_day> due; // empty: its count has not started
    date::sys_seconds end_utc{};
    status state = status::due;
    std::optional<year_month_day> discharged_on;
    event_id discharged_by = no_index; // the event
    // due: days left until `due` (0 on the last day); overdue: days late as of as_of;
    // discharged: days late when discharged (0 when on time).
    std::int32_t days = 0;
    version_id version = no_index;
};

struct retention_status {
    enum class status : std::uint8_t { archived, restored, purged };
    retention_id retention = no_index;
    std::uint8_t reading = 0;
    year_month_day archived_on;
    std::optional<year_month_day> last_day; // data kept through this day
    std::optional<year_month_day> purge_on; // the day after: automatic purge
    status state = status::archived;
    std::optional<year_month_day> ended_on; // restored or purged on
    bool purged_early = false;              // purged by an event before the end of the period
    version_id version = no_index;
};

// Rejections, warnings and explanation steps are recorded as compact facts (indexes, days):
// a replay builds no text. reason(), message() and explanation_lines() render them on demand,
// from the same rules, calendar and history.
struct rejection {
    enum class why : std::uint8_t {
        out_of_order,    // day earlier than the event of other_line (dated `on`)
        unknown_event,   // name in history::texts[text]
        unknown_role,    // name in history::texts[text]
        automatic_event, // sent by the rules, not by a history line
        no_rules,        // no version in force on `day`
        role_not_allowed,
        wrong_state,     // `state` (since `since`); hint: `window` closed/ended `on`
        window_closed,   // `window` closed `on` by `closed_by`
        window_ended,    // `window` ended `on` at end_utc (reading, version)
        window_not_open, // `window` never opened
        condition,       // the role's `condition` is `held` (or not) on the day; it changed
                         // `changed_on` by `changed_by` (no_index: the birth or the birthday)
        not_pending,     // the transition needs the pending `obligation`; none is pending
        role_in_state,   // in `state`, the transitions of the event are for other roles
    };
    std::uint32_t line = 0;
    event_id event = no_index; // no_index: unknown (the history keeps the text)
    role_id role = no_index;
    year_month_day day;
    std::string_view id; // echeance.replay.<why> (a static string)
    why code = why::wrong_state;
    // The facts behind the reason; which ones are set depends on `code`.
    state_id state = no_index;     // wrong_state: the state then
    window_id window = no_index;   // window_*: the window; wrong_state: the hint's window
    event_id closed_by = no_index; // the event that closed `window` (no_index: it ended)
    version_id version = no_index; // window_ended: the version of its count
    std::uint8_t reading = 0;      // window_ended: the deciding reading
    std::uint16_t text = history_event::no_text; // unknown_event, unknown_role
    std::uint32_t other_line = 0;                // out_of_order: the line of the later-dated event
    std::optional<year_month_day> since;         // wrong_state: the state holds since
    condition_id condition = no_index;           // condition
    bool held = false;                           // condition: its value on the day
    event_id changed_by = no_index;              // condition: the event that last set it
    std::optional<year_month_day> changed_on;    // condition: since when it has that value
    obligation_id obligation = no_index;         // not_pending
    event_id instead = no_index;                 // wrong_state: the event to send instead
    year_month_day on;           // window closed or last day; out_of_order: the later day
    date::sys_seconds end_utc{}; // window ended: 24:00 local on `on`, in UTC
};

struct replay_warning {
    enum class kind : std::uint8_t {
        order_from_input,      // several events on `day` without time or seq on each
        count,                 // a count failed: `detail` holds the message
        automatic_not_applied, // `event` of the timer or retention `rule` on `day`, in `state`
        loop,                  // too many automatic events
    };
    std::uint32_t line = 0;
    std::string_view id; // echeance.replay.<why> (a static string)
    kind what = kind::loop;
    year_month_day day;
    counted_rule rule; // automatic_not_applied: a timer or a retention
    event_id event = no_index;
    state_id state = no_index;
    std::string detail; // count only
};

// The result of one reading of one started count.
struct reading_result {
    std::uint8_t reading = 0;
    std::optional<year_month_day> anchor_day; // empty: the anchor event is not in the history
    std::optional<year_month_day> last_day;
    date::sys_seconds end_utc{};
    version_id version = no_index;
};

struct contested_count {
    using kind = rule_kind;
    counted_rule rule;
    event_id trigger = no_index; // the event that started the count
    year_month_day started;
    std::vector<reading_result> results;         // one per reading, in rule order
    std::optional<std::uint8_t> most_protective; // empty until every reading has a last day
};

// One step of the explanation, as facts; explanation_lines() renders it (a count renders as
// several lines: the count, then its date arithmetic).
struct explanation_step {
    enum class kind : std::uint8_t {
        count,                  // `rule` (its reading) counted from `day` in `where`
        count_waits,            // window `rule`: its count waits for `event`
        timer_cancelled,        // timer `rule` cancelled by `event`
        timer_window_closed,    // timer `rule` cancelled: window `window` closed by `event`
        obligation_already_due, // obligation `rule` due since `other`
        obligation_discharged,  // obligation `rule` by `event`; `other`: its due day, if any
        retention_kept,         // retention `rule` already archived
        retention_restored,     // retention `rule` by `event`, archived since `other`
        retention_not_restored, // retention `rule`: purged on `other`
        retention_purged,       // retention `rule` purged by `event` on `day`
        accepted,               // `event` by `role` (line), `from` -> `to` via transition
        timer_fired,            // timer `rule` fired at 24:00 on `other`
        retention_ended,        // retention `rule` kept through `other`, purged at 24:00
        automatic_not_applied,  // `event` of timer/retention `by` on `day`, state `from`
    };
    kind what = kind::count;
    std::uint8_t reading = 0;     // count: the reading
    std::uint16_t transition = 0; // accepted: index in the event's transitions
    territory where;              // count: the territory of the count
    year_month_day day;
    version_id version = no_index; // the version in force
    counted_rule rule;             // window, timer, obligation or retention
    event_id event = no_index;
    role_id role = no_index;             // accepted: no_index when automatic
    state_id from = no_index;            // accepted: the state left
    state_id to = no_index;              // accepted: the state entered (also with to_previous)
    window_id window = no_index;         // accepted: the window it needed; timer_window_closed
    counted_rule by;                     // automatic_not_applied: the timer or retention
    std::uint32_t line = 0;              // accepted: the input line (0: automatic)
    std::optional<year_month_day> other; // a second day (see kind)
};

// One rendered line of the explanation.
struct explanation_line {
    year_month_day day;
    std::string rule;    // event, window, timer, obligation or retention id
    std::string version; // the version in force
    std::string cite;
    std::string text;
};

struct replay_result {
    year_month_day as_of;
    state_id state = no_index; // as of as_of
    std::optional<year_month_day> since;
    std::vector<state_span> timeline;
    std::vector<window_status> windows;         // open as of as_of
    std::vector<scheduled_move> scheduled;      // not yet fired as of as_of, by last day
    std::vector<obligation_status> obligations; // every one started, in order
    std::vector<retention_status> retention;    // every archive, in order
    std::vector<rejection> rejected;            // in input order
    std::vector<replay_warning> warnings;       // in input order
    std::vector<contested_count> readings;      // with options.all_readings
    std::vector<explanation_step> explanation;  // with options.explain
    std::uint32_t accepted = 0;                 // history events accepted
    std::uint32_t ignored_after_as_of = 0;

    struct scratch; // reused buffers (a result object may be reused for many replays)
    // A copy of a result gets buffers of its own: two copies replayed on two threads never share.
    struct scratch_handle {
        std::shared_ptr<scratch> p;
        scratch_handle() = default;
        scratch_handle(const scratch_handle&) noexcept {}
        scratch_handle& operator=(const scratch_handle&) noexcept { return *this; }
        scratch_handle(scratch_handle&&) noexcept = default;
        scratch_handle& operator=(scratch_handle&&) noexcept = default;
        ~scratch_handle() = default;
    };
    scratch_handle work;
};

// Replays into `out`, reusing its buffers.
void replay(const ruleset& rules, const calendar& cal, const history& h,
            const replay_options& options, replay_result& out);

inline replay_result replay(const ruleset& rules, const calendar& cal, const history& h,
                            const replay_options& options) {
    replay_result r;
    replay(rules, cal, h, options, r);
    return r;
}

inline replay_result replay(const ruleset& rules, const calendar& cal, const history& h,
                            year_month_day as_of) {
    return replay(rules, cal, h, replay_options(as_of));
}

// The text of a rejection for people: what was expected.
std::string reason(const ruleset& rules, const history& h, const rejection& x);
// reason()'s text appended to `out`: for a sweep's renderer, which keeps the buffer (the texts of
// a line out of order or of no rules are then written without any allocation).
void append_reason(std::string& out, const ruleset& rules, const history& h, const rejection& x);
// The text of a warning.
std::string message(const ruleset& rules, const replay_warning& w);
// The explanation recorded with options.explain, rendered line by line (the date arithmetic of
// each count is computed again from the calendar: the same pure function, the same result).
std::vector<explanation_line> explanation_lines(const ruleset& rules, const calendar& cal,
                                                const replay_result& r);

std::string_view to_string(obligation_status::status s) noexcept;
std::string_view to_string(retention_status::status s) noexcept;
std::string_view to_string(rule_kind k) noexcept;

// Renderers of results (text, JSON, summary, iCalendar) are in echeance/io/report.hpp.

} // namespace echeance
