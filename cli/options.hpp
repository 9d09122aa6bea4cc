// Shared pieces of the CLI commands: calendar options, field parsing with a named field.
#pragma once

#include <CLI/CLI.hpp>
#include <echeance/calendar.hpp>
#include <echeance/engine.hpp>
#include <echeance/error.hpp>
#include <echeance/io/report.hpp>
#include <echeance/io/sweep.hpp>
#include <echeance/ruleset.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace echeance::cli {

// A usage error (exit 2), as opposed to bad input (exit 1).
struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct calendar_args {
    std::string file; // --calendar FILE; empty: the embedded rules/calendars/fr.json
    std::vector<std::string> settings; // --setting name=value
};

void add_calendar_options(CLI::App& cmd, calendar_args& a);
calendar load_calendar(const calendar_args& a);

// The options of the commands that sweep a history (replay, due): --reading, --format,
// --threads, --grouped.
struct sweep_args {
    std::vector<std::string> readings;
    std::string format = "detect";
    unsigned threads = 0;
    bool grouped = false;
};

void add_sweep_options(CLI::App& cmd, sweep_args& a);
// --reading alone (add_sweep_options declares it too), for a replay that does not sweep a file.
void add_reading_option(CLI::App& cmd, std::vector<std::string>& readings);
sweep_options sweep_options_of(const sweep_args& a);

// The report options of the commands that replay (replay, journal replay): --as-of, --output,
// --json, --explain.
struct report_args {
    std::string as_of, output = "text";
    bool json = false, explain = false, compact = false;
    CLI::Option* output_option = nullptr;
};

void add_report_options(CLI::App& cmd, report_args& a);
// The format asked for (a usage error when --json and --output disagree, or --explain cannot
// apply).
report_format report_format_of(const report_args& a);
// --as-of, else today (UTC).
year_month_day as_of_of(const report_args& a);

// Parses a command-line value; an error names the field it came from.
template <class F>
auto parse_field(std::string_view text, const char* field, F&& parse) -> decltype(parse(text)) {
    try {
        return parse(text);
    } catch (const error& e) {
        throw e.with_field(field);
    }
}

int parse_year(std::string_view text);

// Applies each --reading RULE=READING to `options` (a usage error when not of that form).
void apply_readings(const ruleset& rules, replay_options& options,
                    const std::vector<std::string>& readings);

} // namespace echeance::cli
