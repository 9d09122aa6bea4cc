// The summary report: one CSV line per person, its next deadline and its overdue obligations.
#include "detail/csv.hpp"
#include "detail/names.hpp"
#include "detail/replay_formats.hpp"
#include "detail/replay_names.hpp"
#include "detail/upcoming.hpp"

#include <algorithm>

namespace echeance::detail {

void summary_header(std::string& out) {
    out += "person,state,since,next_day,next_kind,next_rule,overdue\n";
}

void summary_line(std::string& out, const ruleset& rules, std::string_view person,
                  const replay_result& r) {
    out += csv_field(printable(person));
    out += ',';
    out += csv_field(rules.states[r.state].id);
    out += ',';
    if (r.since) out += format_date(*r.since);
    out += ',';
    // The next deadline is on or after as_of: an overdue obligation is counted, not "next".
    auto items = upcoming(r);
    auto next = std::find_if(items.begin(), items.end(),
                             [&](const upcoming_item& u) { return u.day >= r.as_of; });
    if (next != items.end()) {
        out += format_date(next->day);
        out += ',';
        out += contested_kind_table.name(next->rule.kind());
        out += ',';
        out += csv_field(rule_id(rules, *next));
    } else {
        out += ",,";
    }
    out += ',';
    out += std::to_string(
        std::count_if(r.obligations.begin(), r.obligations.end(), [](const obligation_status& o) {
            return o.state == obligation_status::status::overdue;
        }));
    out += '\n';
}

} // namespace echeance::detail
