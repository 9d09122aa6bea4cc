// iCalendar (RFC 5545) content lines: TEXT escaping and folding (internal).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace echeance::detail {

// A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped with a backslash, a
// line feed written \n (a carriage return is dropped: CRLF and LF both end a line of text).
inline std::string ics_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '\\':
        case ';':
        case ',':
            out += '\\';
            out += c;
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            break;
        default:
            out += c;
        }
    }
    return out;
}

// Appends one content line ending in CRLF, folded (RFC 5545 3.1) so that no physical line has
// more than 75 octets: each continuation starts with a space. A fold never splits a UTF-8
// sequence.
inline void ics_line(std::string& out, std::string_view line) {
    constexpr std::size_t limit = 75;
    std::size_t room = limit; // octets allowed on this physical line after the leading space
    while (line.size() > room) {
        std::size_t cut = room;
        // Back up to the first byte of a UTF-8 sequence (continuation bytes are 10xxxxxx).
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        if (cut == 0) cut = room; // not UTF-8: never loop forever
        out.append(line.data(), cut);
        out += "\r\n ";
        line.remove_prefix(cut);
        room = limit - 1;
    }
    out.append(line.data(), line.size());
    out += "\r\n";
}

inline void ics_line(std::string& out, std::string_view name, std::string_view value) {
    std::string l;
    l.reserve(name.size() + 1 + value.size());
    l.append(name.data(), name.size());
    l += ':';
    l.append(value.data(), value.size());
    ics_line(out, l);
}

} // namespace echeance::detail
