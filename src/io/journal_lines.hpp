// The journal's reading of history lines beside the history parser: the fields as written (what
// is stored), and the line the parser reads, its "id" taken out (the parser knows no "id").
#pragma once

#include "echeance/error.hpp"
#include "echeance/io/history.hpp"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace echeance::journal_detail {

// The fields of one line as written (decoded JSON strings; CSV cells). Views into the batch's
// text or into the reader's own copies: valid while both live.
struct written_line {
    std::string_view person, at, event, role, time, territory, channel, born, department, id;
    std::string data;      // "data" as JSON text, compact, object keys sorted; empty when absent
    std::int64_t seq = -1; // -1 when absent
    bool read = false;     // false: not a line the fields could be read from (the parser says why)
};

// One CSV field (RFC 4180 quoting): its value and where its bytes end (at ',' or the end).
struct csv_cell {
    std::string value;
    std::size_t begin = 0, end = 0;
};

// A JSON line with its top-level "id" member blanked out with spaces (same length, so the same
// columns), or `line` itself when it has none. `scratch` holds the blanked copy; `value_at` gets
// the 0-based offset of the id's value (npos when none).
std::string_view without_id(std::string_view line, std::string& scratch,
                            std::size_t* value_at = nullptr);

// Feeds the lines of one batch to a history parser and keeps what each says as written.
class line_reader {
public:
    line_reader(history_parser& parser, std::string file_name, history_parser::format f);
    void add(std::string_view line, std::size_t line_no);
    void reserve(std::size_t lines) { lines_.reserve(lines); }
    // The fields of line `line_no` (1-based); nullptr for a blank, comment or header line.
    const written_line* at(std::size_t line_no) const;
    // The parser's errors placed back in the written line (a CSV "id" column is taken out of
    // the lines the parser reads: the columns after it move).
    void place(std::vector<error>& errors) const;
    // The journal's own refusals of lines the parser accepts (an "id" that is not a string).
    const std::vector<error>& refused() const noexcept { return refused_; }

private:
    void add_json(std::string_view line, written_line& w);
    void add_csv(std::string_view line, std::size_t line_no);

    history_parser& parser_;
    std::string file_;
    std::vector<error> refused_;
    history_parser::format format_;
    std::vector<written_line> lines_; // index: line number - 1
    std::deque<std::string> owned_;   // decoded values the lines point to
    std::string scratch_;
    std::vector<csv_cell> cells_; // reused
    // CSV: the header's columns (-1: absent) and the "id" column.
    std::vector<int> column_;
    bool have_header_ = false;
    int id_column_ = -1;
    std::vector<std::pair<std::size_t, std::size_t>> removed_; // per line: id cut (start, bytes)
};

} // namespace echeance::journal_detail
