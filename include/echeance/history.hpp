// One person's history of events, and the parsers that build histories from JSON Lines or CSV.
// Names (events, roles, territories) are resolved to indexes here, once, so that a replay never
// looks up a string.
#pragma once

#include "echeance/calendar.hpp"
#include "echeance/date.hpp"
#include "echeance/error.hpp"
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

    rule_index event = no_index; // no_index: unknown event, its text in history::texts[event_text]
    rule_index role = no_index;  // no_index: unknown role, its text in history::texts[role_text]
    year_month_day day;          // local day in the territory of the person
    std::int32_t time = -1;      // seconds after local midnight; -1 when not given
    std::int64_t seq = -1;       // explicit same-day order; -1 when not given
    territory where;             // the person's territory for this event
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

// A NIR (French social security number: 13 characters, digits or 2A/2B for Corsica at the
// department position, optionally followed by the 2-digit key; spaces ignored).
bool looks_like_nir(std::string_view id) noexcept;
// The id to print: unchanged, or "NIR-masked-<n>" (n: order of first appearance of that NIR
// in the input, from 1) when it looks like a NIR. Never prints a NIR in clear.
std::string mask_person(std::string_view id, std::size_t nir_number);
// The text with every run that looks like a NIR (13 or more digits, 2A/2B, single spaces, dots
// or dashes between them) replaced by "NIR-masked": for messages that echo input.
std::string redact_nirs(std::string_view text);

struct history_file {
    std::vector<history> persons;       // in order of first appearance
    std::vector<std::string> shown_ids; // person ids to print (masked when a NIR), same order
    std::vector<error> errors;          // one per bad line: file:line:col, in input order
    std::size_t lines = 0;              // lines read (comments and blank lines included)
};

// Streaming parser of history lines. JSON Lines: one object per line with "person", "at",
// "event", "role", and optional "time", "seq", "territory", "channel", "data", and the person
// facts "born" and "department". CSV: a header line naming the same columns (any order;
// "person", "at", "event", "role" required), then one event per line ("data" is text). Blank
// lines and lines starting with '#' are skipped. A bad line is an error ("echeance.history.*",
// or "echeance.date.*" for a bad "born") with file:line:col; the next lines go on.
// The territory of a line: its "territory", else the person's last explicit one, else the one
// of the person's department when known (57, 67, 68, 971-974, 976, 977 FR-BL, 978 FR-MF), else
// the rule set's default. Lines read before the department was known keep their territory.
class history_parser {
public:
    enum class format { jsonl, csv, detect };

    history_parser(const ruleset& rules, const calendar& cal, std::string file_name,
                   format f = format::detect);
    ~history_parser();
    history_parser(const history_parser&) = delete;
    history_parser& operator=(const history_parser&) = delete;

    void add_line(std::string_view line, std::size_t line_no);
    history_file finish();

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

// The whole text at once (lines split on '\n', "\r\n" accepted).
history_file parse_history(std::string_view text, const ruleset& rules, const calendar& cal,
                           const std::string& file_name,
                           history_parser::format f = history_parser::format::detect);

} // namespace echeance
