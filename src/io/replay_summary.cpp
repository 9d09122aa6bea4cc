// The summary report: one CSV line per person, its next deadline and its overdue obligations.
#include "detail/csv.hpp"
#include "detail/names.hpp"
#include "detail/replay_formats.hpp"
#include "detail/replay_names.hpp"
#include "detail/upcoming.hpp"

#include <algorithm>
#include <charconv>

namespace echeance::detail {

void summary_header(std::string& out) {
    out += "person,state,since,next_day,next_kind,next_rule,overdue\n";
}

void summary_line(std::string& out, const ruleset& rules, std::string_view person,
                  const replay_result& r) {
    // The usual id needs no \xNN: quoted for CSV (if need be) as is, without a copy.
    if (is_printable(person))
        append_csv_field(out, person);
    else
        append_csv_field(out, printable(person));
    out += ',';
    append_csv_field(out, rules.states[r.state].id);
    out += ',';
    char day[10];
    auto put_day = [&](year_month_day d) {
        format_date(d, day);
        out.append(day, sizeof day);
    };
    if (r.since) put_day(*r.since);
    out += ',';
    // The next deadline is on or after as_of: an overdue obligation is counted, not "next".
    if (auto next = next_upcoming(r)) {
        put_day(next->day);
        out += ',';
        out += contested_kind_table.name(next->rule.kind());
        out += ',';
        append_csv_field(out, rule_id(rules, *next));
    } else {
        out += ",,";
    }
    out += ',';
    auto overdue =
        std::count_if(r.obligations.begin(), r.obligations.end(), [](const obligation_status& o) {
            return o.state == obligation_status::status::overdue;
        });
    char count[24];
    out.append(count, std::size_t(std::to_chars(count, count + sizeof count, overdue).ptr - count));
    out += '\n';
}

} // namespace echeance::detail
