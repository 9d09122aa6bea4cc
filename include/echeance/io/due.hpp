// The actions due in a range of days, for the operator's daily job: automatic moves, purges,
// last days of windows and of obligations, and obligations already overdue. The CLI (`echeance
// due`), the C API (echeance_due) and the Python module (Rules.due) all print through these
// functions. docs/due.md defines the semantics, the columns and the order.
#pragma once

#include "echeance/calendar.hpp"
#include "echeance/date.hpp"
#include "echeance/engine.hpp"
#include "echeance/history.hpp"
#include "echeance/ids.hpp"
#include "echeance/io/history.hpp"
#include "echeance/io/sweep.hpp"
#include "echeance/ruleset.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace echeance {

// What falls due. On one day they come in this order: the moves and purges made at 24:00 the
// day before, then the windows and obligations that end at 24:00 that day.
enum class due_kind : std::uint8_t {
    obligation_overdue, // due before the range and still not discharged on its first day
    move,               // a timer's automatic move takes effect (the new state holds that day)
    purge,              // a retention ends: the archived data are purged that day
    window_end,         // the last day of an open window
    obligation_due,     // the last day to discharge an obligation
};
// "obligation_overdue", "move", "purge", "window_end", "obligation_due".
std::string_view to_string(due_kind k) noexcept;

struct due_item {
    year_month_day day; // obligation_overdue: its past due day
    due_kind what = due_kind::obligation_due;
    counted_rule rule; // a timer (move), retention (purge), window or obligation
};

// The items of one person due in [from, to] (from <= to), each judged as of its own day: a
// window or an obligation as of its last day (the events of that day count), a move or a purge
// as of the day before it takes effect (it is made at 24:00 that day); an overdue obligation as
// of `from`. So events dated in the range discharge or close what they discharge or close, and
// what a move in the range starts is found too. `options` gives the readings (its as_of is not
// used); `work` is reused between calls. Sorted by day, then kind (above), then replay order.
// Throws "echeance.due.range" when from > to.
void due_items(const ruleset& rules, const calendar& cal, const history& h,
               const replay_options& options, year_month_day from, year_month_day to,
               replay_result& work, std::vector<due_item>& out);

// csv: a header line, then one line per item (RFC 4180); json: one object per item per line.
enum class due_format : std::uint8_t { csv, json };
std::string_view to_string(due_format f) noexcept;
// "csv", "json"; empty when unknown.
std::optional<due_format> parse_due_format(std::string_view name) noexcept;
std::vector<std::string> due_format_names();

// A due report over many persons: begin(), add() per person in input order, end(); each call
// appends to `out`. add() replays the person itself (as due_items() says) and writes one line per
// item: day, person, what, rule, event, role, cite. Persons come in input order, each with its
// items in due_items() order (docs/due.md: `sort -s` on the first column gives day order). One
// report per thread: it holds the buffers of its replays.
class due_report {
public:
    // Throws "echeance.due.range" when from > to.
    due_report(const ruleset& rules, const calendar& cal, const replay_options& options,
               year_month_day from, year_month_day to, due_format format);
    void begin(std::string& out);
    // `person` is the id to print (already masked: see mask_person()).
    void add(const history& h, std::string_view person, std::string& out);
    void end(std::string& out);

private:
    const ruleset* rules_;
    const calendar* cal_;
    replay_options options_;
    year_month_day from_, to_;
    due_format format_;
    replay_result work_;
    std::vector<due_item> items_;
};

// The report of every person of `file`, in input order, into `out`; with `drain`, called after
// each person and at the end to take what `out` holds (and clear it).
void render_due(const history_file& file, due_report& report, std::string& out,
                const std::function<void(std::string&)>& drain = {});

// The sweep of the due report (sweep.hpp): a copy of `report` per chunk of persons.
std::unique_ptr<sweep_reporter> due_reporter(const due_report& report);

} // namespace echeance
