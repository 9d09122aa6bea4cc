// Names and texts shared by the renderers of replay results (explanation, JSON, text): internal.
#pragma once

#include "detail/count.hpp"
#include "echeance/engine.hpp"

#include <algorithm>
#include <date/date.h>
#include <fmt/format.h>
#include <string>
#include <string_view>
#include <vector>

namespace echeance::detail {

// 2022-05-27T21:59:59Z (what date::format("%Y-%m-%dT%H:%M:%SZ") writes, without a stream),
// into 20 chars.
inline void utc_to(date::sys_seconds t, char* out) noexcept {
    auto day = date::floor<date::days>(t);
    auto s = (t - day).count();
    format_date(year_month_day(day), out);
    auto two = [&](std::size_t at, long long v) {
        out[at] = char('0' + v / 10);
        out[at + 1] = char('0' + v % 10);
    };
    out[10] = 'T';
    two(11, s / 3600);
    out[13] = ':';
    two(14, s / 60 % 60);
    out[16] = ':';
    two(17, s % 60);
    out[19] = 'Z';
}

inline std::string utc(date::sys_seconds t) {
    std::string out(20, ' ');
    utc_to(t, out.data());
    return out;
}

inline const std::string& vid(const ruleset& rules, version_id v) {
    return rules.name(v);
}

inline const std::vector<interpretation>& readings_of(const ruleset& rules,
                                                      const contested_count& c) {
    return rules.readings(c.rule);
}

inline const std::string& rule_id(const ruleset& rules, const contested_count& c) {
    return rules.name(c.rule);
}

inline std::string reading_id(const std::vector<interpretation>& rs, std::uint8_t r) {
    return r < rs.size() ? rs[r].id : std::string();
}

// A byte printable() leaves as it is: not a control character.
inline bool shown_as_is(char c) noexcept {
    auto u = static_cast<unsigned char>(c);
    return u >= 0x20 && u != 0x7F;
}
// Whether printable(s) is s itself: a caller on a hot path then uses s without a copy.
inline bool is_printable(std::string_view s) noexcept {
    bool all = true;
    for (char c : s) all &= shown_as_is(c); // one pass, no branch: ids are short
    return all;
}
// Input echoed in output: control characters shown as \xNN, so that a history line can never
// forge a line of the report.
inline std::string printable(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (shown_as_is(c))
            out += c;
        else
            out += fmt::format("\\x{:02X}", unsigned(static_cast<unsigned char>(c)));
    }
    return out;
}

// The history event of an input line: a binary search, as lines increase in input order (a
// history built otherwise, with lines out of order, is scanned).
inline const history_event* event_of_line(const history& h, std::uint32_t line) {
    auto it = std::lower_bound(h.events.begin(), h.events.end(), line,
                               [](const history_event& e, std::uint32_t l) { return e.line < l; });
    if (it != h.events.end() && it->line == line &&
        (it == h.events.begin() || (it - 1)->line < line))
        return &*it;
    for (const auto& e : h.events)
        if (e.line == line) return &e;
    return nullptr;
}

inline std::string event_text(const ruleset& rules, const history& h, event_id ev,
                              std::uint32_t line, bool role) {
    if (const history_event* e = event_of_line(h, line)) {
        if (role) {
            if (e->role != no_index) return rules.roles[e->role].id;
            return e->role_text < h.texts.size() ? printable(h.texts[e->role_text])
                                                 : std::string("?");
        }
        if (e->event != no_index) return rules.events[e->event].id;
        return e->event_text < h.texts.size() ? printable(h.texts[e->event_text])
                                              : std::string("?");
    }
    return ev != no_index ? rules.events[ev].id : std::string("?");
}

inline std::string territory_of(const calendar& cal, const history& h) {
    return h.events.empty() ? std::string() : cal.id(h.events.back().where);
}

// The rule declares that neither reading favours the holder ("most_protective": "neither").
inline bool neither_protective(const ruleset& rules, const contested_count& c) {
    return rules.most_protective(c.rule) == protective::neither;
}

} // namespace echeance::detail
