// Histories from JSON Lines or CSV: names resolved to indexes once, bad lines reported with
// file:line:col and skipped.
#include "echeance/io/history.hpp"

#include "echeance/io/nir.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace echeance {

namespace {

constexpr std::string_view channel_names[] = {"web", "phone", "post", "office", "email", "other"};

std::string quoted_safe(std::string_view s) {
    if (looks_like_nir(s)) return "NIR-masked";
    return redact_nirs(s.substr(0, 80));
}

// 1-based column of the value of "key" in a JSON line (1 when not found).
std::size_t value_column(std::string_view line, std::string_view key) {
    std::string pat = "\"" + std::string(key) + "\"";
    std::size_t p = line.find(pat);
    if (p == std::string_view::npos) return 1;
    p += pat.size();
    while (p < line.size() && (line[p] == ' ' || line[p] == '\t')) ++p;
    if (p < line.size() && line[p] == ':') ++p;
    while (p < line.size() && (line[p] == ' ' || line[p] == '\t')) ++p;
    if (p < line.size() && line[p] == '"') ++p; // the text of a string starts after its quote
    return p + 1;
}

bool two_digits(std::string_view s, std::size_t at, int& v) {
    if (at + 2 > s.size() || !std::isdigit((unsigned char)s[at]) ||
        !std::isdigit((unsigned char)s[at + 1]))
        return false;
    v = (s[at] - '0') * 10 + (s[at + 1] - '0');
    return true;
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

// "YYYY-MM-DD" or RFC 3339 "YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)", converted to the
// local day and time of the territory.
instant parse_at(std::string_view s, const calendar& cal, territory where) {
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

enum column : std::uint8_t {
    c_person,
    c_at,
    c_event,
    c_role,
    c_time,
    c_seq,
    c_territory,
    c_channel,
    c_data,
    c_born,
    c_department,
    c_id, // only with keep_fields
    c_count
};
constexpr std::string_view column_names[c_count] = {"person", "at",   "event",      "role",
                                                    "time",   "seq",  "territory",  "channel",
                                                    "data",   "born", "department", "id"};

// An INSEE code of a department: 01-95 but 20 (split into 2A and 2B in 1976), 2A, 2B, 971-978.
bool valid_department(std::string_view s) noexcept {
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (s.size() == 2) {
        if (s[0] == '2' && (s[1] == 'A' || s[1] == 'B')) return true;
        if (!digit(s[0]) || !digit(s[1])) return false;
        int v = (s[0] - '0') * 10 + (s[1] - '0');
        return v >= 1 && v <= 95 && v != 20;
    }
    return s.size() == 3 && s[0] == '9' && s[1] == '7' && s[2] >= '1' && s[2] <= '8';
}

// The calendar territories a department's person lives in, most specific first; empty: none
// (the rule set's default applies). Saint-Pierre-et-Miquelon (975) has no entry in the shipped
// calendar: FR-PM (or FR-975) is used only when a calendar given with --calendar has it.
std::vector<std::string_view> territories_of_department(std::string_view d) {
    if (d == "57") return {"FR-57"};
    if (d == "67") return {"FR-67"};
    if (d == "68") return {"FR-68"};
    if (d == "971") return {"FR-971"};
    if (d == "972") return {"FR-972"};
    if (d == "973") return {"FR-973"};
    if (d == "974") return {"FR-974"};
    if (d == "975") return {"FR-PM", "FR-975"};
    if (d == "976") return {"FR-976"};
    if (d == "977") return {"FR-BL"};
    if (d == "978") return {"FR-MF"};
    return {};
}

} // namespace

struct history_parser::impl {
    const ruleset& rules;
    const calendar& cal;
    std::string file;
    format fmt_;
    history_file out;
    std::unordered_map<std::string, std::uint32_t> persons;
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
    // CSV
    bool have_header = false;
    bool header_bad = false;
    std::size_t header_n = 0;
    std::array<int, c_count> col_of{};
    std::vector<std::string> fields;
    std::vector<std::size_t> cols;
    std::function<void(const history_fields&)> on_fields;

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

    struct fields_in {
        std::string_view v[c_count];
        bool has[c_count] = {};
        std::size_t col[c_count] = {};
        std::int64_t seq = -1;
        std::string data; // JSON text of "data", for on_fields
    };

    // Common to both formats: checks and resolves one event.
    void add(const fields_in& f, std::size_t line_no) {
        for (int c : {c_person, c_at, c_event, c_role})
            if (!f.has[c] || f.v[c].empty()) {
                fail(line_no, f.has[c] ? f.col[c] : 1, "echeance.history.missing",
                     fmt::format("missing \"{}\" (each line needs person, at, event and role)",
                                 column_names[c]));
                return;
            }
        std::string person(f.v[c_person]);
        // One NIR written with or without spaces, dots or dashes is one person.
        if (looks_like_nir(person))
            person.erase(std::remove_if(person.begin(), person.end(),
                                        [](char c) { return c == ' ' || c == '.' || c == '-'; }),
                         person.end());
        auto found = persons.find(person);
        const history* known = found != persons.end() ? &out.persons[found->second] : nullptr;
        const facts_seen* seen = known ? &person_facts[found->second] : nullptr;
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
            where = person_where[found->second];
        } else {
            std::string_view known_department =
                department.empty() && known ? std::string_view(known->department) : department;
            for (std::string_view id : territories_of_department(known_department))
                if (auto t = cal.try_find(id)) {
                    where = *t;
                    break;
                }
        }
        bool where_given = f.has[c_territory] && !f.v[c_territory].empty();
        if (where_given) {
            auto t = cal.try_find(f.v[c_territory]);
            if (!t) {
                fail(line_no, f.col[c_territory], "echeance.history.territory",
                     fmt::format("unknown territory \"{}\" (expected an id of the calendar, e.g. "
                                 "FR, FR-971)",
                                 quoted_safe(f.v[c_territory])));
                return;
            }
            where = *t;
        }
        history_event e;
        e.where = where;
        e.line = std::uint32_t(line_no);
        e.seq = f.seq;
        try {
            instant at = parse_at(f.v[c_at], cal, where);
            e.day = at.day;
            e.time = at.time;
        } catch (const error& x) {
            fail(x, line_no, f.col[c_at]);
            return;
        }
        if (f.has[c_time] && !f.v[c_time].empty()) {
            if (e.time >= 0) {
                fail(line_no, f.col[c_time], "echeance.history.time",
                     "\"time\" given with an RFC 3339 \"at\" that has its own time");
                return;
            }
            try {
                e.time = parse_time(f.v[c_time]);
            } catch (const error& x) {
                fail(x, line_no, f.col[c_time]);
                return;
            }
        }
        if (f.has[c_channel] && !f.v[c_channel].empty()) {
            auto it = std::find(std::begin(channel_names), std::end(channel_names), f.v[c_channel]);
            if (it == std::end(channel_names)) {
                fail(line_no, f.col[c_channel], "echeance.history.channel",
                     fmt::format("unknown channel \"{}\" (expected one of: web, phone, post, "
                                 "office, email, other)",
                                 quoted_safe(f.v[c_channel])));
                return;
            }
            e.via = channel(1 + (it - std::begin(channel_names)));
        }
        std::uint32_t pi;
        if (found == persons.end()) {
            pi = std::uint32_t(out.persons.size());
            persons.emplace(person, pi);
            out.persons.emplace_back();
            out.persons.back().person = person;
            person_where.push_back(where);
            person_facts.emplace_back();
            bool nir = must_mask(person);
            if (nir) ++nirs;
            out.shown_ids.push_back(mask_person(person, nirs));
        } else {
            pi = found->second;
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
        e.event = rules.find_event(f.v[c_event]);
        e.role = rules.find_role(f.v[c_role]);
        auto keep = [&](std::string_view text) -> std::uint16_t {
            if (h.texts.size() >= history_event::no_text) return history_event::no_text;
            h.texts.push_back(quoted_safe(text));
            return std::uint16_t(h.texts.size() - 1);
        };
        if (e.event == no_index) e.event_text = keep(f.v[c_event]);
        if (e.role == no_index) e.role_text = keep(f.v[c_role]);
        h.events.push_back(e);
        if (on_fields) {
            history_fields k;
            k.person = h.person;
            k.at = f.v[c_at];
            k.event = f.v[c_event];
            k.role = f.v[c_role];
            k.time = f.v[c_time];
            k.territory = f.v[c_territory];
            k.channel = f.v[c_channel];
            k.born = f.v[c_born];
            k.department = f.v[c_department];
            k.id = f.v[c_id];
            k.data = f.has[c_data] ? f.data : std::string();
            k.seq = f.seq;
            k.event_read = &h.events.back();
            on_fields(k);
        }
    }

    void add_json(std::string_view line, std::size_t line_no) {
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(line.begin(), line.end());
        } catch (const nlohmann::json::parse_error& e) {
            std::string what = e.what();
            auto p = what.find(": syntax error");
            std::string msg = p == std::string::npos ? what : what.substr(p + 2);
            auto tail = msg.find("; last read:"); // nlohmann echoes the input: never print it
            if (tail != std::string::npos) msg.erase(tail);
            fail(line_no, e.byte ? e.byte : 1, "echeance.history.json",
                 fmt::format("not a JSON object: {}", msg));
            return;
        }
        if (!j.is_object()) {
            fail(line_no, 1, "echeance.history.json", "expected one JSON object per line");
            return;
        }
        fields_in f;
        for (auto it = j.begin(); it != j.end(); ++it) {
            const std::string& k = it.key();
            auto c = std::find(std::begin(column_names), std::end(column_names), k);
            if (c == std::begin(column_names) + c_id && !on_fields) c = std::end(column_names);
            std::size_t col = value_column(line, k);
            if (c == std::end(column_names)) {
                fail(line_no, col > 1 ? col : 1, "echeance.history.unknown_key",
                     fmt::format("unknown key \"{}\" (expected person, at, event, role, time, seq, "
                                 "territory, channel, data, born, department)",
                                 quoted_safe(k)));
                return;
            }
            auto ci = std::size_t(c - std::begin(column_names));
            f.has[ci] = true;
            f.col[ci] = col;
            if (ci == c_data) {
                if (on_fields) f.data = it->dump();
                continue;
            }
            if (ci == c_seq) {
                if (!it->is_number_integer() || it->get<std::int64_t>() < 0) {
                    fail(line_no, col, "echeance.history.seq",
                         "\"seq\" must be a non-negative integer");
                    return;
                }
                f.seq = it->get<std::int64_t>();
                continue;
            }
            if (!it->is_string()) {
                fail(line_no, col, "echeance.history.type",
                     fmt::format("\"{}\" must be a string", k));
                return;
            }
            f.v[ci] = it->get_ref<const std::string&>();
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
                if (c == std::begin(column_names) + c_id && !on_fields) c = std::end(column_names);
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
        // Bytes that are not UTF-8 become U+FFFD: the journal stores JSON text.
        if (on_fields && f.has[c_data])
            f.data = nlohmann::json(std::string(f.v[c_data]))
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        if (fields.size() != header_n) {
            fail(line_no, fields.size() > header_n ? cols[header_n] : line.size() + 1,
                 "echeance.history.csv",
                 fmt::format("{} fields, the header has {} columns", fields.size(), header_n));
            return;
        }
        if (f.has[c_seq] && !f.v[c_seq].empty()) {
            std::int64_t s = 0;
            bool ok = f.v[c_seq].size() <= 18;
            for (char ch : f.v[c_seq]) {
                ok = ok && ch >= '0' && ch <= '9';
                s = s * 10 + (ch - '0');
            }
            if (!ok) {
                fail(line_no, f.col[c_seq], "echeance.history.seq",
                     "\"seq\" must be a non-negative integer");
                return;
            }
            f.seq = s;
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

void history_parser::keep_fields(std::function<void(const history_fields&)> on_line) {
    impl_->on_fields = std::move(on_line);
}

history_file history_parser::finish() {
    return std::move(impl_->out);
}

history_file parse_history(std::string_view text, const ruleset& rules, const calendar& cal,
                           const std::string& file_name, history_parser::format f) {
    history_parser p(rules, cal, file_name, f);
    std::size_t no = 0, pos = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0; // a UTF-8 BOM
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
