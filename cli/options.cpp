#include "options.hpp"

#include <chrono>
#include <echeance/io/calendar.hpp>
#include <echeance/io/history.hpp>
#include <fmt/format.h>

namespace echeance::cli {

void add_calendar_options(CLI::App& cmd, calendar_args& a) {
    cmd.add_option("--calendar", a.file,
                   "Holiday calendar file (default: the built-in "
                   "rules/calendars/fr.json)");
    cmd.add_option("--setting", a.settings,
                   "Calendar setting name=value, e.g. "
                   "saint_martin_abolition=observed");
}

calendar load_calendar(const calendar_args& a) {
    calendar_settings settings;
    for (const auto& s : a.settings) {
        auto eq = s.find('=');
        if (eq == std::string::npos || eq == 0)
            throw error("echeance.calendar.setting",
                        fmt::format("setting \"{}\" is not of the form name=value", s),
                        location{"", 0, 0, "--setting"});
        settings.emplace_back(s.substr(0, eq), s.substr(eq + 1));
    }
    try {
        return a.file.empty() ? echeance::builtin_calendar(settings)
                              : echeance::load_calendar(a.file, settings);
    } catch (const error& e) {
        if (e.id() != "echeance.calendar.setting") throw;
        throw e.with_field("--setting"); // the option the value came from, like a malformed one
    }
}

int parse_year(std::string_view text) {
    int y = 0;
    bool ok = text.size() == 4;
    for (char c : text) ok = ok && c >= '0' && c <= '9';
    if (ok) y = std::stoi(std::string(text));
    if (!ok || y < min_year || y > max_year)
        throw error("echeance.date.invalid",
                    fmt::format("invalid year \"{}\" (expected four digits, {} to {})", text,
                                min_year, max_year));
    return y;
}

void add_reading_option(CLI::App& cmd, std::vector<std::string>& readings) {
    cmd.add_option("--reading", readings,
                   "Decide a contested rule by another reading, RULE=READING (e.g. "
                   "opposition_window=one-month-from-receipt)");
}

void add_sweep_options(CLI::App& cmd, sweep_args& a) {
    add_reading_option(cmd, a.readings);
    cmd.add_option("--format", a.format, "Input format")
        ->check(CLI::IsMember(history_format_names()))
        ->capture_default_str();
    cmd.add_option("--threads", a.threads,
                   "Threads that replay and render (default 0: one per core); the output is the "
                   "same for any number")
        ->check(CLI::Range(0u, 1024u));
    cmd.add_flag("--grouped", a.grouped,
                 "Stream only: each person's lines must be consecutive (a person whose lines "
                 "come back later is an error, those lines skipped); without it, each person "
                 "who comes back is read where they first appear (docs/replay.md)");
}

void add_report_options(CLI::App& cmd, report_args& a) {
    cmd.add_option("--as-of", a.as_of,
                   "The day to report on, YYYY-MM-DD (default: today, UTC); later events are "
                   "ignored");
    a.output_option =
        cmd.add_option("--output", a.output,
                       "text for people; json: one object per person per line; summary: one "
                       "CSV line per person with the next deadline; ics: the deadlines as an "
                       "iCalendar file")
            ->check(CLI::IsMember(report_format_names()))
            ->capture_default_str();
    cmd.add_flag("--json", a.json, "The same as --output json");
    cmd.add_flag("--explain", a.explain,
                 "Add each step with its rule, version, article and date arithmetic (text and "
                 "json)");
    cmd.add_flag("--compact", a.compact,
                 "With json: leave out the members whose value is null, \"\", [] or {} "
                 "(docs/replay.md)");
}

report_format report_format_of(const report_args& a) {
    report_format shown = *parse_report_format(a.output); // checked by CLI11
    if (a.json) {
        if (a.output_option && a.output_option->count() && shown != report_format::json)
            throw usage_error("--json is --output json; it cannot go with --output " + a.output);
        shown = report_format::json;
    }
    if (a.explain && shown != report_format::text && shown != report_format::json)
        throw usage_error("--explain applies to --output text or json, not " + a.output);
    if (a.compact && shown != report_format::json)
        throw usage_error("--compact applies to --output json, not " + a.output);
    return shown;
}

year_month_day as_of_of(const report_args& a) {
    return a.as_of.empty()
               ? year_month_day(date::floor<date::days>(std::chrono::system_clock::now()))
               : parse_field(a.as_of, "--as-of", parse_date);
}

sweep_options sweep_options_of(const sweep_args& a) {
    sweep_options how;
    how.format = *parse_history_format(a.format); // checked by CLI11
    how.threads = a.threads;
    how.grouped = a.grouped;
    return how;
}

void apply_readings(const ruleset& rules, replay_options& options,
                    const std::vector<std::string>& readings) {
    for (const auto& r : readings) {
        auto eq = r.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == r.size())
            throw usage_error(fmt::format("--reading \"{}\" is not of the form RULE=READING", r));
        try {
            choose_reading(rules, options, std::string_view(r).substr(0, eq),
                           std::string_view(r).substr(eq + 1));
        } catch (const error& e) {
            throw e.with_field("--reading");
        }
    }
}

} // namespace echeance::cli
