// CSV fields (RFC 4180) for the summary report (internal).
#pragma once

#include <string>
#include <string_view>

namespace echeance::detail {

// The field as is, or in double quotes (inner quotes doubled) when it holds a comma, a quote,
// a carriage return or a line feed.
inline void append_csv_field(std::string& out, std::string_view s) {
    bool plain = true;
    for (char c : s) // one pass, no call: fields are short (ids, names, dates)
        plain &= c != ',' && c != '"' && c != '\r' && c != '\n';
    if (plain) {
        out.append(s.data(), s.size());
        return;
    }
    out += '"';
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

inline std::string csv_field(std::string_view s) {
    std::string out;
    append_csv_field(out, s);
    return out;
}

} // namespace echeance::detail
