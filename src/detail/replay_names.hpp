// Names and texts shared by the renderers of replay results (explanation, JSON, text): internal.
#pragma once

#include "detail/count.hpp"
#include "echeance/engine.hpp"

#include <date/date.h>
#include <fmt/format.h>
#include <string>
#include <string_view>
#include <vector>

namespace echeance::detail {

inline std::string utc(date::sys_seconds t) {
    return date::format("%Y-%m-%dT%H:%M:%SZ", t);
}

inline const std::string& vid(const ruleset& rules, rule_index v) {
    static const std::string none;
    return v < rules.versions.size() ? rules.versions[v].id : none;
}

inline const std::vector<interpretation>& readings_of(const ruleset& rules,
                                                      const contested_count& c) {
    switch (c.what) {
    case contested_count::kind::window:
        return rules.windows[c.rule].readings;
    case contested_count::kind::timer:
        return rules.timers[c.rule].readings;
    case contested_count::kind::obligation:
        return rules.obligations[c.rule].readings;
    case contested_count::kind::retention:
        return rules.retentions[c.rule].readings;
    }
    return rules.windows[c.rule].readings;
}

inline const std::string& rule_id(const ruleset& rules, const contested_count& c) {
    switch (c.what) {
    case contested_count::kind::window:
        return rules.windows[c.rule].id;
    case contested_count::kind::timer:
        return rules.timers[c.rule].id;
    case contested_count::kind::obligation:
        return rules.obligations[c.rule].id;
    case contested_count::kind::retention:
        return rules.retentions[c.rule].id;
    }
    return rules.windows[c.rule].id;
}

inline std::string reading_id(const std::vector<interpretation>& rs, std::uint8_t r) {
    return r < rs.size() ? rs[r].id : std::string();
}

// Input echoed in output: control characters shown as \xNN, so that a history line can never
// forge a line of the report.
inline std::string printable(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F)
            out += fmt::format("\\x{:02X}", unsigned(u));
        else
            out += c;
    }
    return out;
}

inline std::string event_text(const ruleset& rules, const history& h, rule_index ev,
                              std::uint32_t line, bool role) {
    for (const auto& e : h.events)
        if (e.line == line) {
            if (role) {
                if (e.role != no_index) return rules.roles[e.role].id;
                return e.role_text < h.texts.size() ? printable(h.texts[e.role_text])
                                                    : std::string("?");
            }
            if (e.event != no_index) return rules.events[e.event].id;
            return e.event_text < h.texts.size() ? printable(h.texts[e.event_text])
                                                 : std::string("?");
        }
    return ev != no_index ? rules.events[ev].id : std::string("?");
}

inline std::string territory_of(const calendar& cal, const history& h) {
    return h.events.empty() ? std::string() : cal.id(h.events.back().where);
}

// The rule declares that neither reading favours the holder ("most_protective": "neither").
inline bool neither_protective(const ruleset& rules, const contested_count& c) {
    return detail::protective_of(rules, c.what, c.rule) == protective::neither;
}

} // namespace echeance::detail
