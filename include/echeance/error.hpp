// One error type for the whole library: a stable id, a message, and where it happened.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace echeance {

// Where a bad value sits: file:line:column, or a field name when there is no file.
struct location {
    std::string file;       // empty when the input is not a file
    std::size_t line = 0;   // 1-based; 0 when unknown
    std::size_t column = 0; // 1-based; 0 when unknown
    std::string field;      // e.g. "period", "--territory", "/events/3/to"

    bool empty() const noexcept { return file.empty() && line == 0 && field.empty(); }
    std::string to_string() const;
};

// Ids are stable and documented in docs/errors.md: echeance.<layer>.<what>.
class error : public std::runtime_error {
public:
    error(std::string id, std::string message, location where = {});

    const std::string& id() const noexcept { return id_; }
    const std::string& message() const noexcept { return message_; }
    const location& where() const noexcept { return where_; }

    // The same error placed in a file: the inner column (relative to a token) is shifted by the
    // token's column, so a parser of one field can report a column in the whole line.
    error placed(std::string file, std::size_t line, std::size_t token_column) const;
    error with_field(std::string field) const;

private:
    std::string id_;
    std::string message_;
    location where_;
};

// An input value to echo in a message: at most 80 bytes, cut on a UTF-8 boundary, then "...".
std::string shorten(std::string_view input);

// "file:3:12: error [id]: message", or "error [id]: message" without a location.
std::string format(const error& e);

} // namespace echeance
