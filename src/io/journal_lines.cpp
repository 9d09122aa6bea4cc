// The journal reads each history line's fields as written beside the history parser, which
// checks and resolves them: the parser's fast and full readers stay the only judges of a line.
#include "journal_lines.hpp"

#include "detail/history_columns.hpp"
#include "detail/json_line.hpp"
#include "detail/json_skip.hpp"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

namespace echeance::journal_detail {

namespace {

// The history's columns (detail/history_columns.hpp) and the journal's own "id" after them.
using field = std::uint8_t;
using namespace detail::columns;
constexpr field f_id = c_count;
constexpr field f_count = c_count + 1;

field field_of(std::string_view key) {
    if (key == "id") return f_id;
    column c = column_of(key);
    return c == c_count ? f_count : field(c);
}

std::string_view* view_of(written_line& w, field f) {
    switch (f) {
    case c_person:
        return &w.person;
    case c_at:
        return &w.at;
    case c_event:
        return &w.event;
    case c_role:
        return &w.role;
    case c_time:
        return &w.time;
    case c_territory:
        return &w.territory;
    case c_channel:
        return &w.channel;
    case c_born:
        return &w.born;
    case c_department:
        return &w.department;
    case f_id:
        return &w.id;
    default:
        return nullptr;
    }
}

bool parse_seq(std::string_view text, std::int64_t& seq) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seq);
    return ec == std::errc() && end == text.data() + text.size() && seq >= 0;
}

// Past the JSON string or value at s[p] (detail/json_skip.hpp); npos when it does not end.
std::size_t skip_string(std::string_view s, std::size_t p) {
    bool escaped = false;
    const char* e = detail::skip_json_string(s.data() + p, s.data() + s.size(), escaped);
    return e ? std::size_t(e - s.data()) : std::string_view::npos;
}
std::size_t skip_value(std::string_view s, std::size_t p) {
    if (p > s.size()) return std::string_view::npos;
    const char* e = detail::skip_json_value(s.data() + p, s.data() + s.size());
    return e ? std::size_t(e - s.data()) : std::string_view::npos;
}

std::size_t skip_ws(std::string_view s, std::size_t p) {
    while (p < s.size() && (s[p] == ' ' || s[p] == '\t')) ++p;
    return p;
}

// false on a misplaced or unterminated quote (the parser reports it).
bool split_cells(std::string_view line, std::vector<csv_cell>& cells) {
    cells.clear();
    std::size_t i = 0;
    for (;;) {
        csv_cell c;
        c.begin = i;
        if (i < line.size() && line[i] == '"') {
            for (++i;; ++i) {
                if (i >= line.size()) return false;
                if (line[i] == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                    c.value += '"';
                    ++i;
                } else if (line[i] == '"') {
                    ++i;
                    break;
                } else {
                    c.value += line[i];
                }
            }
            if (i < line.size() && line[i] != ',') return false;
        } else {
            std::size_t e = std::min(line.find(',', i), line.size());
            c.value.assign(line.substr(i, e - i));
            i = e;
        }
        c.end = i;
        cells.push_back(std::move(c));
        if (i >= line.size()) return true;
        ++i;
    }
}

} // namespace

std::string_view without_id(std::string_view line, std::string& scratch, std::size_t* value_at) {
    if (value_at) *value_at = std::string_view::npos;
    if (line.find("\"id\"") == std::string_view::npos) return line;
    std::size_t p = skip_ws(line, 0);
    if (p >= line.size() || line[p] != '{') return line;
    p = skip_ws(line, p + 1);
    std::size_t previous_end = std::string_view::npos; // end of the member before
    while (p < line.size() && line[p] == '"') {
        std::size_t b = p, k = skip_string(line, p);
        if (k == std::string_view::npos) return line;
        p = skip_ws(line, k);
        if (p >= line.size() || line[p] != ':') return line;
        std::size_t v = skip_ws(line, p + 1), e = skip_value(line, v);
        if (e == std::string_view::npos) return line;
        std::size_t next = skip_ws(line, e);
        if (line.substr(b, k - b) == "\"id\"") {
            // The member and one comma beside it: the next one, else the one before.
            std::size_t from = b, to = e;
            if (next < line.size() && line[next] == ',')
                to = next + 1;
            else if (previous_end != std::string_view::npos)
                from = previous_end;
            if (value_at) *value_at = v;
            scratch.assign(line);
            std::fill(scratch.begin() + std::ptrdiff_t(from), scratch.begin() + std::ptrdiff_t(to),
                      ' ');
            return scratch;
        }
        if (next >= line.size() || line[next] != ',') return line;
        previous_end = next;
        p = skip_ws(line, next + 1);
    }
    return line;
}

line_reader::line_reader(history_parser& parser, std::string file_name, history_parser::format f)
    : parser_(parser), file_(std::move(file_name)), format_(f) {}

const written_line* line_reader::at(std::size_t line_no) const {
    if (line_no == 0 || line_no > lines_.size()) return nullptr;
    const written_line& w = lines_[line_no - 1];
    return w.read ? &w : nullptr;
}

void line_reader::add(std::string_view line, std::size_t line_no) {
    if (lines_.size() < line_no) lines_.resize(line_no);
    std::size_t b = skip_ws(line, 0);
    if (b == line.size() || line[b] == '#') return; // the parser skips them too
    if (format_ == history_parser::format::detect)
        format_ = line[b] == '{' ? history_parser::format::jsonl : history_parser::format::csv;
    if (format_ == history_parser::format::csv) return add_csv(line, line_no);
    written_line& w = lines_[line_no - 1];
    add_json(line, w);
    std::size_t id_at = 0;
    parser_.add_line(without_id(line, scratch_, &id_at), line_no);
    if (w.read && w.id.empty() && id_at != std::string_view::npos && line[id_at] != '"')
        refused_.emplace_back("echeance.journal.id", "\"id\" must be a string",
                              location{file_, line_no, id_at + 1, ""});
}

void line_reader::add_json(std::string_view line, written_line& w) {
    // The common line (flat, plain strings and integers) read in place; others by nlohmann.
    bool simple = detail::scan_simple_object(line, [&](const detail::json_member_view& m) {
        field f = field_of(m.key);
        if (f == f_count) return false;
        if (f == c_seq) return !m.is_string && parse_seq(m.text, w.seq);
        if (f == c_data) {
            if (!m.is_string && m.text.size() > 18) return false; // beyond int64: nlohmann's form
            w.data.clear();
            if (m.is_string) w.data += '"';
            w.data += m.text;
            if (m.is_string) w.data += '"';
            return true;
        }
        if (!m.is_string) return false;
        *view_of(w, f) = m.text;
        return true;
    });
    if (simple) {
        w.read = true;
        return;
    }
    w = written_line();
    nlohmann::json j = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return;
    for (auto it = j.begin(); it != j.end(); ++it) {
        field f = field_of(it.key());
        if (f == c_seq) {
            if (it->is_number_integer()) w.seq = it->get<std::int64_t>();
        } else if (f == c_data) {
            w.data = it->dump();
        } else if (f != f_count && it->is_string()) {
            *view_of(w, f) = owned_.emplace_back(it->get<std::string>());
        }
    }
    w.read = true;
}

void line_reader::add_csv(std::string_view line, std::size_t line_no) {
    std::vector<csv_cell>& cells = cells_;
    if (!split_cells(line, cells)) return parser_.add_line(line, line_no);
    std::string_view fed = line;
    if (!have_header_) {
        have_header_ = true;
        column_.assign(f_count, -1);
        for (std::size_t i = 0; i < cells.size(); ++i) {
            field f = field_of(cells[i].value);
            if (f != f_count && column_[f] < 0) column_[f] = int(i);
        }
        id_column_ = column_[f_id];
    } else {
        written_line& w = lines_[line_no - 1];
        for (std::size_t f = 0; f < f_count; ++f) {
            int i = column_[f];
            if (i < 0 || std::size_t(i) >= cells.size()) continue;
            const std::string& v = cells[std::size_t(i)].value;
            if (f == c_seq) {
                if (!v.empty() && !parse_seq(v, w.seq)) return parser_.add_line(line, line_no);
            } else if (f == c_data) {
                // Bytes that are not UTF-8 become U+FFFD: the journal stores JSON text.
                w.data = nlohmann::json(v).dump(-1, ' ', false,
                                                nlohmann::json::error_handler_t::replace);
            } else {
                *view_of(w, field(f)) = owned_.emplace_back(v);
            }
        }
        w.read = true;
    }
    if (id_column_ >= 0 && std::size_t(id_column_) < cells.size()) {
        // The cell and one comma beside it: the next one, else the one before.
        const csv_cell& c = cells[std::size_t(id_column_)];
        std::size_t from = c.begin, to = c.end;
        if (to < line.size())
            ++to;
        else if (from > 0)
            --from;
        scratch_.assign(line.substr(0, from));
        scratch_ += line.substr(to);
        fed = scratch_;
        if (removed_.size() < line_no) removed_.resize(line_no, {0, 0});
        removed_[line_no - 1] = {from, to - from};
    }
    parser_.add_line(fed, line_no);
}

void line_reader::place(std::vector<error>& errors) const {
    for (error& e : errors) {
        const location& w = e.where();
        if (w.line == 0 || w.line > removed_.size()) continue;
        auto [from, bytes] = removed_[w.line - 1];
        if (bytes == 0 || w.column <= from) continue;
        e = error(e.id(), e.message(), location{w.file, w.line, w.column + bytes, w.field});
    }
}

} // namespace echeance::journal_detail
