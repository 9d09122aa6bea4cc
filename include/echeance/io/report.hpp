// Reports of replays, in every output format: text for people, JSON Lines, a CSV summary, and an
// iCalendar (RFC 5545) file of the upcoming deadlines. The CLI, the C API and the Python module
// all print through these functions.
#pragma once

#include "echeance/calendar.hpp"
#include "echeance/engine.hpp"
#include "echeance/history.hpp"
#include "echeance/io/history.hpp"
#include "echeance/ruleset.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace echeance {

namespace detail {
struct json_names;
}

// One JSON object on one line (with '\n'), keys in a fixed order. `person` is the id to print
// (already masked: see mask_person()).
std::string to_json_line(const ruleset& rules, const calendar& cal, const history& h,
                         std::string_view person, const replay_result& r, bool explain);
// Text for people: state, timeline, open windows, next deadlines, obligations, retention,
// rejected events, readings (and the explanation when asked).
std::string to_text(const ruleset& rules, const calendar& cal, const history& h,
                    std::string_view person, const replay_result& r, bool explain);

// text: to_text(); json: to_json_line(); summary: one CSV line per person (person, state, since,
// the next deadline, the count of overdue obligations); ics: an iCalendar file (RFC 5545) with
// one all-day event per upcoming deadline. docs/replay.md defines the columns and the events.
enum class report_format : std::uint8_t { text, json, summary, ics };
std::string_view to_string(report_format f) noexcept;
// "text", "json", "summary", "ics"; empty when unknown.
std::optional<report_format> parse_report_format(std::string_view name) noexcept;
// "text", "json", "summary", "ics": the names parse_report_format() accepts.
std::vector<std::string> report_format_names();

// What the C API and the Python module take as `output`: a format, and for json, whether it is
// compact (the CLI's --compact: no member whose value is null, "", [] or {}).
struct report_output {
    report_format format = report_format::text;
    bool compact = false;
};
// parse_report_format()'s names and "json-compact"; empty when unknown.
std::optional<report_output> parse_report_output(std::string_view name) noexcept;

// A report over many persons: begin(), add() per person in input order, end(). Each call appends
// to `out`, so that a caller may flush between persons (text: a blank line between persons;
// summary: the CSV header first; ics: one VCALENDAR around every event). `explain` applies to
// text and json only; `compact` to json only (see report_output). A report of no person is still a
// whole file (the CSV header; an empty VCALENDAR).
class replay_report {
public:
    replay_report(const ruleset& rules, const calendar& cal, report_format format, bool explain,
                  bool compact = false);
    void begin(std::string& out);
    void add(const history& h, std::string_view person, const replay_result& r, std::string& out);
    void end(std::string& out);
    report_format format() const noexcept { return format_; }

private:
    const ruleset* rules_;
    const calendar* cal_;
    report_format format_;
    bool explain_;
    bool compact_;
    std::size_t persons_ = 0;
    std::shared_ptr<const detail::json_names> json_; // json: the rule set's names, quoted
};

// Replays every person of `file` as of `options` and renders the whole report into `out`
// (begin, one add per person in input order, end): what the CLI, the C API and the Python module
// print. With `drain`, it is called after each person and at the end to take what `out` holds
// (and clear it), so that a caller can write as it goes.
void render_replays(const ruleset& rules, const calendar& cal, const history_file& file,
                    const replay_options& options, replay_report& report, std::string& out,
                    const std::function<void(std::string&)>& drain = {});

} // namespace echeance
