// Skipping a JSON value without reading it, for the scans that look for one member of a line
// (the sweep's person, the journal's id) and leave every judgement to the history parser.
#pragma once

namespace echeance::detail {

// Past the JSON string at p (on its quote), or nullptr when it does not end before e; `escaped`
// is set when it holds a backslash.
inline const char* skip_json_string(const char* p, const char* e, bool& escaped) noexcept {
    for (++p; p < e; ++p) {
        if (*p == '\\') {
            escaped = true;
            if (++p == e) return nullptr; // not one past e: a backslash last does not end it
        } else if (*p == '"') {
            return p + 1;
        }
    }
    return nullptr;
}

// Past the JSON value at p: a string, an object or array with its nesting (strings skipped
// whole), or a scalar up to ',', '}', ']' or white space; nullptr when a string or a container
// does not end before e, or when p is e.
inline const char* skip_json_value(const char* p, const char* e) noexcept {
    bool escaped = false;
    if (p == e) return nullptr;
    if (*p == '"') return skip_json_string(p, e, escaped);
    if (*p == '{' || *p == '[') {
        int depth = 0;
        while (p < e) {
            char c = *p;
            if (c == '"') {
                if ((p = skip_json_string(p, e, escaped)) == nullptr) return nullptr;
                continue;
            }
            if (c == '{' || c == '[') ++depth;
            if ((c == '}' || c == ']') && --depth == 0) return p + 1;
            ++p;
        }
        return nullptr;
    }
    while (p < e && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\t' && *p != '\r' &&
           *p != '\n')
        ++p;
    return p;
}

} // namespace echeance::detail
