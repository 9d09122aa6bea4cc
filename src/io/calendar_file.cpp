// Calendar files on the positioned JSON-with-comments reader: the file's shape (keys, types,
// MM-DD days, territory and group names) is checked here, the model's meaning by the core
// calendar, whose errors name a JSON pointer that is placed back at its line and column.
#include "calendar_data.hpp"
#include "detail/jsonc.hpp"
#include "echeance/error.hpp"
#include "echeance/io/calendar.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <initializer_list>
#include <sstream>

namespace echeance {

namespace {

using detail::jsonc::member;
using detail::jsonc::position;
using detail::jsonc::value;
using model = calendar_model;

// Strict access to the values of one file: unknown keys, duplicate keys and wrong types are
// errors at the offending value.
struct reader {
    const std::string& file;

    [[noreturn]] void fail(position at, const std::string& field, const std::string& id,
                           const std::string& message) const {
        throw error("echeance.calendar." + id, message, location{file, at.line, at.column, field});
    }

    // An object whose keys are each given once.
    void object(const value& obj, const std::string& path) const {
        if (!obj.is_object()) fail(obj.at, path, "type", "expected an object");
        for (std::size_t i = 0; i < obj.members.size(); ++i)
            for (std::size_t k = 0; k < i; ++k)
                if (obj.members[k].key == obj.members[i].key)
                    fail(obj.members[i].key_at, path + "/" + obj.members[i].key, "duplicate",
                         fmt::format("key \"{}\" is given twice (first at line {}, column {})",
                                     obj.members[i].key, obj.members[k].key_at.line,
                                     obj.members[k].key_at.column));
    }
    // An object with only the `allowed` keys.
    void only_keys(const value& obj, const std::string& path,
                   std::initializer_list<const char*> allowed) const {
        if (!obj.is_object()) fail(obj.at, path, "type", "expected an object");
        for (const member& m : obj.members)
            if (std::none_of(allowed.begin(), allowed.end(),
                             [&](const char* k) { return m.key == k; }))
                fail(m.key_at, path + "/" + m.key, "unknown_key",
                     fmt::format("unknown key \"{}\"", m.key));
        object(obj, path);
    }
    static const value* find(const value& obj, const char* key) {
        for (const member& m : obj.members)
            if (m.key == key) return &m.val;
        return nullptr;
    }
    const value& at(const value& obj, const std::string& path, const char* key) const {
        if (const value* v = find(obj, key)) return *v;
        fail(obj.at, path + "/" + key, "missing_key", fmt::format("missing key \"{}\"", key));
    }
    std::string str(const value& v, const std::string& path) const {
        if (!v.is_string()) fail(v.at, path, "type", "expected a string");
        return v.text;
    }
    std::string str(const value& obj, const std::string& path, const char* key) const {
        return str(at(obj, path, key), path + "/" + key);
    }
    std::string opt_str(const value& obj, const std::string& path, const char* key) const {
        return find(obj, key) ? str(obj, path, key) : std::string();
    }
    // A whole number written as such (no fraction, no exponent), from_chars and a range check.
    int integer(const value& v, const std::string& path, int lo, int hi) const {
        long long n = 0;
        const char* end = v.text.data() + v.text.size();
        bool ok = v.type == value::kind::number;
        if (ok) {
            auto r = std::from_chars(v.text.data(), end, n);
            ok = r.ec == std::errc() && r.ptr == end && n >= lo && n <= hi;
        }
        if (!ok)
            fail(v.at, path, "type", fmt::format("expected a whole number from {} to {}", lo, hi));
        return int(n);
    }
    std::vector<std::string> strings(const value& v, const std::string& path) const {
        if (!v.is_array()) fail(v.at, path, "type", "expected an array of strings");
        std::vector<std::string> out;
        for (std::size_t i = 0; i < v.items.size(); ++i)
            out.push_back(str(v.items[i], path + "/" + std::to_string(i)));
        return out;
    }
};

void read_territories(const reader& rd, const value& doc, model& m) {
    const value& terrs = rd.at(doc, "", "territories");
    if (!terrs.is_array() || terrs.items.empty())
        rd.fail(terrs.at, "/territories", "type", "expected a non-empty array of territories");
    for (std::size_t i = 0; i < terrs.items.size(); ++i) {
        const value& t = terrs.items[i];
        std::string path = fmt::format("/territories/{}", i);
        rd.only_keys(t, path, {"id", "name", "time_zone", "aliases"});
        model::territory_entry e;
        e.id = rd.str(t, path, "id");
        e.name = rd.str(t, path, "name");
        e.time_zone = rd.str(t, path, "time_zone");
        if (const value* a = reader::find(t, "aliases"))
            e.aliases = rd.strings(*a, path + "/aliases");
        m.territories.push_back(std::move(e));
    }
}

// Territory ids and group names, resolved to territory indexes.
struct names {
    const model& m;
    std::vector<std::pair<std::string, std::vector<std::uint16_t>>> groups;

    // Appends the territories of `name` to `out`, once each.
    void resolve(const reader& rd, const value& v, const std::string& name, const std::string& path,
                 std::vector<std::uint16_t>& out) const {
        auto add = [&](std::uint16_t t) {
            if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
        };
        for (const auto& g : groups)
            if (g.first == name) {
                for (auto t : g.second) add(t);
                return;
            }
        for (std::size_t i = 0; i < m.territories.size(); ++i)
            if (m.territories[i].id == name) {
                add(std::uint16_t(i));
                return;
            }
        rd.fail(v.at, path, "unknown_territory",
                fmt::format("unknown territory or group \"{}\"", name));
    }
    std::vector<std::uint16_t> resolve_all(const reader& rd, const value& v,
                                           const std::string& path) const {
        std::vector<std::uint16_t> out;
        auto list = rd.strings(v, path);
        for (std::size_t k = 0; k < list.size(); ++k)
            resolve(rd, v.items[k], list[k], fmt::format("{}/{}", path, k), out);
        std::sort(out.begin(), out.end());
        return out;
    }
};

void read_groups(const reader& rd, const value& doc, names& n) {
    const value* gs = reader::find(doc, "groups");
    if (!gs) return;
    rd.object(*gs, "/groups");
    for (const member& g : gs->members) {
        auto members = n.resolve_all(rd, g.val, "/groups/" + g.key);
        n.groups.emplace_back(g.key, std::move(members));
    }
}

void read_setting(const reader& rd, const member& s, model& m) {
    std::string path = "/settings/" + s.key;
    rd.only_keys(s.val, path, {"values", "default", "cite", "note", "source"});
    model::setting x;
    x.name = s.key;
    x.values = rd.strings(rd.at(s.val, path, "values"), path + "/values");
    x.default_value = rd.str(s.val, path, "default");
    rd.str(s.val, path, "cite");
    m.settings.push_back(std::move(x));
}

// "MM-DD": the shape here, whether the day exists in every year in the core.
void read_fixed_day(const reader& rd, const value& v, const std::string& path,
                    model::holiday_rule& h) {
    std::string md = rd.str(v, path);
    auto two = [&](std::size_t at, unsigned& out) {
        auto r = std::from_chars(md.data() + at, md.data() + at + 2, out);
        return r.ec == std::errc() && r.ptr == md.data() + at + 2;
    };
    if (md.size() != 5 || md[2] != '-' || !two(0, h.month) || !two(3, h.day))
        rd.fail(v.at, path, "date",
                fmt::format("\"{}\" is not a fixed day of every year (expected MM-DD)", md));
}

model::holiday_rule read_holiday(const reader& rd, const value& h, const std::string& path,
                                 const names& n) {
    rd.only_keys(h, path,
                 {"id", "name", "name_fr", "date", "easter", "territories", "from", "to", "cite",
                  "note", "source", "when"});
    model::holiday_rule r;
    r.id = rd.str(h, path, "id");
    r.name = rd.str(h, path, "name");
    r.name_fr = rd.opt_str(h, path, "name_fr");
    r.cite = rd.str(h, path, "cite");
    const value* date = reader::find(h, "date");
    const value* easter = reader::find(h, "easter");
    if (bool(date) == bool(easter))
        rd.fail(h.at, path, "date",
                "a holiday needs exactly one of \"date\" (MM-DD) or \"easter\" (offset in days)");
    if (date) {
        read_fixed_day(rd, *date, path + "/date", r);
    } else {
        r.easter_based = true;
        r.easter_offset = rd.integer(*easter, path + "/easter", -63, 63);
    }
    if (const value* v = reader::find(h, "from"))
        r.from = rd.integer(*v, path + "/from", min_year, max_year);
    if (const value* v = reader::find(h, "to"))
        r.to = rd.integer(*v, path + "/to", min_year, max_year);
    const value& terrs = rd.at(h, path, "territories");
    if (terrs.is_array() && terrs.items.empty())
        rd.fail(terrs.at, path + "/territories", "type", "a holiday needs at least one territory");
    r.territories = n.resolve_all(rd, terrs, path + "/territories");
    if (const value* w = reader::find(h, "when")) {
        if (!w->is_object())
            rd.fail(w->at, path + "/when", "type", "expected an object {setting: [values]}");
        rd.object(*w, path + "/when");
        for (const member& c : w->members)
            r.when.push_back({c.key, rd.strings(c.val, path + "/when/" + c.key)});
    }
    return r;
}

void read_holidays(const reader& rd, const value& doc, const names& n, model& m) {
    const value& hs = rd.at(doc, "", "holidays");
    if (!hs.is_array()) rd.fail(hs.at, "/holidays", "type", "expected an array of holidays");
    for (std::size_t i = 0; i < hs.items.size(); ++i)
        m.holidays.push_back(read_holiday(rd, hs.items[i], fmt::format("/holidays/{}", i), n));
}

// The value a JSON pointer of the model names ("/holidays/3/date"), or the nearest one above.
position position_of(const value& root, const std::string& pointer) {
    const value* v = &root;
    position at = root.at;
    std::size_t i = 1;
    while (i <= pointer.size() && v) {
        std::size_t j = pointer.find('/', i);
        std::string part = pointer.substr(i, j == std::string::npos ? std::string::npos : j - i);
        const value* next = nullptr;
        if (v->is_object()) {
            for (const member& m : v->members)
                if (m.key == part) next = &m.val;
        } else if (v->is_array()) {
            std::size_t k = 0;
            auto r = std::from_chars(part.data(), part.data() + part.size(), k);
            if (r.ec == std::errc() && r.ptr == part.data() + part.size() && k < v->items.size())
                next = &v->items[k];
        }
        if (!next) break;
        v = next;
        at = v->at;
        if (j == std::string::npos) break;
        i = j + 1;
    }
    return at;
}

calendar_model read_model(const reader& rd, const value& doc) {
    rd.only_keys(doc, "", {"id", "title", "territories", "groups", "settings", "holidays"});
    model m;
    read_territories(rd, doc, m);
    names n{m, {}};
    read_groups(rd, doc, n);
    if (const value* ss = reader::find(doc, "settings")) {
        rd.object(*ss, "/settings");
        for (const member& s : ss->members) read_setting(rd, s, m);
    }
    read_holidays(rd, doc, n, m);
    if (const value* v = reader::find(doc, "id")) rd.str(*v, "/id");
    if (const value* v = reader::find(doc, "title")) rd.str(*v, "/title");
    return m;
}

detail::jsonc::value document(const std::string& file, std::string_view text) {
    detail::jsonc::parse_result r = detail::jsonc::parse(text);
    if (!r.ok)
        throw error("echeance.calendar.syntax", r.error.message,
                    location{file, r.error.at.line, r.error.at.column, ""});
    return std::move(r.root);
}

} // namespace

calendar_model parse_calendar_model(std::string_view text, const std::string& file_name) {
    reader rd{file_name};
    return read_model(rd, document(file_name, text));
}

calendar parse_calendar(std::string_view text, const std::string& file_name,
                        const calendar_settings& settings) {
    reader rd{file_name};
    value doc = document(file_name, text);
    calendar_model m = read_model(rd, doc);
    try {
        return calendar(m, settings);
    } catch (const error& e) {
        const std::string& field = e.where().field;
        if (e.where().file.empty() && !field.empty() && field[0] == '/') {
            position at = position_of(doc, field);
            throw error(e.id(), e.message(), location{file_name, at.line, at.column, field});
        }
        throw; // a choice of the caller ("echeance.calendar.setting"), named by its setting
    }
}

calendar load_calendar(const std::string& path, const calendar_settings& settings) {
    std::error_code ec;
    bool is_dir = std::filesystem::is_directory(path, ec);
    std::ifstream in(path, std::ios::binary);
    if (!in || is_dir)
        throw error("echeance.calendar.io", fmt::format("cannot read calendar file \"{}\"", path),
                    location{path, 0, 0, ""});
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse_calendar(ss.str(), path, settings);
}

calendar builtin_calendar(const calendar_settings& settings) {
    static constexpr const char* name = "rules/calendars/fr.json";
    if (settings.empty()) {
        // Built once per process: the default calendar is what almost every caller wants.
        static const calendar shared = parse_calendar(detail::calendar_fr_json(), name, {});
        return shared;
    }
    return parse_calendar(detail::calendar_fr_json(), name, settings);
}

} // namespace echeance
