// A small strict reader of JSON with comments (// and /* */) that keeps the line and column of
// every value and of every object key. nlohmann::json does not report positions of values, and
// rule-file diagnostics must point at the offending value.
//
// Strict: RFC 8259 plus comments; no trailing commas, no single quotes, no NaN, valid UTF-8 only,
// nesting at most `max_depth`. Duplicate keys are kept (in order) so that the caller can report
// them with the context it knows (a duplicate state, a duplicate key in a count, ...).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace echeance::detail::jsonc {

struct position {
    std::size_t line = 0;   // 1-based
    std::size_t column = 0; // 1-based, in Unicode code points (what editors show)
};

struct member;

struct value {
    enum class kind : std::uint8_t { null, boolean, number, string, array, object };
    kind type = kind::null;
    position at;
    bool boolean = false;
    bool plain = true;           // string: written without escapes (columns inside map 1:1)
    std::string text;            // string: decoded UTF-8; number: as written
    std::vector<value> items;    // array
    std::vector<member> members; // object, in file order, duplicates kept

    bool is_object() const noexcept { return type == kind::object; }
    bool is_array() const noexcept { return type == kind::array; }
    bool is_string() const noexcept { return type == kind::string; }
    bool is_bool() const noexcept { return type == kind::boolean; }
};

struct member {
    std::string key;
    position key_at;
    value val;
};

struct syntax_error {
    position at;
    std::string message;
};

struct parse_result {
    value root;
    bool ok = false;
    syntax_error error; // set when !ok
};

inline constexpr std::size_t max_depth = 64;

parse_result parse(std::string_view text);

// "object", "array", "string", "number", "true or false", "null": for messages.
const char* kind_name(value::kind k) noexcept;

} // namespace echeance::detail::jsonc
