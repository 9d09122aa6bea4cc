// Reports of the date calculator: a deadline and a year's holidays, as text or JSON.
#pragma once

#include "echeance/calendar.hpp"
#include "echeance/convention.hpp"

#include <string>
#include <vector>

namespace echeance {

// Every field of the result, in a fixed order; `steps` with the explanation. indent < 0: one
// line. No trailing newline.
std::string deadline_json(const calendar& cal, const deadline& d, bool with_steps, int indent);
// "YYYY-MM-DD\n", then with `explain` one line per step with its article.
std::string deadline_text(const calendar& cal, const deadline& d, bool explain);

// A JSON array of {date, id, name, name_fr, cite} (indented, with a trailing newline).
std::string holidays_json(const std::vector<holiday>& list);
// "YYYY-MM-DD<TAB>name\n" per holiday.
std::string holidays_text(const std::vector<holiday>& list);

} // namespace echeance
