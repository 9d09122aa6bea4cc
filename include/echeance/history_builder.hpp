// Builds one person's history from names and facts (for backends that read their events from a
// database): names in, indexes out, with no line numbers to invent. A built history replays
// exactly like the same events parsed from JSON Lines (echeance/io/history.hpp).
#pragma once

#include "echeance/calendar.hpp"
#include "echeance/date.hpp"
#include "echeance/history.hpp"
#include "echeance/ruleset.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace echeance {

// What an event may say besides its name, role and day; every field is optional.
struct event_facts {
    std::int32_t time = -1;      // seconds after local midnight (0 to 86399); -1: not given
    std::int64_t seq = -1;       // explicit same-day order (0 or more); -1: not given
    std::string_view territory;  // a calendar id ("FR-57"); empty: the person's (see add())
    channel via = channel::none; // recorded, never used to decide
    // Where the event came from (e.g. a row number), for messages only: strictly increasing
    // when given. 0: the next order number (one more than the previous event's).
    std::uint32_t line = 0;
};

// history_builder b(rules, cal, "person-id");
// b.born(day).department("57");
// b.add("information_sent", "cnam", day, {time, seq, "FR-57", channel::post});
// history h = b.finish();
//
// Errors are echeance::error with the parser's ids: echeance.history.department (not an INSEE
// code), echeance.history.conflicting_fact (a second, different birth day or department),
// echeance.history.territory (not in the calendar), echeance.history.time,
// echeance.history.seq and echeance.history.line (out of range or not increasing). An unknown
// event or role is not an error here, as in the parser: its name is kept (NIR masked) and the
// replay rejects the event (echeance.replay.unknown_event, echeance.replay.unknown_role).
class history_builder {
public:
    history_builder(const ruleset& rules, const calendar& cal, std::string person);

    history_builder& born(year_month_day day);
    history_builder& department(std::string_view insee_code);
    // Appends an event, in input order. Its territory: `facts.territory`, else the last one
    // given for this person, else the one of the person's department (when set before this
    // event), else the rule set's default.
    history_builder& add(std::string_view event, std::string_view role, year_month_day day,
                         const event_facts& facts = {});

    // The history built so far (its events in input order).
    const history& current() const noexcept { return h_; }
    // Hands the history over; the builder starts again, empty, for the same person.
    history finish();

private:
    std::uint16_t keep(std::string_view text);

    const ruleset& rules_;
    const calendar& cal_;
    history h_;
    territory default_where_;
    territory last_where_;
    bool where_given_ = false;
};

} // namespace echeance
