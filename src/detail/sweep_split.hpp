// The sweep's splitter (internal): reads only the person of each line and cuts the input into
// chunks of whole persons, so that chunks can be parsed, replayed and rendered independently.
#pragma once

#include "detail/json_compact.hpp"
#include "detail/seen_persons.hpp"
#include "echeance/error.hpp"
#include "echeance/io/history.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace echeance::detail {

struct split_chunk {
    std::size_t begin = 0, end = 0; // byte offsets of its lines in the mapped text
    std::string owned;              // or its lines themselves ('\n' after each), from a pipe
    bool is_owned = false;
    std::size_t first_line = 1; // number of its first line
    std::vector<error> before;  // the splitter's errors to report before the chunk's own
    // Regrouped (a person who comes back, sweep.cpp): the byte ranges of its lines in the order
    // they are read, each with the number of its first line; begin, end and first_line unused.
    struct part {
        std::size_t begin = 0, end = 0, first_line = 1;
    };
    std::vector<part> parts;
};

// The person of a JSON line (decoded) or of a CSV line (the `column`-th field, decoded); false
// when the line has none that can be read (the parser then says why).
bool json_person(std::string_view line, std::string_view& raw, std::string& decoded);
bool csv_field(std::string_view line, int column, std::string_view& raw, std::string& decoded);

class splitter {
public:
    using emit_fn = std::function<void(split_chunk&&)>;

    // How a person who comes back is found.
    enum class check {
        // --grouped, online: the persons met most recently in a table (`budget` of them); such
        // a person's lines are skipped with one error; one of an earlier generation is an error
        // at the end (finish()).
        online,
        // The scan before a sweep without --grouped: each person's first line goes to `marks()`
        // (but the first, held in first_mark(), which may continue the person of the range
        // before); the caller asks mark_runs::repeats() once every range is scanned.
        marks,
    };

    // `owned`: copy the lines (they come from a pipe buffer); else record offsets.
    splitter(std::string file, history_parser::format f, check how, bool owned,
             std::size_t target_bytes, std::size_t budget, emit_fn emit);

    // One line ('\r' removed) at byte `offset` of the mapped text, the next line at
    // `next_offset`.
    void line(std::string_view text, std::size_t line_no, std::size_t offset,
              std::size_t next_offset) {
        // The usual line: it begins as the last line that named a person did, up to the end of
        // that name (`{"person":"p1"`, or `p1,` in CSV), so it is that person's line, as
        // read_line() would find on reading it.
        if (prefix_size_ != 0 && starts_with_prefix(text)) {
            if (skipping_)
                skip_last_ = line_no;
            else
                append(text, line_no, offset, next_offset);
            return;
        }
        read_line(text, line_no, offset, next_offset);
    }
    // line() for each line of `text`, whole lines (the last may lack its '\n'), numbered from
    // `first_line`, the first at byte `offset` of the mapped text; the number of lines. One call
    // a block: the lines are found and line() inlined here, not called through the reader's
    // callbacks line by line.
    std::size_t lines(std::string_view text, std::size_t first_line, std::size_t offset);
    // Emits the last chunk (online: then the errors of persons found to come back).
    void finish();
    // marks: a line that names another person is taken as that person's without checking that
    // the rest of it reads (a first scan that trusts the input; see scan_boundaries).
    void trust_lines() noexcept { trust_ = true; }
    // marks: f(person, line, offset) where each person's lines begin (normalized person), instead
    // of marks() and first_mark().
    using block_fn = std::function<void(const std::string&, std::size_t, std::size_t)>;
    void on_block(block_fn f) { on_block_ = std::move(f); }

    // The format is known and, for CSV, the header read: another splitter can start mid-text.
    bool settled() const noexcept {
        return format_ == history_parser::format::jsonl ||
               (format_ == history_parser::format::csv && header_line_ != 0);
    }
    // Takes the format and the CSV header of a settled splitter.
    void settle_as(const splitter& s);

    // marks: the first and the last person met (normalized; empty when none), the mark of the
    // first, and the others.
    const std::string& first_person() const noexcept { return first_person_; }
    const std::string& last_person() const noexcept { return block_person_; }
    bool met_anyone() const noexcept { return met_; }
    person_mark first_mark() const noexcept { return first_mark_; }
    mark_runs& marks() noexcept { return marks_; }

    history_parser::format format() const noexcept { return format_; }
    // The CSV header line and its number (0 when none), for chunks that do not contain it.
    const std::string& header() const noexcept { return header_; }
    std::size_t header_line() const noexcept { return header_line_; }

private:
    void read_line(std::string_view text, std::size_t line_no, std::size_t offset,
                   std::size_t next_offset);
    void append(std::string_view text, std::size_t line_no, std::size_t offset,
                std::size_t next_offset) {
        if (!cur_started_) {
            cur_started_ = true;
            cur_.first_line = line_no;
            cur_.begin = offset;
            cur_.is_owned = owned_;
        }
        if (owned_) {
            cur_.owned.append(text);
            cur_.owned += '\n';
            cur_bytes_ = cur_.owned.size();
        } else {
            cur_.end = next_offset;
            cur_bytes_ = cur_.end - cur_.begin;
        }
    }
    // Sixteen bytes at a time: a call to memcmp cost more than the compare for a prefix of about
    // twenty bytes, on four lines of five.
    bool starts_with_prefix(std::string_view text) const noexcept {
        const std::size_t n = prefix_size_;
        if (text.size() < n) return false;
        const char* a = text.data();
        const char* b = prefix_;
        if (n < 16) return std::memcmp(a, b, n) == 0;
        auto differ = [](const char* p, const char* q) {
            std::uint64_t x, y, u, v;
            std::memcpy(&x, p, 8);
            std::memcpy(&y, q, 8);
            std::memcpy(&u, p + 8, 8);
            std::memcpy(&v, q + 8, 8);
            return ((x ^ y) | (u ^ v)) != 0;
        };
        for (std::size_t i = 0; i + 16 < n; i += 16)
            if (differ(a + i, b + i)) return false;
        return !differ(a + n - 16, b + n - 16); // the last sixteen, over the block before
    }
    // The prefix of the person of `text` (whose person `raw` has just been read), when any line
    // that begins with it is surely that person's; else empty.
    void remember_prefix(std::string_view text, std::string_view raw);
    void cut();
    void end_skip(std::size_t next_line);

    std::string file_;
    history_parser::format format_;
    check check_;
    bool owned_;
    std::size_t target_;
    emit_fn emit_;

    split_chunk cur_;
    bool cur_started_ = false;
    std::size_t cur_bytes_ = 0;

    std::string header_;
    std::size_t header_line_ = 0;
    int person_column_ = -1;

    std::string last_raw_; // the raw person text of the last line that had one
    // What a line of that person begins with (remember_prefix), in place: a std::string's
    // assign was a call to _M_replace for each person. Empty when longer.
    static constexpr std::size_t prefix_room = 64;
    char prefix_[prefix_room] = {};
    std::size_t prefix_size_ = 0;
    bool have_last_ = false;
    std::string block_person_; // normalized person of the current block
    bool in_block_ = false;

    bool skipping_ = false; // inside a block of a person met before (grouped)
    std::size_t skip_first_ = 0, skip_last_ = 0, skip_column_ = 0, skip_before_ = 0;
    std::string skip_person_;

    seen_persons seen_; // online
    mark_runs marks_;   // marks
    std::string first_person_;
    bool met_ = false;
    person_mark first_mark_;
    std::string decoded_;
    key_memo keys_; // the keys of the last lines checked whole (detail/json_compact.hpp)
    bool trust_ = false;
    block_fn on_block_;
};

} // namespace echeance::detail
