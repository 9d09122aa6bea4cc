// A person's history from names and facts: the same resolution as the history readers (names to
// ids, unknown names kept for rejections, the territory of each event), without a text format.
#include "echeance/history_builder.hpp"

#include "detail/department.hpp"
#include "echeance/io/nir.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace echeance {

namespace {

// A text echoed in messages: never a NIR in clear (as the readers keep it).
std::string safe_text(std::string_view s) {
    if (looks_like_nir(s)) return "NIR-masked";
    return redact_nirs(s.substr(0, 80));
}

error bad(const char* id, std::string message, const char* field) {
    return error(id, redact_nirs(message), location{"", 0, 0, field});
}

} // namespace

history_builder::history_builder(const ruleset& rules, const calendar& cal, std::string person)
    : rules_(rules), cal_(cal) {
    auto t = cal_.try_find(rules_.defaults.territory.empty() ? "FR" : rules_.defaults.territory);
    default_where_ = t ? *t : cal_.default_territory();
    // One NIR written with or without spaces, dots or dashes is one person.
    if (looks_like_nir(person))
        person.erase(std::remove_if(person.begin(), person.end(),
                                    [](char c) { return c == ' ' || c == '.' || c == '-'; }),
                     person.end());
    h_.person = std::move(person);
}

history_builder& history_builder::born(year_month_day day) {
    require_in_range(day, "date of birth"); // echeance.date.out_of_range, as the readers say
    if (h_.born && *h_.born != day)
        throw bad("echeance.history.conflicting_fact",
                  fmt::format("\"born\" is {} but {} here (a person has one date of birth)",
                              format_date(*h_.born), format_date(day)),
                  "born");
    h_.born = day;
    return *this;
}

history_builder& history_builder::department(std::string_view code) {
    if (!detail::valid_department(code))
        throw bad("echeance.history.department",
                  fmt::format("invalid department \"{}\" (expected an INSEE department code: "
                              "01 to 95 except 20, 2A, 2B, or 971 to 978){}",
                              safe_text(code),
                              code == "20" ? "; Corsica is 2A or 2B since 1976" : ""),
                  "department");
    if (!h_.department.empty() && h_.department != code)
        throw bad("echeance.history.conflicting_fact",
                  fmt::format("\"department\" is {} but {} here (a person has one department)",
                              h_.department, code),
                  "department");
    h_.department = std::string(code);
    return *this;
}

std::uint16_t history_builder::keep(std::string_view text) {
    if (h_.texts.size() >= history_event::no_text) return history_event::no_text;
    h_.texts.push_back(safe_text(text));
    return std::uint16_t(h_.texts.size() - 1);
}

history_builder& history_builder::add(std::string_view event, std::string_view role,
                                      year_month_day day, const event_facts& facts) {
    require_in_range(day, "day of the event");
    if (facts.time < -1 || facts.time >= 86400)
        throw bad("echeance.history.time",
                  fmt::format("invalid time {} (expected seconds after local midnight, 0 to "
                              "86399, or -1)",
                              facts.time),
                  "time");
    if (facts.seq < -1)
        throw bad("echeance.history.seq", "\"seq\" must be a non-negative integer", "seq");
    const std::uint32_t previous = h_.events.empty() ? 0 : h_.events.back().line;
    if (facts.line != 0 && facts.line <= previous)
        throw bad("echeance.history.line",
                  fmt::format("source line {} is not after the previous event's ({}): lines "
                              "order the events and must increase",
                              facts.line, previous),
                  "line");
    if (facts.line == 0 && previous == UINT32_MAX)
        throw bad("echeance.history.line", "too many events for one person", "line");

    territory where = default_where_;
    if (where_given_) {
        where = last_where_;
    } else {
        for (std::string_view id : detail::territories_of_department(h_.department))
            if (auto t = cal_.try_find(id)) {
                where = *t;
                break;
            }
    }
    if (!facts.territory.empty()) {
        auto t = cal_.try_find(facts.territory);
        if (!t)
            throw bad("echeance.history.territory",
                      fmt::format("unknown territory \"{}\" (expected an id of the calendar, e.g. "
                                  "FR, FR-971)",
                                  safe_text(facts.territory)),
                      "territory");
        where = *t;
        where_given_ = true;
        last_where_ = where;
    }

    history_event e;
    e.event = rules_.find_event(event);
    e.role = rules_.find_role(role);
    e.day = day;
    e.time = facts.time;
    e.seq = facts.seq;
    e.where = where;
    e.via = facts.via;
    e.line = facts.line != 0 ? facts.line : previous + 1;
    if (e.event == no_index) e.event_text = keep(event);
    if (e.role == no_index) e.role_text = keep(role);
    h_.events.push_back(e);
    return *this;
}

history history_builder::finish() {
    history out = std::move(h_);
    h_ = history{};
    h_.person = out.person;
    where_given_ = false;
    return out;
}

} // namespace echeance
