// Histories from JSON Lines or CSV: names resolved to indexes once, bad lines reported with
// file:line:col and skipped.
#include "echeance/io/history.hpp"

#include "detail/department.hpp"
#include "detail/history_columns.hpp"
#include "detail/json_compact.hpp"
#include "detail/json_line.hpp"
#include "detail/jsonc.hpp"
#include "detail/name_index.hpp"
#include "detail/names.hpp"
#include "detail/person_id.hpp"
#include "detail/person_index.hpp"
#include "detail/plain_date.hpp"
#include "detail/same_text.hpp"
#include "echeance/io/nir.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstring>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace echeance {

using detail::territories_of_department;
using detail::valid_department;

namespace {

std::string quoted_safe(std::string_view s) {
    if (looks_like_nir(s)) return "NIR-masked";
    return redact_nirs(s.substr(0, 80));
}

// Two decimal digits at `at` (unsigned from_chars: no sign, no overflow).
bool two_digits(std::string_view s, std::size_t at, int& v) {
    if (at + 2 > s.size()) return false;
    unsigned u = 0;
    auto r = std::from_chars(s.data() + at, s.data() + at + 2, u);
    if (r.ec != std::errc() || r.ptr != s.data() + at + 2) return false;
    v = int(u);
    return true;
}

// A "seq": decimal digits, at most INT64_MAX. Returns the problem, empty when `out` is set.
std::string_view seq_problem(std::string_view s, std::int64_t& out) {
    bool digits =
        !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) return "\"seq\" must be a non-negative integer";
    auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    if (r.ec == std::errc::result_out_of_range)
        return "\"seq\" is out of range (a non-negative integer below 2^63)";
    if (r.ec != std::errc() || r.ptr != s.data() + s.size())
        return "\"seq\" must be a non-negative integer";
    return {};
}

// Checks the syntax of a JSON line without building it, with nlohmann's messages (as before).
struct syntax_check final : nlohmann::json_sax<nlohmann::json> {
    std::string message;
    std::size_t byte = 0;
    bool overflow = false; // a number beyond double: valid JSON, left to the positioned reader

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& e) override {
        overflow = e.id == 406; // out_of_range.406, "number overflow"
        byte = position;
        message = e.what();
        return false;
    }
};

// The 1-based column where a value's text starts (after the quote of a string), as before.
std::size_t value_column(const detail::jsonc::value& v) {
    return v.at.column + (v.is_string() ? 1 : 0);
}

// "HH:MM" or "HH:MM:SS" -> seconds after midnight; throws echeance.history.time.
std::int32_t parse_time(std::string_view s) {
    int h = 0, m = 0, sec = 0;
    bool ok = (s.size() == 5 || s.size() == 8) && two_digits(s, 0, h) && s[2] == ':' &&
              two_digits(s, 3, m);
    if (ok && s.size() == 8) ok = s[5] == ':' && two_digits(s, 6, sec);
    if (!ok || h > 23 || m > 59 || sec > 59)
        throw error("echeance.history.time",
                    fmt::format("invalid time \"{}\" (expected HH:MM or HH:MM:SS, local time)",
                                quoted_safe(s)),
                    location{"", 0, 1, ""});
    return h * 3600 + m * 60 + sec;
}

struct instant {
    year_month_day day;
    std::int32_t time = -1;
};

// parse_at but for the usual valid day (not inlined: its frame, for the messages, cost more
// than reading the day).
[[gnu::noinline]] instant parse_at_checked(std::string_view s, const calendar& cal,
                                           territory where) {
    instant r;
    if (s.size() <= 10) {
        r.day = parse_date(s);
        return r;
    }
    auto bad = [&](std::size_t col) {
        return error("echeance.history.at",
                     fmt::format("invalid instant \"{}\" (expected YYYY-MM-DD or RFC 3339 "
                                 "YYYY-MM-DDTHH:MM:SS with Z or an offset)",
                                 quoted_safe(s)),
                     location{"", 0, col, ""});
    };
    // A NIR pasted into the date must not be echoed in part by parse_date's message.
    if (redact_nirs(s) != s) throw bad(1);
    r.day = parse_date(s.substr(0, 10));
    if (s[10] != 'T' && s[10] != 't') throw bad(11);
    std::size_t p = 11;
    int h = 0, m = 0, sec = 0;
    if (!two_digits(s, p, h) || p + 2 >= s.size() || s[p + 2] != ':' || !two_digits(s, p + 3, m) ||
        p + 5 >= s.size() || s[p + 5] != ':' || !two_digits(s, p + 6, sec) || h > 23 || m > 59 ||
        sec > 60)
        throw bad(p + 1);
    p += 8;
    if (p < s.size() && s[p] == '.') {
        ++p;
        std::size_t q = p;
        while (p < s.size() && std::isdigit((unsigned char)s[p])) ++p;
        if (p == q) throw bad(q + 1);
    }
    if (p >= s.size()) throw bad(p + 1);
    int off = 0;
    if (s[p] == 'Z' || s[p] == 'z') {
        ++p;
    } else if (s[p] == '+' || s[p] == '-') {
        int oh = 0, om = 0;
        if (!two_digits(s, p + 1, oh) || p + 3 >= s.size() || s[p + 3] != ':' ||
            !two_digits(s, p + 4, om) || oh > 23 || om > 59)
            throw bad(p + 1);
        off = (oh * 3600 + om * 60) * (s[p] == '-' ? -1 : 1);
        p += 6;
    } else {
        throw bad(p + 1);
    }
    if (p != s.size()) throw bad(p + 1);
    if (sec == 60) sec = 59; // a leap second stays within its minute
    date::sys_seconds utc = date::sys_seconds(sys_days(r.day).time_since_epoch()) +
                            std::chrono::seconds(h * 3600 + m * 60 + sec - off);
    // UTC -> local time of the territory (two steps settle the offset around a change).
    auto local_of = [&](std::chrono::seconds o) {
        return date::local_seconds((utc + o).time_since_epoch());
    };
    std::chrono::seconds o = cal.utc_offset(where, local_of(std::chrono::seconds(0)));
    o = cal.utc_offset(where, local_of(o));
    date::local_seconds local = local_of(o);
    auto ld = date::floor<date::days>(local);
    r.day = year_month_day(sys_days(ld.time_since_epoch()));
    require_in_range(r.day, "at");
    r.time = std::int32_t((local - ld).count());
    return r;
}

// "YYYY-MM-DD" or RFC 3339 "YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)", converted to the
// local day and time of the territory.
inline instant parse_at(std::string_view s, const calendar& cal, territory where) {
    instant r;
    if (detail::plain_date(s, r.day)) return r;
    return parse_at_checked(s, cal, where);
}

// Splits one CSV line (RFC 4180 quoting); fields with their 1-based columns.
bool split_csv(std::string_view line, std::vector<std::string>& fields,
               std::vector<std::size_t>& cols, std::size_t& bad_col) {
    fields.clear();
    cols.clear();
    std::size_t i = 0;
    for (;;) {
        cols.push_back(i + 1);
        std::string f;
        if (i < line.size() && line[i] == '"') {
            ++i;
            for (;;) {
                if (i >= line.size()) {
                    bad_col = cols.back();
                    return false;
                }
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        f += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                f += line[i++];
            }
            if (i < line.size() && line[i] != ',') {
                bad_col = i + 1;
                return false;
            }
        } else {
            while (i < line.size() && line[i] != ',') f += line[i++];
        }
        fields.push_back(std::move(f));
        if (i >= line.size()) return true;
        ++i; // ','
    }
}

} // namespace

using detail::normalized_person;
using namespace detail::columns;

struct history_parser::impl {
    const ruleset& rules;
    const calendar& cal;
    std::string file;
    format fmt_;
    history_file out;
    detail::person_index persons; // into out.persons
    std::string_view id_of(std::uint32_t i) const { return out.persons[i].person; }
    std::vector<territory> person_where; // last explicit "territory" of each person
    // Per person: whether a line gave "territory", and the lines that first gave each fact.
    struct facts_seen {
        bool where_given = false;
        std::size_t born_line = 0;
        std::size_t department_line = 0;
    };
    std::vector<facts_seen> person_facts;
    std::size_t nirs = 0;
    territory default_where;
    detail::name_index<event_id> event_names{rules.events};
    detail::name_index<role_id> role_names{rules.roles};
    // Consecutive lines of one person are the rule: the last person is remembered so that their
    // lines skip the normalisation and the lookup.
    std::string last_raw_person;
    std::uint32_t last_person = no_person;
    // The last territory ids met, looked up once: persons in turn name a few of them (a memo of
    // the last alone missed at each person's first line, 1.3% of a sweep in calendar lookups).
    // The index as a plain number, not an optional<territory>: its value and its flag, stored
    // apart and read back as one word, stalled every line (11% of add() in perf annotate).
    static constexpr std::int32_t no_territory = -1;
    struct territory_seen {
        std::string text;
        std::int32_t found = no_territory; // a territory's index, or no_territory
    };
    territory_seen territories_seen[8];
    std::size_t territories_count = 0;
    std::int32_t find_territory(std::string_view text) {
        const std::size_t n = std::min<std::size_t>(territories_count, 8);
        for (std::size_t i = 0; i < n; ++i)
            if (detail::same_text(territories_seen[i].text, text)) return territories_seen[i].found;
        territory_seen& slot = territories_seen[territories_count++ % 8];
        slot.text.assign(text.data(), text.size());
        auto t = cal.try_find(text);
        slot.found = t ? std::int32_t(t->index()) : no_territory;
        return slot.found;
    }
    // The unknown names of the person `texts_person` (the last that had one), to their index.
    std::unordered_map<std::string, std::uint16_t> text_index;
    std::uint32_t texts_person = no_person;
    static constexpr std::size_t linear_texts = 16;
    detail::key_memo key_memo;   // the keys of the last JSON lines, for scan_compact_object
    std::size_t events_read = 0; // events kept, for the room a new person gets
    std::vector<std::vector<history_event>> spare_events; // recycle(): empty, with their room
    std::vector<std::vector<std::string>> spare_texts;    // the same for the unknown names
    static constexpr std::uint32_t no_person = 0xFFFFFFFF;
    // CSV
    bool have_header = false;
    bool header_bad = false;
    std::size_t header_n = 0;
    std::array<int, c_count> col_of{};
    std::vector<std::string> fields;
    std::vector<std::size_t> cols;

    impl(const ruleset& r, const calendar& c, std::string f, format fm)
        : rules(r), cal(c), file(std::move(f)), fmt_(fm) {
        auto t = cal.try_find(rules.defaults.territory.empty() ? "FR" : rules.defaults.territory);
        default_where = t ? *t : cal.default_territory();
    }

    // Every message goes through redact_nirs: a NIR is never printed, whatever field it was in.
    void fail(std::size_t line, std::size_t col, std::string id, std::string message) {
        out.errors.emplace_back(std::move(id), redact_nirs(message), location{file, line, col, ""});
    }
    void fail(const error& e, std::size_t line, std::size_t col) {
        error placed = e.placed(file, line, col);
        out.errors.emplace_back(placed.id(), redact_nirs(placed.message()), placed.where());
    }

    // v[c] and col[c] are read only when has[c]: clear() resets has and seq alone.
    struct fields_in {
        std::string_view v[c_count];
        bool has[c_count] = {};
        std::size_t col[c_count] = {};
        std::int64_t seq = -1;
        void clear() {
            std::fill(std::begin(has), std::end(has), false);
            seq = -1;
        }
    };
    // The fields of the line being read by the fast path, kept: a fresh one on each line was
    // zeroed whole (rep stos of 288 bytes, the hottest instruction of add_json in perf).
    fields_in line_fields;

    // Common to both formats: checks and resolves one event.
    void add(const fields_in& f, std::size_t line_no) {
        for (int c : {c_person, c_at, c_event, c_role})
            if (!f.has[c] || f.v[c].empty()) {
                fail(line_no, f.has[c] ? f.col[c] : 1, "echeance.history.missing",
                     fmt::format("missing \"{}\" (each line needs person, at, event and role)",
                                 column_names[c]));
                return;
            }
        std::string person;
        std::size_t person_hash = 0;
        std::uint32_t found = no_person;
        if (last_person != no_person && detail::same_text(f.v[c_person], last_raw_person)) {
            found = last_person;
        } else {
            person = normalized_person(f.v[c_person]);
            person_hash = detail::person_index::hash(person);
            found = persons.find(person, person_hash, [this](std::uint32_t i) { return id_of(i); });
        }
        const history* known = found != no_person ? &out.persons[found] : nullptr;
        const facts_seen* seen = known ? &person_facts[found] : nullptr;
        // Facts of the person: checked first, kept only when the whole line is accepted.
        std::optional<year_month_day> born;
        if (f.has[c_born] && !f.v[c_born].empty()) {
            try {
                born = parse_date(f.v[c_born]);
            } catch (const error& x) {
                fail(x, line_no, f.col[c_born]);
                return;
            }
            if (known && known->born && *known->born != *born) {
                fail(line_no, f.col[c_born], "echeance.history.conflicting_fact",
                     fmt::format("\"born\" is {} on line {} but {} here (a person has one date "
                                 "of birth)",
                                 format_date(*known->born), seen->born_line, format_date(*born)));
                return;
            }
        }
        std::string_view department;
        if (f.has[c_department] && !f.v[c_department].empty()) {
            department = f.v[c_department];
            if (!valid_department(department)) {
                fail(line_no, f.col[c_department], "echeance.history.department",
                     fmt::format("invalid department \"{}\" (expected an INSEE department code: "
                                 "01 to 95 except 20, 2A, 2B, or 971 to 978){}",
                                 quoted_safe(department),
                                 department == "20" ? "; Corsica is 2A or 2B since 1976" : ""));
                return;
            }
            if (known && !known->department.empty() && known->department != department) {
                fail(line_no, f.col[c_department], "echeance.history.conflicting_fact",
                     fmt::format("\"department\" is {} on line {} but {} here (a person has one "
                                 "fund)",
                                 known->department, seen->department_line, department));
                return;
            }
        }
        // The territory: the line's, else the person's last explicit one, else the department's
        // (this line's or an earlier one's), else the rule set's default.
        territory where = default_where;
        if (seen && seen->where_given) {
            where = person_where[found];
        } else {
            std::string_view known_department =
                department.empty() && known ? std::string_view(known->department) : department;
            for (std::string_view id : territories_of_department(known_department))
                if (std::int32_t t = find_territory(id); t != no_territory) {
                    where = territory(std::uint16_t(t));
                    break;
                }
        }
        bool where_given = f.has[c_territory] && !f.v[c_territory].empty();
        if (where_given) {
            std::int32_t t = find_territory(f.v[c_territory]);
            if (t == no_territory) {
                fail(line_no, f.col[c_territory], "echeance.history.territory",
                     fmt::format("unknown territory \"{}\" (expected an id of the calendar, e.g. "
                                 "FR, FR-971)",
                                 quoted_safe(f.v[c_territory])));
                return;
            }
            where = territory(std::uint16_t(t));
        }
        // The event's fields are kept apart and stored in place at the end: an event built on
        // the stack in narrow stores and copied whole stalled on its wide loads.
        year_month_day day;
        std::int32_t time = -1;
        channel via = channel::none;
        try {
            instant at = parse_at(f.v[c_at], cal, where);
            day = at.day;
            time = at.time;
        } catch (const error& x) {
            fail(x, line_no, f.col[c_at]);
            return;
        }
        if (f.has[c_time] && !f.v[c_time].empty()) {
            if (time >= 0) {
                fail(line_no, f.col[c_time], "echeance.history.time",
                     "\"time\" given with an RFC 3339 \"at\" that has its own time");
                return;
            }
            try {
                time = parse_time(f.v[c_time]);
            } catch (const error& x) {
                fail(x, line_no, f.col[c_time]);
                return;
            }
        }
        if (f.has[c_channel] && !f.v[c_channel].empty()) {
            auto given = detail::channel_table.parse(f.v[c_channel]);
            if (!given) {
                fail(line_no, f.col[c_channel], "echeance.history.channel",
                     fmt::format("unknown channel \"{}\" (expected one of: {})",
                                 quoted_safe(f.v[c_channel]), detail::channel_table.joined()));
                return;
            }
            via = *given;
        }
        std::uint32_t pi;
        if (found == no_person) {
            pi = std::uint32_t(out.persons.size());
            out.persons.emplace_back();
            out.persons.back().person = person;
            persons.add(person_hash, pi);
            // Room for the mean of the persons read so far and two more, from 4 to 8: one
            // allocation for most persons (a fixed 4 grew once for every person of five events),
            // and one person of many events does not make the room of those after it.
            std::vector<history_event>& events = out.persons.back().events;
            if (!spare_events.empty()) {
                events = std::move(spare_events.back());
                spare_events.pop_back();
            }
            events.reserve(std::min<std::size_t>( // nothing when a lent list has the room
                8, std::max<std::size_t>(4, events_read / std::max<std::size_t>(pi, 1) + 2)));
            person_where.push_back(where);
            person_facts.emplace_back();
            bool nir = must_mask(person);
            if (nir) ++nirs;
            out.shown_ids.push_back(nir ? mask_person(person, nirs) : person);
        } else {
            pi = found;
        }
        if (pi != last_person) {
            last_person = pi;
            last_raw_person = std::string(f.v[c_person]);
        }
        history& h = out.persons[pi];
        facts_seen& s = person_facts[pi];
        if (where_given) {
            person_where[pi] = where;
            s.where_given = true;
        }
        if (born && !h.born) {
            h.born = born;
            s.born_line = line_no;
        }
        if (!department.empty() && h.department.empty()) {
            h.department = std::string(department);
            s.department_line = line_no;
        }
        event_id event = event_names.find(f.v[c_event]);
        role_id role = role_names.find(f.v[c_role]);
        // Each distinct unknown name once per person: 65,535 distinct names, however often
        // each is repeated (a table of one text per line was full after 65,535 lines).
        auto keep = [&](std::string_view raw) -> std::uint16_t {
            std::string text = quoted_safe(raw);
            if (h.texts.capacity() == 0 && !spare_texts.empty()) {
                h.texts = std::move(spare_texts.back());
                spare_texts.pop_back();
            }
            // A person's first few names by a linear search: the hash table cost each such
            // person a node allocated, freed at the next, and a hash of every name.
            if (h.texts.size() < linear_texts) {
                for (std::size_t i = 0; i < h.texts.size(); ++i)
                    if (h.texts[i] == text) return std::uint16_t(i);
                h.texts.push_back(std::move(text));
                return std::uint16_t(h.texts.size() - 1);
            }
            // Past them, the table; rebuilt when it is another person's or lacks the first ones.
            if (texts_person != pi || text_index.size() != h.texts.size()) {
                texts_person = pi;
                text_index.clear();
                for (std::size_t i = 0; i < h.texts.size(); ++i)
                    text_index.emplace(h.texts[i], std::uint16_t(i));
            }
            auto it = text_index.find(text);
            if (it != text_index.end()) return it->second;
            if (h.texts.size() >= history_event::no_text) return history_event::no_text;
            h.texts.push_back(text);
            text_index.emplace(std::move(text), std::uint16_t(h.texts.size() - 1));
            return std::uint16_t(h.texts.size() - 1);
        };
        std::uint16_t event_text = event == no_index ? keep(f.v[c_event]) : history_event::no_text;
        std::uint16_t role_text = role == no_index ? keep(f.v[c_role]) : history_event::no_text;
        history_event& e = h.events.emplace_back();
        e.event = event;
        e.role = role;
        e.day = day;
        e.time = time;
        e.seq = f.seq;
        e.where = where;
        e.via = via;
        e.line = std::uint32_t(line_no);
        e.event_text = event_text;
        e.role_text = role_text;
        ++events_read;
    }

    // The syntax with nlohmann's messages (as before), then the positioned reader for the
    // values: keys once each, columns of the values, numbers as written.
    // The fast path (detail/json_line.hpp): a flat line of plain strings and integers, every key
    // known and given once. Anything else goes to the full reader, which writes the errors.
    bool add_simple_json(std::string_view line, std::size_t line_no) {
        fields_in& f = line_fields;
        f.clear();
        // A member of column `ci` into f, as both scans below hand it.
        auto keep = [&](const detail::json_member_view& m, std::size_t ci) {
            if (f.has[ci]) return false;
            f.has[ci] = true;
            f.col[ci] = m.column;
            if (ci == c_data) return true;
            if (ci == c_seq) return !m.is_string && seq_problem(m.text, f.seq).empty();
            if (!m.is_string) return false;
            f.v[ci] = m.text;
            return true;
        };
        // The usual line first (no whitespace, the keys of the lines before); a line the
        // compact scan refuses is scanned again from the start.
        if (detail::scan_compact_object(
                line, key_memo,
                [](std::string_view k) {
                    column c = column_of(k);
                    return c == c_count ? -1 : int(c);
                },
                [&](const detail::json_member_view& m, int ci) {
                    return keep(m, std::size_t(ci));
                })) {
            add(f, line_no);
            return true;
        }
        f.clear();
        bool simple = detail::scan_simple_object(line, [&](const detail::json_member_view& m) {
            std::size_t ci = column_of(m.key);
            return ci != c_count && keep(m, ci);
        });
        if (!simple) return false;
        add(f, line_no);
        return true;
    }

    void add_json(std::string_view line, std::size_t line_no) {
        if (add_simple_json(line, line_no)) return;
        syntax_check syntax;
        if (!nlohmann::json::sax_parse(line.begin(), line.end(), &syntax) && !syntax.overflow) {
            std::string msg = syntax.message;
            auto p = msg.find(": syntax error");
            if (p != std::string::npos) msg = msg.substr(p + 2);
            auto tail = msg.find("; last read:"); // nlohmann echoes the input: never print it
            if (tail != std::string::npos) msg.erase(tail);
            fail(line_no, syntax.byte ? syntax.byte : 1, "echeance.history.json",
                 fmt::format("not a JSON object: {}", msg));
            return;
        }
        detail::jsonc::parse_result doc = detail::jsonc::parse(line);
        if (!doc.ok) {
            fail(line_no, doc.error.at.column, "echeance.history.json",
                 fmt::format("not a JSON object: {}", doc.error.message));
            return;
        }
        if (!doc.root.is_object()) {
            fail(line_no, 1, "echeance.history.json", "expected one JSON object per line");
            return;
        }
        fields_in f;
        std::size_t key_col[c_count] = {};
        for (const auto& m : doc.root.members) {
            const std::string& k = m.key;
            auto c = std::find(std::begin(column_names), std::end(column_names), k);
            std::size_t col = value_column(m.val);
            if (c == std::end(column_names)) {
                fail(line_no, col, "echeance.history.unknown_key",
                     fmt::format("unknown key \"{}\" (expected person, at, event, role, time, seq, "
                                 "territory, channel, data, born, department)",
                                 quoted_safe(k)));
                return;
            }
            auto ci = std::size_t(c - std::begin(column_names));
            if (f.has[ci]) {
                fail(line_no, m.key_at.column, "echeance.history.duplicate_key",
                     fmt::format("duplicate key \"{}\" (first at column {}, again at column {}; "
                                 "a key is given once per line)",
                                 k, key_col[ci], m.key_at.column));
                return;
            }
            f.has[ci] = true;
            f.col[ci] = col;
            key_col[ci] = m.key_at.column;
            if (ci == c_data) continue;
            if (ci == c_seq) {
                std::string_view problem =
                    m.val.type == detail::jsonc::value::kind::number
                        ? seq_problem(m.val.text, f.seq)
                        : std::string_view("\"seq\" must be a non-negative integer");
                if (!problem.empty()) {
                    fail(line_no, col, "echeance.history.seq", std::string(problem));
                    return;
                }
                continue;
            }
            if (!m.val.is_string()) {
                fail(line_no, col, "echeance.history.type",
                     fmt::format("\"{}\" must be a string", k));
                return;
            }
            f.v[ci] = m.val.text;
        }
        add(f, line_no);
    }

    void add_csv(std::string_view line, std::size_t line_no) {
        std::size_t bad_col = 1;
        if (!split_csv(line, fields, cols, bad_col)) {
            fail(line_no, bad_col, "echeance.history.csv", "unterminated or misplaced quote");
            return;
        }
        if (!have_header) {
            have_header = true;
            header_n = fields.size();
            col_of.fill(-1);
            for (std::size_t i = 0; i < fields.size(); ++i) {
                auto c = std::find(std::begin(column_names), std::end(column_names), fields[i]);
                if (c == std::end(column_names)) {
                    fail(line_no, cols[i], "echeance.history.unknown_key",
                         fmt::format("unknown column \"{}\" (expected person, at, event, role, "
                                     "time, seq, territory, channel, data, born, "
                                     "department)",
                                     quoted_safe(fields[i])));
                    header_bad = true;
                    continue;
                }
                col_of[std::size_t(c - std::begin(column_names))] = int(i);
            }
            for (int c : {c_person, c_at, c_event, c_role})
                if (col_of[std::size_t(c)] < 0) {
                    fail(line_no, 1, "echeance.history.missing",
                         fmt::format("the CSV header has no \"{}\" column", column_names[c]));
                    header_bad = true;
                }
            return;
        }
        if (header_bad) {
            fail(line_no, 1, "echeance.history.csv", "skipped: the CSV header is not valid");
            return;
        }
        fields_in f;
        for (std::size_t c = 0; c < c_count; ++c) {
            int i = col_of[c];
            if (i < 0 || std::size_t(i) >= fields.size()) continue;
            f.has[c] = true;
            f.v[c] = fields[std::size_t(i)];
            f.col[c] = cols[std::size_t(i)];
        }
        if (fields.size() != header_n) {
            fail(line_no, fields.size() > header_n ? cols[header_n] : line.size() + 1,
                 "echeance.history.csv",
                 fmt::format("{} fields, the header has {} columns", fields.size(), header_n));
            return;
        }
        if (f.has[c_seq] && !f.v[c_seq].empty()) {
            std::string_view problem = seq_problem(f.v[c_seq], f.seq);
            if (!problem.empty()) {
                fail(line_no, f.col[c_seq], "echeance.history.seq", std::string(problem));
                return;
            }
        }
        add(f, line_no);
    }
};

history_parser::history_parser(const ruleset& rules, const calendar& cal, std::string file_name,
                               format f)
    : impl_(std::make_unique<impl>(rules, cal, std::move(file_name), f)) {}
history_parser::~history_parser() = default;

void history_parser::add_line(std::string_view line, std::size_t line_no) {
    impl& m = *impl_;
    m.out.lines = std::max(m.out.lines, line_no);
    std::size_t b = 0;
    while (b < line.size() && (line[b] == ' ' || line[b] == '\t')) ++b;
    if (b == line.size() || line[b] == '#') return;
    if (m.fmt_ == format::detect) m.fmt_ = line[b] == '{' ? format::jsonl : format::csv;
    if (m.fmt_ == format::jsonl)
        m.add_json(line, line_no);
    else
        m.add_csv(line, line_no);
}

void history_parser::expect_persons(std::size_t n) {
    impl& m = *impl_;
    m.out.persons.reserve(n);
    m.out.shown_ids.reserve(n);
    m.person_where.reserve(n);
    m.person_facts.reserve(n);
}

void history_parser::recycle(history_file&& spent) {
    impl& m = *impl_;
    // Lists of at most 64: one person of many events does not lend the room of many.
    constexpr std::size_t most = 64;
    auto take = [](auto& list, auto& spares) {
        if (list.capacity() == 0 || list.capacity() > most) return;
        list.clear();
        spares.push_back(std::move(list));
    };
    m.spare_events.reserve(m.spare_events.size() + spent.persons.size());
    for (auto& h : spent.persons) {
        take(h.events, m.spare_events);
        take(h.texts, m.spare_texts);
    }
    spent = history_file{};
}

history_file history_parser::finish() {
    return std::move(impl_->out);
}

std::optional<history_parser::format> parse_history_format(std::string_view name) noexcept {
    return detail::history_format_table.parse(name);
}

std::vector<std::string> history_format_names() {
    return detail::history_format_table.names();
}

history_file parse_history(std::string_view text, const ruleset& rules, const calendar& cal,
                           const std::string& file_name, history_parser::format f,
                           std::size_t first_line) {
    history_parser p(rules, cal, file_name, f);
    std::size_t no = first_line - 1,
                pos = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0; // a UTF-8 BOM
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        std::string_view line =
            text.substr(pos, nl == std::string_view::npos ? text.size() - pos : nl - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        p.add_line(line, ++no);
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    return p.finish();
}

} // namespace echeance
