// The sweep's splitter (internal): reads only the person of each line and cuts the input into
// chunks of whole persons, so that chunks can be parsed, replayed and rendered independently.
#pragma once

#include "echeance/error.hpp"
#include "echeance/io/history.hpp"

#include <cstddef>
#include <cstdint>
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
};

// The person of a JSON line (decoded) or of a CSV line (the `column`-th field, decoded); false
// when the line has none that can be read (the parser then says why).
bool json_person(std::string_view line, std::string_view& raw, std::string& decoded);
bool csv_field(std::string_view line, int column, std::string_view& raw, std::string& decoded);

// Persons already met, by a 64-bit hash of their id, with the line they were first met. Two ids
// share a hash with probability n^2/2^65: 3e-8 for 10^6 persons, 3e-6 for 10^7. Then, without
// --grouped the file is read whole (the same answer, more memory); with it, one false error.
class seen_persons {
public:
    seen_persons();
    // Records `h` first met on `line`; returns the line it was first met when met before, else 0.
    std::size_t insert(std::uint64_t h, std::size_t line);
    std::size_t size() const noexcept { return count_; }

private:
    void grow();
    std::vector<std::uint64_t> hashes_; // 0: empty (hashes are made odd)
    std::vector<std::size_t> lines_;    // read only when a person comes back
    std::size_t count_ = 0;
};

class splitter {
public:
    using emit_fn = std::function<void(split_chunk&&)>;

    // `owned`: copy the lines (they come from a pipe buffer); else record offsets.
    splitter(std::string file, history_parser::format f, bool grouped, bool owned,
             std::size_t target_bytes, emit_fn emit);

    // One line ('\r' removed) at byte `offset` of the mapped text, the next line at
    // `next_offset`. False when, not grouped, a person came back: the input is not grouped and
    // the splitter stops (what was emitted is to be dropped).
    bool line(std::string_view text, std::size_t line_no, std::size_t offset,
              std::size_t next_offset);
    // Emits the last chunk.
    void finish();

    history_parser::format format() const noexcept { return format_; }
    // The CSV header line and its number (0 when none), for chunks that do not contain it.
    const std::string& header() const noexcept { return header_; }
    std::size_t header_line() const noexcept { return header_line_; }

private:
    void append(std::string_view text, std::size_t line_no, std::size_t offset,
                std::size_t next_offset);
    void cut();
    void end_skip(std::size_t next_line);

    std::string file_;
    history_parser::format format_;
    bool grouped_, owned_;
    std::size_t target_;
    emit_fn emit_;

    split_chunk cur_;
    bool cur_started_ = false;
    std::size_t cur_bytes_ = 0;

    std::string header_;
    std::size_t header_line_ = 0;
    int person_column_ = -1;

    std::string last_raw_; // the raw person text of the last line that had one
    bool have_last_ = false;
    std::string block_person_; // normalized person of the current block
    bool in_block_ = false;

    bool skipping_ = false; // inside a block of a person met before (grouped)
    std::size_t skip_first_ = 0, skip_last_ = 0, skip_column_ = 0, skip_before_ = 0;
    std::string skip_person_;

    seen_persons seen_;
    std::string decoded_;
};

} // namespace echeance::detail
