// The summary (CSV) and iCalendar renderers behind replay_report (internal).
#pragma once

#include "echeance/calendar.hpp"
#include "echeance/engine.hpp"
#include "echeance/history.hpp"
#include "echeance/ruleset.hpp"

#include <string>
#include <string_view>

namespace echeance::detail {

// The summary: its header line, then one line per person (columns in docs/replay.md).
void summary_header(std::string& out);
void summary_line(std::string& out, const ruleset& rules, std::string_view person,
                  const replay_result& r);

// The iCalendar file: begin, the events of each person, end.
void ics_begin(std::string& out);
void ics_events(std::string& out, const ruleset& rules, std::string_view person,
                const replay_result& r);
void ics_end(std::string& out);

} // namespace echeance::detail
