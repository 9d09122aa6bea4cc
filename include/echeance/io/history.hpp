// Readers of histories: JSON Lines and CSV, streamed line by line, bad lines reported with
// file:line:col and skipped.
#pragma once

#include "echeance/calendar.hpp"
#include "echeance/error.hpp"
#include "echeance/history.hpp"
#include "echeance/ruleset.hpp"

#include <cstddef>
#include <memory>
#include <optional>
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
class history_parser {
public:
    enum class format { jsonl, csv, detect };

    history_parser(const ruleset& rules, const calendar& cal, std::string file_name,
                   format f = format::detect);
    ~history_parser();
    history_parser(const history_parser&) = delete;
    history_parser& operator=(const history_parser&) = delete;

    void add_line(std::string_view line, std::size_t line_no);
    // Room for about `n` persons at once (a hint, for a reader that knows the size of its
    // input: the persons' table then does not grow person by person).
    void expect_persons(std::size_t n);
    // Takes back the lists (events, unknown names) of a file this or another parser finished,
    // emptied, for the persons to come: a reader of many chunks saves an allocation a person.
    void recycle(history_file&& spent);
    history_file finish();

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

// "detect", "jsonl", "csv"; empty when unknown. The names, for choices: history_format_names().
std::optional<history_parser::format> parse_history_format(std::string_view name) noexcept;
std::vector<std::string> history_format_names();

// The whole text at once (lines split on '\n', "\r\n" accepted). `first_line` numbers its first
// line, for a text that is a part of a larger file.
history_file parse_history(std::string_view text, const ruleset& rules, const calendar& cal,
                           const std::string& file_name,
                           history_parser::format f = history_parser::format::detect,
                           std::size_t first_line = 1);

} // namespace echeance
