// The end-to-end baseline of the sweep: what a programmer would write by hand for the Mon espace
// santé rules alone, from a JSON Lines file to `echeance replay --output summary`.
//   echeance_baseline RULES_DIR HISTORY.jsonl AS_OF > summary.csv
// It reads the file in large blocks, scans each line by hand (the keys of the history format:
// strings decoded, escapes included; dates and times checked), groups the consecutive lines of a
// person, resolves event and role names once per line (a small hash table), replays with the
// hand-written rules (hand_replay.hpp) and writes one CSV line per person (docs/replay.md,
// "--output summary"). The rule set is read only for its names and first version; the calendar
// is the built-in one. Limits, on purpose: a person's lines must be consecutive (a person seen
// again later is a new group; the CLI merges them), "at" is a plain YYYY-MM-DD day (an RFC 3339
// instant is reported as an unsupported line), and messages give file:line without a column.
#include "hand_replay.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <echeance/io/calendar.hpp>
#include <echeance/io/nir.hpp>
#include <echeance/io/rules.hpp>
#include <fcntl.h>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

using namespace echeance;

namespace {

// Names to ids: open addressing, FNV-1a, a power-of-two table at most half full.
template <class Id>
class name_table {
public:
    void add(std::string_view name, Id id) {
        if ((count_ + 1) * 2 > slots_.size()) grow();
        put(name, id);
    }
    Id find(std::string_view name) const noexcept {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = hash(name) & mask;; i = (i + 1) & mask) {
            const slot& s = slots_[i];
            if (!s.used) return Id(no_index);
            if (s.name == name) return s.id;
        }
    }

private:
    struct slot {
        std::string name;
        Id id = no_index;
        bool used = false;
    };
    static std::size_t hash(std::string_view s) noexcept {
        std::uint64_t h = 14695981039346656037ull;
        for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        return std::size_t(h ^ (h >> 29));
    }
    void put(std::string_view name, Id id) {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = hash(name) & mask;; i = (i + 1) & mask)
            if (!slots_[i].used) {
                slots_[i] = {std::string(name), id, true};
                ++count_;
                return;
            }
    }
    void grow() {
        std::vector<slot> old(std::max<std::size_t>(16, slots_.size() * 2));
        old.swap(slots_);
        count_ = 0;
        for (auto& s : old)
            if (s.used) put(s.name, s.id);
    }
    std::vector<slot> slots_ = std::vector<slot>(16);
    std::size_t count_ = 0;
};

// The keys of a history line (docs/replay.md, "History lines").
enum key : std::uint8_t {
    k_person,
    k_at,
    k_event,
    k_role,
    k_territory,
    k_seq,
    k_time,
    k_channel,
    k_data,
    k_born,
    k_department,
    k_count
};

key key_of(std::string_view k) noexcept {
    switch (k.size()) {
    case 2:
        if (k == "at") return k_at;
        break;
    case 3:
        if (k == "seq") return k_seq;
        break;
    case 4:
        if (k == "role") return k_role;
        if (k == "time") return k_time;
        if (k == "data") return k_data;
        if (k == "born") return k_born;
        break;
    case 5:
        if (k == "event") return k_event;
        break;
    case 6:
        if (k == "person") return k_person;
        break;
    case 7:
        if (k == "channel") return k_channel;
        break;
    case 9:
        if (k == "territory") return k_territory;
        break;
    case 10:
        if (k == "department") return k_department;
        break;
    default:
        break;
    }
    return k_count;
}

struct fields {
    std::string_view v[k_count];
    std::int64_t seq = -1;
    std::uint32_t seen = 0;
    std::string scratch[k_count]; // decoded strings that held escapes
    bool has(key k) const noexcept { return seen >> k & 1; }
};

void put_utf8(std::string& out, std::uint32_t c) {
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | c >> 6);
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | c >> 12);
        out += char(0x80 | (c >> 6 & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | c >> 18);
        out += char(0x80 | (c >> 12 & 0x3F));
        out += char(0x80 | (c >> 6 & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

// A line's scanner: returns nullptr when the line is well formed, else what is wrong.
class scanner {
public:
    scanner(const char* p, const char* end) : p_(p), end_(end) {}

    const char* object(fields& f) {
        f.seen = 0;
        f.seq = -1;
        ws();
        if (!eat('{')) return "a line is one JSON object";
        ws();
        if (eat('}')) return "missing \"person\"";
        for (;;) {
            ws();
            std::string key_scratch;
            std::string_view k;
            if (!eat('"')) return "expected a key in double quotes";
            if (const char* e = string(key_scratch, k)) return e;
            ws();
            if (!eat(':')) return "expected ':' after a key";
            ws();
            key which = key_of(k);
            if (which == k_count) return "unknown key";
            if (f.has(which)) return "duplicate key";
            f.seen |= 1u << which;
            if (which == k_data) {
                if (const char* e = skip_value(0)) return e;
            } else if (which == k_seq) {
                if (const char* e = integer(f.seq)) return e;
            } else {
                if (!eat('"')) return "expected a string";
                if (const char* e = string(f.scratch[which], f.v[which])) return e;
            }
            ws();
            if (eat(',')) continue;
            if (eat('}')) break;
            return "expected ',' or '}'";
        }
        ws();
        if (p_ != end_) return "text after the object";
        return nullptr;
    }

private:
    const char* p_;
    const char* end_;

    void ws() {
        while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\r')) ++p_;
    }
    bool eat(char c) {
        if (p_ == end_ || *p_ != c) return false;
        ++p_;
        return true;
    }
    static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
    const char* u16(std::uint32_t& v) {
        if (end_ - p_ < 4) return "bad \\u escape";
        v = 0;
        for (int i = 0; i < 4; ++i) {
            int h = hex(*p_++);
            if (h < 0) return "bad \\u escape";
            v = v << 4 | std::uint32_t(h);
        }
        return nullptr;
    }
    // After the opening quote: the view into the line when there is no escape, else decoded.
    const char* string(std::string& scratch, std::string_view& out) {
        const char* start = p_;
        while (p_ != end_ && *p_ != '"' && *p_ != '\\') {
            if (static_cast<unsigned char>(*p_) < 0x20) return "control character in a string";
            ++p_;
        }
        if (p_ == end_) return "unterminated string";
        if (*p_ == '"') {
            out = std::string_view(start, std::size_t(p_ - start));
            ++p_;
            return nullptr;
        }
        scratch.assign(start, p_);
        while (p_ != end_) {
            char c = *p_++;
            if (c == '"') {
                out = scratch;
                return nullptr;
            }
            if (static_cast<unsigned char>(c) < 0x20) return "control character in a string";
            if (c != '\\') {
                scratch += c;
                continue;
            }
            if (p_ == end_) break;
            switch (*p_++) {
            case '"':
                scratch += '"';
                break;
            case '\\':
                scratch += '\\';
                break;
            case '/':
                scratch += '/';
                break;
            case 'b':
                scratch += '\b';
                break;
            case 'f':
                scratch += '\f';
                break;
            case 'n':
                scratch += '\n';
                break;
            case 'r':
                scratch += '\r';
                break;
            case 't':
                scratch += '\t';
                break;
            case 'u': {
                std::uint32_t c1 = 0;
                if (const char* e = u16(c1)) return e;
                if (c1 >= 0xD800 && c1 < 0xDC00) {
                    std::uint32_t c2 = 0;
                    if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return "lone surrogate";
                    p_ += 2;
                    if (const char* e = u16(c2)) return e;
                    if (c2 < 0xDC00 || c2 >= 0xE000) return "lone surrogate";
                    c1 = 0x10000 + ((c1 - 0xD800) << 10) + (c2 - 0xDC00);
                } else if (c1 >= 0xDC00 && c1 < 0xE000) {
                    return "lone surrogate";
                }
                put_utf8(scratch, c1);
                break;
            }
            default:
                return "bad escape";
            }
        }
        return "unterminated string";
    }
    const char* integer(std::int64_t& v) {
        if (p_ == end_ || *p_ < '0' || *p_ > '9') return "\"seq\" is a non-negative integer";
        v = 0;
        while (p_ != end_ && *p_ >= '0' && *p_ <= '9') {
            if (v > (INT64_MAX - 9) / 10) return "\"seq\" is too large";
            v = v * 10 + (*p_++ - '0');
        }
        if (p_ != end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E'))
            return "\"seq\" is a non-negative integer";
        return nullptr;
    }
    // Any JSON value ("data" is free): checked for its structure only.
    const char* skip_value(int depth) {
        if (depth > 64) return "\"data\" nested too deep";
        ws();
        if (p_ == end_) return "missing value";
        std::string ignored;
        std::string_view unused;
        switch (*p_) {
        case '"':
            ++p_;
            return string(ignored, unused);
        case '{':
        case '[': {
            const char close = *p_ == '{' ? '}' : ']';
            ++p_;
            ws();
            if (eat(close)) return nullptr;
            for (;;) {
                ws();
                if (close == '}') {
                    if (!eat('"')) return "expected a key in double quotes";
                    if (const char* e = string(ignored, unused)) return e;
                    ws();
                    if (!eat(':')) return "expected ':' after a key";
                }
                if (const char* e = skip_value(depth + 1)) return e;
                ws();
                if (eat(',')) continue;
                if (eat(close)) return nullptr;
                return "expected ',' or the end of an object or array";
            }
        }
        default: {
            const char* start = p_;
            while (p_ != end_ && (std::strchr("+-.eE", *p_) || (*p_ >= '0' && *p_ <= '9') ||
                                  (*p_ >= 'a' && *p_ <= 'z')))
                ++p_;
            std::string_view w(start, std::size_t(p_ - start));
            if (w == "true" || w == "false" || w == "null") return nullptr;
            if (w.empty() || w.find_first_of("abcdfghijklmnopqrstuvwxyz") != w.npos)
                return "bad value";
            return nullptr; // a number
        }
        }
    }
};

bool digits(std::string_view s, std::size_t at, std::size_t n, unsigned& v) {
    v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + unsigned(s[i] - '0');
    }
    return true;
}

// YYYY-MM-DD, a real day.
bool parse_day(std::string_view s, year_month_day& out) {
    unsigned y, m, d;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 0, 4, y) ||
        !digits(s, 5, 2, m) || !digits(s, 8, 2, d))
        return false;
    out = year_month_day(date::year(int(y)), date::month(m), date::day(d));
    return out.ok() && y >= 1583;
}

// HH:MM or HH:MM:SS, seconds after midnight.
bool parse_time(std::string_view s, std::int32_t& out) {
    unsigned h, m, sec = 0;
    if ((s.size() != 5 && s.size() != 8) || s[2] != ':' || !digits(s, 0, 2, h) ||
        !digits(s, 3, 2, m) || (s.size() == 8 && (s[5] != ':' || !digits(s, 6, 2, sec))))
        return false;
    if (h > 23 || m > 59 || sec > 59) return false;
    out = std::int32_t(h * 3600 + m * 60 + sec);
    return true;
}

// INSEE department codes: 01-95 but 20, 2A, 2B, 971-978.
bool valid_department(std::string_view s) {
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (s.size() == 2) {
        if (s[0] == '2' && (s[1] == 'A' || s[1] == 'B')) return true;
        if (!digit(s[0]) || !digit(s[1])) return false;
        int v = (s[0] - '0') * 10 + (s[1] - '0');
        return v >= 1 && v <= 95 && v != 20;
    }
    return s.size() == 3 && s[0] == '9' && s[1] == '7' && s[2] >= '1' && s[2] <= '8';
}

// The calendar territory of a department's person, when it has one of its own.
std::optional<territory> department_territory(const calendar& cal, std::string_view d) {
    const char* id = nullptr;
    if (d == "57" || d == "67" || d == "68") return cal.try_find(std::string("FR-").append(d));
    if (d.size() == 3 && d[0] == '9' && d[1] == '7') {
        switch (d[2]) {
        case '1':
            id = "FR-971";
            break;
        case '2':
            id = "FR-972";
            break;
        case '3':
            id = "FR-973";
            break;
        case '4':
            id = "FR-974";
            break;
        case '5':
            if (auto t = cal.try_find("FR-PM")) return t;
            id = "FR-975";
            break;
        case '6':
            id = "FR-976";
            break;
        case '7':
            id = "FR-BL";
            break;
        case '8':
            id = "FR-MF";
            break;
        default:
            break;
        }
    }
    if (!id) return std::nullopt;
    return cal.try_find(id);
}

std::optional<channel> parse_channel(std::string_view s) {
    static const std::pair<std::string_view, channel> names[] = {
        {"web", channel::web},       {"phone", channel::phone}, {"post", channel::post},
        {"office", channel::office}, {"email", channel::email}, {"other", channel::other}};
    for (const auto& [n, c] : names)
        if (n == s) return c;
    return std::nullopt;
}

// Output through one large buffer.
class output {
public:
    output() { buf_.reserve(cap + 4096); }
    std::string& buf() { return buf_; }
    void maybe_flush() {
        if (buf_.size() >= cap) flush();
    }
    void flush() {
        if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), stdout) != buf_.size()) {
            std::perror("echeance_baseline: write");
            std::exit(1);
        }
        buf_.clear();
    }

private:
    static constexpr std::size_t cap = 1 << 20;
    std::string buf_;
};

void put_day(std::string& out, year_month_day d) {
    char b[10];
    format_date(d, b);
    out.append(b, 10);
}

// The person as shown: a NIR masked, control characters as \xNN, CSV-quoted when needed.
void put_person(std::string& out, std::string_view id, std::size_t& nirs) {
    if (must_mask(id)) {
        out += "NIR-masked-";
        out += std::to_string(++nirs);
        return;
    }
    std::string shown;
    for (char c : id) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) {
            char b[5];
            std::snprintf(b, sizeof b, "\\x%02X", unsigned(u));
            shown += b;
        } else {
            shown += c;
        }
    }
    if (shown.find_first_of(",\"") == std::string::npos) {
        out += shown;
        return;
    }
    out += '"';
    for (char c : shown) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

constexpr const char* state_names[] = {"none",      "notified", "opposed", "open",    "active",
                                       "suspended", "closed",   "deleted", "deceased"};
constexpr const char* window_names[] = {"opposition_window", "suspension_opposition_window",
                                        "activation_code_window"};
constexpr const char* timer_names[] = {"automatic_creation", "closure_ex_officio",
                                       "dmp_transition"};
constexpr const char* obligation_names[] = {"closure_on_request", "deletion_on_request"};

// person,state,since,next_day,next_kind,next_rule,overdue: the next deadline is the earliest on
// or after as_of; on one day windows, obligations, timers, then the retention, each in order.
void summary_line(std::string& out, const bench::hand_result& r, year_month_day as_of) {
    out += state_names[r.state];
    out += ',';
    if (r.state != bench::none) put_day(out, r.timeline.back().second);
    out += ',';
    std::optional<year_month_day> best;
    const char* kind = nullptr;
    const char* rule = nullptr;
    auto consider = [&](year_month_day d, const char* k, const char* name) {
        if (d >= as_of && (!best || d < *best)) {
            best = d;
            kind = k;
            rule = name;
        }
    };
    for (int w = 0; w < 3; ++w)
        if (r.window_last[w]) consider(*r.window_last[w], "window", window_names[w]);
    int overdue = 0;
    for (const auto& o : r.obligations) {
        if (o.discharged) continue;
        if (o.due < as_of)
            ++overdue;
        else
            consider(o.due, "obligation", obligation_names[o.kind]);
    }
    for (int t = 0; t < 3; ++t)
        if (r.timer_last[t])
            consider(year_month_day(sys_days(*r.timer_last[t]) + date::days(1)), "timer",
                     timer_names[t]);
    if (r.purge_on) consider(*r.purge_on, "retention", "ens_archive");
    if (best) {
        put_day(out, *best);
        out += ',';
        out += kind;
        out += ',';
        out += rule;
    } else {
        out += ",,";
    }
    out += ',';
    out += std::to_string(overdue);
    out += '\n';
}

class baseline {
public:
    baseline(const ruleset& rules, const calendar& cal, year_month_day as_of, const char* file)
        : rules_(rules), cal_(cal), hand_(rules, cal), as_of_(as_of), file_(file) {
        for (event_id e : rules.events.ids()) events_.add(rules.events[e].id, e);
        for (role_id r : rules.roles.ids()) roles_.add(rules.roles[r].id, r);
        auto t = cal.try_find(rules.defaults.territory);
        default_where_ = t ? *t : cal.default_territory();
        out_.buf() += "person,state,since,next_day,next_kind,next_rule,overdue\n";
    }

    // One line without its line feed.
    void line(const char* p, const char* end) {
        ++line_no_;
        const char* q = p;
        while (q != end && (*q == ' ' || *q == '\t' || *q == '\r')) ++q;
        if (q == end || *q == '#') return;
        if (const char* e = scanner(p, end).object(f_)) return bad(e);
        if (!f_.has(k_person) || !f_.has(k_at) || !f_.has(k_event) || !f_.has(k_role))
            return bad("a line needs \"person\", \"at\", \"event\" and \"role\"");
        std::string_view person = f_.v[k_person];
        if (person.empty()) return bad("empty \"person\"");
        const bool same = started_ && person == h_.person;
        history_event e;
        if (!parse_day(f_.v[k_at], e.day))
            return bad(f_.v[k_at].size() > 10 ? "an RFC 3339 \"at\" is not supported here"
                                              : "\"at\" is not a YYYY-MM-DD day");
        if (f_.has(k_time) && !f_.v[k_time].empty() && !parse_time(f_.v[k_time], e.time))
            return bad("\"time\" is not HH:MM or HH:MM:SS");
        if (f_.has(k_channel) && !f_.v[k_channel].empty()) {
            auto c = parse_channel(f_.v[k_channel]);
            if (!c) return bad("unknown channel");
            e.via = *c;
        }
        std::optional<year_month_day> born;
        if (f_.has(k_born) && !f_.v[k_born].empty()) {
            year_month_day b;
            if (!parse_day(f_.v[k_born], b)) return bad("\"born\" is not a YYYY-MM-DD day");
            if (same && h_.born && *h_.born != b) return bad("conflicting \"born\"");
            born = b;
        }
        std::string_view dep;
        if (f_.has(k_department) && !f_.v[k_department].empty()) {
            dep = f_.v[k_department];
            if (!valid_department(dep)) return bad("invalid department");
            if (same && !h_.department.empty() && h_.department != dep)
                return bad("conflicting \"department\"");
        }
        std::optional<territory> given;
        if (f_.has(k_territory) && !f_.v[k_territory].empty()) {
            std::string_view t = f_.v[k_territory];
            if (t == last_territory_text_) {
                given = last_territory_;
            } else {
                given = cal_.try_find(t);
                if (!given) return bad("unknown territory");
                last_territory_text_.assign(t);
                last_territory_ = *given;
            }
        }
        if (!same) start(person);
        // The line's territory, else the person's last one given, else the department's.
        if (given) {
            e.where = *given;
            where_ = *given;
            where_given_ = true;
        } else if (where_given_) {
            e.where = where_;
        } else {
            std::string_view d = dep.empty() ? std::string_view(h_.department) : dep;
            auto t = d.empty() ? std::nullopt : department_territory(cal_, d);
            e.where = t ? *t : default_where_;
        }
        if (born && !h_.born) h_.born = born;
        if (!dep.empty() && h_.department.empty()) h_.department.assign(dep);
        e.event = events_.find(f_.v[k_event]);
        e.role = roles_.find(f_.v[k_role]);
        e.seq = f_.seq;
        e.line = line_no_;
        h_.events.push_back(e);
    }

    int finish() {
        if (started_) replay_person();
        out_.flush();
        return errors_ ? 1 : 0;
    }

private:
    const ruleset& rules_;
    const calendar& cal_;
    bench::hand_replay hand_;
    bench::hand_result result_;
    year_month_day as_of_;
    const char* file_;
    name_table<event_id> events_;
    name_table<role_id> roles_;
    territory default_where_;
    fields f_;
    history h_;
    bool started_ = false, where_given_ = false;
    territory where_;
    std::string last_territory_text_;
    territory last_territory_;
    std::uint32_t line_no_ = 0;
    std::size_t nirs_ = 0, errors_ = 0;
    output out_;

    void bad(const char* why) {
        ++errors_;
        std::fprintf(stderr, "%s:%u: %s\n", file_, line_no_, why);
    }
    void start(std::string_view person) {
        if (started_) replay_person();
        started_ = true;
        h_.person.assign(person);
        h_.events.clear();
        h_.born.reset();
        h_.department.clear();
        where_given_ = false;
    }
    void replay_person() {
        hand_.run(h_, as_of_, result_);
        put_person(out_.buf(), h_.person, nirs_);
        out_.buf() += ',';
        summary_line(out_.buf(), result_, as_of_);
        out_.maybe_flush();
    }
};

} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: echeance_baseline RULES_DIR HISTORY.jsonl AS_OF\n");
        return 2;
    }
    year_month_day as_of;
    if (!parse_day(argv[3], as_of)) {
        std::fprintf(stderr, "echeance_baseline: AS_OF is YYYY-MM-DD\n");
        return 2;
    }
    try {
        const calendar cal = builtin_calendar();
        const ruleset rules = load_ruleset(argv[1]);
        int fd = std::string_view(argv[2]) == "-" ? 0 : ::open(argv[2], O_RDONLY);
        if (fd < 0) {
            std::fprintf(stderr, "echeance_baseline: %s: %s\n", argv[2], std::strerror(errno));
            return 2;
        }
        baseline b(rules, cal, as_of, argv[2]);
        // Large blocks; a line cut by the end of a block moves to the front of the next one.
        std::vector<char> buf(std::size_t(1) << 24);
        std::size_t kept = 0;
        for (;;) {
            if (kept == buf.size()) buf.resize(buf.size() * 2); // a line longer than a block
            ssize_t n = ::read(fd, buf.data() + kept, buf.size() - kept);
            if (n < 0) {
                if (errno == EINTR) continue;
                std::fprintf(stderr, "echeance_baseline: read: %s\n", std::strerror(errno));
                return 2;
            }
            const char* p = buf.data();
            const char* end = p + kept + std::size_t(n);
            if (n == 0) {
                if (p != end) b.line(p, end);
                break;
            }
            for (;;) {
                auto* nl = static_cast<const char*>(std::memchr(p, '\n', std::size_t(end - p)));
                if (!nl) break;
                b.line(p, nl);
                p = nl + 1;
            }
            kept = std::size_t(end - p);
            std::memmove(buf.data(), p, kept);
        }
        if (fd != 0) ::close(fd);
        return b.finish();
    } catch (const std::exception& x) {
        std::fprintf(stderr, "echeance_baseline: %s\n", x.what());
        return 2;
    }
}
