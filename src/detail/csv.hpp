// CSV fields (RFC 4180) for the summary report (internal).
#pragma once

#include <string>
#include <string_view>

namespace echeance::detail {

// The field as is, or in double quotes (inner quotes doubled) when it holds a comma, a quote,
// a carriage return or a line feed.
inline std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

} // namespace echeance::detail
