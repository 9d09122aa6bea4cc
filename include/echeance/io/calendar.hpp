// Calendar files (rules/calendars/fr.json and the like): JSON with comments, read strictly into a
// calendar_model, every error located at file:line:column with the JSON pointer of its field.
#pragma once

#include "echeance/calendar.hpp"

#include <string>
#include <string_view>

namespace echeance {

// Throws "echeance.calendar.*" errors (syntax, unknown_key, missing_key, type, duplicate,
// unknown_territory, date, range, missing_cite, setting) at the offending value.
calendar_model parse_calendar_model(std::string_view text, const std::string& file_name);

// The model built under `settings` (a bad choice is "echeance.calendar.setting", naming it;
// a time zone missing from the system tz database is "echeance.calendar.time_zone" in the file).
calendar parse_calendar(std::string_view text, const std::string& file_name,
                        const calendar_settings& settings = {});
// "echeance.calendar.io" when the file cannot be read.
calendar load_calendar(const std::string& path, const calendar_settings& settings = {});
// The calendar of rules/calendars/fr.json as embedded at build time (the default one is built
// once per process).
calendar builtin_calendar(const calendar_settings& settings = {});

} // namespace echeance
