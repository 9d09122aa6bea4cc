// One person's history of events, as the engine reads it: names resolved to indexes once, so that
// a replay never looks up a string. The readers of JSON Lines and CSV are in
// echeance/io/history.hpp.
#pragma once

#include "echeance/calendar.hpp"
#include "echeance/date.hpp"
#include "echeance/ruleset.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace echeance {

// How an act reached the operator. Recorded, never used to decide (rule 3: the channel does not
// change the law).
enum class channel : std::uint8_t { none, web, phone, post, office, email, other };
std::string_view to_string(channel c) noexcept;

struct history_event {
    static constexpr std::uint16_t no_text = 0xFFFF;

    event_id event = no_index; // no_index: unknown event, its text in history::texts[event_text]
    role_id role = no_index;   // no_index: unknown role, its text in history::texts[role_text]
    year_month_day day;        // local day in the territory of the person
    std::int32_t time = -1;    // seconds after local midnight; -1 when not given
    std::int64_t seq = -1;     // explicit same-day order; -1 when not given
    territory where;           // the person's territory for this event
    channel via = channel::none;
    std::uint32_t line = 0; // 1-based line in the input (also the input order of the event)
    std::uint16_t event_text = no_text;
    std::uint16_t role_text = no_text;
};

// One person: events in input order.
struct history {
    std::string person;                // as given; see mask_person() before printing it
    std::vector<history_event> events; // input order
    std::vector<std::string> texts;    // unknown names quoted in rejections
    // Facts of the person (optional keys "born" and "department" on any of their lines; a
    // later line may repeat a fact, not change it: echeance.history.conflicting_fact).
    std::optional<year_month_day> born; // date of birth, when known
    std::string department;             // INSEE code of the fund's department ("31", "2A",
                                        // "971"); empty when unknown. Lines without
                                        // "territory" take its territory (docs/replay.md)
};

} // namespace echeance
