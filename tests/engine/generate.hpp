// Generated persons and histories for the engine's property tests and benchmark: a small
// deterministic generator (splitmix64), so the same seed gives the same histories everywhere.
#pragma once

#include <cstdint>
#include <echeance/calendar.hpp>
#include <echeance/date.hpp>
#include <echeance/engine.hpp>
#include <echeance/history.hpp>
#include <echeance/ruleset.hpp>
#include <string>
#include <vector>

namespace echeance::testing {

struct rng {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::uint32_t below(std::uint32_t n) { return std::uint32_t(next() % n); }
};

struct gen_line {
    std::string person;
    year_month_day day;
    std::string event, role, territory;
    int seq = -1;
    std::string born, department; // person facts, on the first line only (empty: none)
};

// Plausible acts of the Mon espace santé rule set, with a few wrong ones mixed in.
inline const std::vector<std::pair<const char*, const char*>>& mes_acts() {
    static const std::vector<std::pair<const char*, const char*>> acts = {
        {"information_sent", "cnam"},
        {"information_sent", "cnam"},
        {"information_received", "holder"},
        {"opposition", "holder"},
        {"opposition", "representative"},
        {"creation_request", "holder"},
        {"activation", "holder"},
        {"provisional_code_issued", "holder"},
        {"closure", "holder"},
        {"closure_request", "holder"},
        {"closure", "operator"},
        {"deletion_request", "holder"},
        {"data_deleted", "operator"},
        {"reopening", "holder"},
        {"suspension", "cnam"},
        {"suspension_opposition", "holder"},
        {"suspension_lifted", "cnam"},
        {"death", "cnam"},
        {"item_deleted", "holder"},
        {"dmp_kept", "cnam"},
        {"representation_ended", "holder"},
        {"representation_ended", "representative"},
        {"protection_started", "cnam"},
        {"suspension_information_sent", "cnam"},
        {"suspension_information_sent", "cnam"},
        {"deletion_request", "representative"},
        {"closure", "representative"},
        {"activation", "representative"},
        {"confidential_care_hidden", "holder"},
        {"opposition", "cnam"},
        {"automatic_creation", "system"},
        {"no_such_event", "holder"},
        {"closure", "nobody"},
    };
    return acts;
}

// One person's history: `n` events over a few years from 2021-07 (some before the rules),
// gaps of 0 to ~500 days, sometimes a step back in time (out of order), some same-day pairs.
inline std::vector<gen_line> generate_person(rng& r, const std::string& person, int n) {
    static const char* territories[] = {"FR", "FR", "FR", "FR-971", "FR-974", "FR-57", "FR-MF"};
    std::vector<gen_line> out;
    std::string where = territories[r.below(7)];
    sys_days day = sys_days(year_month_day(date::year(2021), date::month(7), date::day(1))) +
                   date::days(r.below(400));
    const auto& acts = mes_acts();
    for (int i = 0; i < n; ++i) {
        std::uint32_t gap = r.below(10);
        if (gap < 2) {
            // same day
        } else if (gap < 7) {
            day += date::days(1 + r.below(60));
        } else if (gap < 9) {
            day += date::days(30 + r.below(500));
        } else {
            day -= date::days(r.below(20)); // may go back: out of order
        }
        auto a = acts[r.below(std::uint32_t(acts.size()))];
        gen_line l;
        l.person = person;
        l.day = year_month_day(day);
        l.event = a.first;
        l.role = a.second;
        l.territory = where;
        if (r.below(4) == 0) l.seq = int(r.below(5));
        out.push_back(l);
    }
    if (!out.empty()) {
        static const char* departments[] = {"", "31", "44", "80", "75", "60", "971", "57", "2A"};
        out.front().department = departments[r.below(9)];
        if (r.below(2) == 0) {
            sys_days b = sys_days(year_month_day(date::year(1990), date::month(1), date::day(1))) +
                         date::days(r.below(365 * 26));
            out.front().born = format_date(year_month_day(b));
        }
    }
    return out;
}

// One line of `person` in FR (seq -1: none), for histories built by hand.
inline gen_line make_line(const std::string& person, year_month_day day, const char* event,
                          const char* role, int seq = -1) {
    gen_line l;
    l.person = person;
    l.day = day;
    l.event = event;
    l.role = role;
    l.territory = "FR";
    l.seq = seq;
    return l;
}

inline std::string to_jsonl(const gen_line& l) {
    std::string s = "{\"person\":\"" + l.person + "\",\"at\":\"" + format_date(l.day) +
                    "\",\"event\":\"" + l.event + "\",\"role\":\"" + l.role +
                    "\",\"territory\":\"" + l.territory + "\"";
    if (l.seq >= 0) s += ",\"seq\":" + std::to_string(l.seq);
    if (!l.born.empty()) s += ",\"born\":\"" + l.born + "\"";
    if (!l.department.empty()) s += ",\"department\":\"" + l.department + "\"";
    return s + "}";
}

// Direct construction (no text parsing), for benchmarks.
inline history to_history(const ruleset& rules, const calendar& cal,
                          const std::vector<gen_line>& lines) {
    history h;
    if (!lines.empty()) {
        h.person = lines.front().person;
        if (!lines.front().born.empty()) h.born = parse_date(lines.front().born);
        h.department = lines.front().department;
    }
    std::uint32_t no = 0;
    for (const auto& l : lines) {
        history_event e;
        e.event = rules.find_event(l.event);
        e.role = rules.find_role(l.role);
        if (e.event == no_index) {
            e.event_text = std::uint16_t(h.texts.size());
            h.texts.push_back(l.event);
        }
        if (e.role == no_index) {
            e.role_text = std::uint16_t(h.texts.size());
            h.texts.push_back(l.role);
        }
        e.day = l.day;
        e.seq = l.seq;
        e.where = cal.find(l.territory);
        e.line = ++no;
        h.events.push_back(e);
    }
    return h;
}

// `persons` generated persons (seed 20261204) replayed at dates where windows, obligations,
// timers and purges are each pending: f(person number, as_of text, history, result).
template <class F>
void for_each_generated_replay(const ruleset& rules, const calendar& cal, int persons, F&& f) {
    for (const char* as_of : {"2022-03-01", "2023-06-30", "2031-01-01", "2041-06-01"}) {
        replay_options options(parse_date(as_of));
        rng r{20261204};
        for (int i = 0; i < persons; ++i) {
            history h = to_history(rules, cal, generate_person(r, "p", 1 + int(r.below(12))));
            replay_result result;
            replay(rules, cal, h, options, result);
            f(i, as_of, static_cast<const history&>(h), static_cast<const replay_result&>(result));
        }
    }
}

} // namespace echeance::testing
