// Readers of histories: JSON Lines and CSV, streamed line by line, bad lines reported with
// file:line:col and skipped.
#pragma once

#include "echeance/calendar.hpp"
#include "echeance/error.hpp"
#include "echeance/history.hpp"
#include "echeance/ruleset.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace echeance {

struct history_file {
    std::vector<history> persons;       // in order of first appearance
    std::vector<std::string> shown_ids; // person ids to print (masked when a NIR), same order
    std::vector<error> errors;          // one per bad line: file:line:col, in input order
    std::size_t lines = 0;              // lines read (comments and blank lines included)
};

// Streaming parser of history lines. JSON Lines: one object per line with "person", "at",
// "event", "role", and optional "time", "seq", "territory", "channel", "data", and the person
// facts "born" and "department". CSV: a header line naming the same columns (any order;
// "person", "at", "event", "role" required), then one event per line ("data" is text). Blank
// lines and lines starting with '#' are skipped. A bad line is an error ("echeance.history.*",
// or "echeance.date.*" for a bad "born") with file:line:col; the next lines go on.
// The territory of a line: its "territory", else the person's last explicit one, else the one
// of the person's department when known (57, 67, 68, 971-974, 976, 977 FR-BL, 978 FR-MF), else
// the rule set's default. Lines read before the department was known keep their territory.
// The fields of one accepted line as written, for a caller that stores lines (the journal).
// Views into the parser's buffers: valid during the callback only.
struct history_fields {
    std::string_view person; // normalized: a NIR without its spaces, dots or dashes
    std::string_view at, event, role, time, territory, channel, born, department;
    std::string_view id;   // the line's "id" key (only with keep_fields); empty when absent
    std::string data;      // "data" as JSON text (a CSV field: a JSON string); empty when absent
    std::int64_t seq = -1; // -1 when absent
    const history_event* event_read = nullptr; // the event as read (resolved day, time, territory)
};

class history_parser {
public:
    enum class format { jsonl, csv, detect };

    history_parser(const ruleset& rules, const calendar& cal, std::string file_name,
                   format f = format::detect);
    ~history_parser();
    history_parser(const history_parser&) = delete;
    history_parser& operator=(const history_parser&) = delete;

    void add_line(std::string_view line, std::size_t line_no);
    history_file finish();
    // Calls `on_line` for every accepted line, after it is added. Lines may then also carry an
    // "id" key (a column in CSV): the journal's idempotence key.
    void keep_fields(std::function<void(const history_fields&)> on_line);

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

// The whole text at once (lines split on '\n', "\r\n" accepted).
history_file parse_history(std::string_view text, const ruleset& rules, const calendar& cal,
                           const std::string& file_name,
                           history_parser::format f = history_parser::format::detect);

} // namespace echeance
