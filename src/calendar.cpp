#include "echeance/calendar.hpp"

#include "calendar_data.hpp"
#include "echeance/error.hpp"

#include <algorithm>
#include <array>
#include <date/tz.h>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace echeance {

// Keys keep the order of the file (settings are reported in that order).
using json = nlohmann::ordered_json;

year_month_day easter_sunday(date::year y) noexcept {
    int Y = int(y);
    int a = Y % 19, b = Y / 100, c = Y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
    int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return y / date::month(unsigned(month)) / date::day(unsigned(day));
}

namespace {

constexpr std::int64_t first_serial = holiday_view::first_serial;
constexpr std::int64_t last_serial = holiday_view::last_serial;
constexpr std::size_t day_count = std::size_t(last_serial - first_serial + 1);

struct holiday_rule {
    std::string id, name, name_fr, cite;
    bool easter_based = false;
    int easter_offset = 0;
    unsigned month = 0, day = 0;
    int from = min_year, to = max_year;
    std::vector<bool> territories; // by territory index
    bool active = true;            // false when a 'when' setting excludes it
};

struct territory_info {
    std::string id, name, time_zone;
    std::vector<std::string> aliases;
    std::vector<std::uint64_t> holiday_bits; // one bit per day from 1583-01-01
    std::vector<std::pair<std::int64_t, std::int32_t>>
        offsets; // (local start, UTC offset), seconds
};

[[noreturn]] void fail(const std::string& file, const std::string& field, const std::string& id,
                       const std::string& message) {
    throw error("echeance.calendar." + id, message, location{file, 0, 0, field});
}

// Strict access to the JSON of the data file: unknown keys and wrong types are errors.
struct reader {
    const std::string& file;

    void only_keys(const json& obj, const std::string& path,
                   std::initializer_list<const char*> allowed) const {
        if (!obj.is_object()) fail(file, path, "type", "expected an object");
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            bool known = false;
            for (const char* k : allowed) known = known || it.key() == k;
            if (!known)
                fail(file, path + "/" + it.key(), "unknown_key",
                     fmt::format("unknown key \"{}\"", it.key()));
        }
    }
    const json& at(const json& obj, const std::string& path, const char* key) const {
        auto it = obj.find(key);
        if (it == obj.end())
            fail(file, path + "/" + key, "missing_key", fmt::format("missing key \"{}\"", key));
        return *it;
    }
    std::string str(const json& obj, const std::string& path, const char* key) const {
        const json& v = at(obj, path, key);
        if (!v.is_string()) fail(file, path + "/" + key, "type", "expected a string");
        return v.get<std::string>();
    }
    std::string opt_str(const json& obj, const std::string& path, const char* key) const {
        return obj.contains(key) ? str(obj, path, key) : std::string();
    }
    int integer(const json& obj, const std::string& path, const char* key, int lo, int hi) const {
        const json& v = at(obj, path, key);
        if (!v.is_number_integer() || v.get<long long>() < lo || v.get<long long>() > hi)
            fail(file, path + "/" + key, "type",
                 fmt::format("expected a whole number from {} to {}", lo, hi));
        return v.get<int>();
    }
    std::vector<std::string> strings(const json& v, const std::string& path) const {
        if (!v.is_array()) fail(file, path, "type", "expected an array of strings");
        std::vector<std::string> out;
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (!v[i].is_string())
                fail(file, path + "/" + std::to_string(i), "type", "expected a string");
            out.push_back(v[i].get<std::string>());
        }
        return out;
    }
};

} // namespace

struct calendar::impl {
    std::vector<territory_info> territories;
    std::vector<holiday_rule> rules;
    calendar_settings settings;

    void build_bits() {
        for (auto& t : territories) t.holiday_bits.assign((day_count + 63) / 64, 0);
        for (int y = min_year; y <= max_year; ++y) {
            sys_days easter{};
            bool easter_known = false;
            for (const auto& r : rules) {
                if (!r.active || y < r.from || y > r.to) continue;
                sys_days d;
                if (r.easter_based) {
                    if (!easter_known) {
                        easter = sys_days(easter_sunday(date::year(y)));
                        easter_known = true;
                    }
                    d = easter + date::days(r.easter_offset);
                } else {
                    d = sys_days(date::year(y) / date::month(r.month) / date::day(r.day));
                }
                auto idx = std::size_t(d.time_since_epoch().count() - first_serial);
                if (idx >= day_count) continue;
                for (std::size_t t = 0; t < territories.size(); ++t)
                    if (r.territories[t])
                        territories[t].holiday_bits[idx / 64] |= std::uint64_t(1) << (idx % 64);
            }
        }
    }

    void build_offsets(const std::string& file) {
        for (std::size_t i = 0; i < territories.size(); ++i) {
            auto& t = territories[i];
            const date::time_zone* zone = nullptr;
            try {
                zone = date::locate_zone(t.time_zone);
            } catch (const std::exception& e) {
                fail(file, fmt::format("/territories/{}/time_zone", i), "time_zone",
                     fmt::format("time zone \"{}\" of {} is not in the system tz database ({}); "
                                 "install tzdata",
                                 t.time_zone, t.id, e.what()));
            }
            auto at = date::sys_seconds(date::sys_days(date::year(min_year) / 1 / 1));
            auto stop = date::sys_seconds(date::sys_days(date::year(max_year + 1) / 1 / 1));
            while (at < stop) {
                auto info = zone->get_info(at);
                auto begin = std::max(info.begin, at);
                t.offsets.emplace_back(begin.time_since_epoch().count() + info.offset.count(),
                                       std::int32_t(info.offset.count()));
                if (info.end <= at) break;
                at = info.end;
            }
        }
    }
};

namespace {

std::shared_ptr<calendar::impl> parse_impl(std::string_view text, const std::string& file,
                                           const calendar_settings& wanted) {
    nlohmann::ordered_json doc;
    try {
        doc = nlohmann::ordered_json::parse(text.begin(), text.end(), nullptr, true,
                                            /*ignore_comments=*/true);
    } catch (const nlohmann::ordered_json::parse_error& e) {
        fail(file, "", "syntax", e.what());
    }
    reader rd{file};
    rd.only_keys(doc, "", {"id", "title", "territories", "groups", "settings", "holidays"});
    auto out = std::make_shared<calendar::impl>();

    const json& terrs = rd.at(doc, "", "territories");
    if (!terrs.is_array() || terrs.empty())
        fail(file, "/territories", "type", "expected a non-empty array of territories");
    auto known_name = [&](const std::string& s) {
        for (const auto& t : out->territories) {
            if (t.id == s) return true;
            for (const auto& a : t.aliases)
                if (a == s) return true;
        }
        return false;
    };
    for (std::size_t i = 0; i < terrs.size(); ++i) {
        std::string path = fmt::format("/territories/{}", i);
        rd.only_keys(terrs[i], path, {"id", "name", "time_zone", "aliases"});
        territory_info t;
        t.id = rd.str(terrs[i], path, "id");
        t.name = rd.str(terrs[i], path, "name");
        t.time_zone = rd.str(terrs[i], path, "time_zone");
        if (terrs[i].contains("aliases"))
            t.aliases = rd.strings(terrs[i]["aliases"], path + "/aliases");
        if (known_name(t.id))
            fail(file, path + "/id", "duplicate",
                 fmt::format("territory \"{}\" is declared twice", t.id));
        for (const auto& a : t.aliases)
            if (known_name(a) || a == t.id)
                fail(file, path + "/aliases", "duplicate",
                     fmt::format("alias \"{}\" is already taken", a));
        out->territories.push_back(std::move(t));
    }

    std::vector<std::pair<std::string, std::vector<bool>>> groups;
    auto resolve = [&](const std::string& name, const std::string& path) {
        for (const auto& g : groups)
            if (g.first == name) return g.second;
        std::vector<bool> mask(out->territories.size(), false);
        for (std::size_t i = 0; i < out->territories.size(); ++i)
            if (out->territories[i].id == name) {
                mask[i] = true;
                return mask;
            }
        fail(file, path, "unknown_territory",
             fmt::format("unknown territory or group \"{}\"", name));
    };
    if (doc.contains("groups")) {
        const json& gs = doc["groups"];
        if (!gs.is_object()) fail(file, "/groups", "type", "expected an object");
        for (auto it = gs.begin(); it != gs.end(); ++it) {
            std::vector<bool> mask(out->territories.size(), false);
            auto names = rd.strings(it.value(), "/groups/" + it.key());
            for (std::size_t k = 0; k < names.size(); ++k) {
                auto m = resolve(names[k], fmt::format("/groups/{}/{}", it.key(), k));
                for (std::size_t i = 0; i < mask.size(); ++i) mask[i] = mask[i] || m[i];
            }
            groups.emplace_back(it.key(), std::move(mask));
        }
    }

    // Settings: declared values, default, then the caller's choice.
    struct setting {
        std::string name;
        std::vector<std::string> values;
        std::string value;
    };
    std::vector<setting> settings;
    if (doc.contains("settings")) {
        const json& ss = doc["settings"];
        if (!ss.is_object()) fail(file, "/settings", "type", "expected an object");
        for (auto it = ss.begin(); it != ss.end(); ++it) {
            std::string path = "/settings/" + it.key();
            rd.only_keys(it.value(), path, {"values", "default", "cite", "note", "source"});
            setting s{it.key(), rd.strings(rd.at(it.value(), path, "values"), path + "/values"),
                      rd.str(it.value(), path, "default")};
            rd.str(it.value(), path, "cite");
            if (std::find(s.values.begin(), s.values.end(), s.value) == s.values.end())
                fail(file, path + "/default", "setting",
                     fmt::format("default \"{}\" is not one of the values", s.value));
            settings.push_back(std::move(s));
        }
    }
    for (const auto& [name, value] : wanted) {
        auto it = std::find_if(settings.begin(), settings.end(),
                               [&, &n = name](const setting& s) { return s.name == n; });
        if (it == settings.end())
            throw error("echeance.calendar.setting",
                        fmt::format("unknown calendar setting \"{}\"", name),
                        location{"", 0, 0, name});
        if (std::find(it->values.begin(), it->values.end(), value) == it->values.end()) {
            std::string allowed;
            for (const auto& v : it->values) allowed += (allowed.empty() ? "" : ", ") + v;
            throw error("echeance.calendar.setting",
                        fmt::format("calendar setting {} cannot be \"{}\" (expected one of: {})",
                                    name, value, allowed),
                        location{"", 0, 0, name});
        }
        it->value = value;
    }
    for (const auto& s : settings) out->settings.emplace_back(s.name, s.value);

    const json& hs = rd.at(doc, "", "holidays");
    if (!hs.is_array()) fail(file, "/holidays", "type", "expected an array of holidays");
    for (std::size_t i = 0; i < hs.size(); ++i) {
        std::string path = fmt::format("/holidays/{}", i);
        const json& h = hs[i];
        rd.only_keys(h, path,
                     {"id", "name", "name_fr", "date", "easter", "territories", "from", "to",
                      "cite", "note", "source", "when"});
        holiday_rule r;
        r.id = rd.str(h, path, "id");
        r.name = rd.str(h, path, "name");
        r.name_fr = rd.opt_str(h, path, "name_fr");
        r.cite = rd.str(h, path, "cite");
        if (r.cite.empty())
            fail(file, path + "/cite", "missing_cite", "every holiday needs a citation");
        for (const auto& other : out->rules)
            if (other.id == r.id)
                fail(file, path + "/id", "duplicate",
                     fmt::format("holiday \"{}\" is declared twice", r.id));
        if (h.contains("date") == h.contains("easter"))
            fail(file, path, "date",
                 "a holiday needs exactly one of \"date\" (MM-DD) or \"easter\" (offset in days)");
        if (h.contains("date")) {
            std::string md = rd.str(h, path, "date");
            unsigned m = 0, d = 0;
            bool shape = md.size() == 5 && md[2] == '-' && std::isdigit((unsigned char)md[0]) &&
                         std::isdigit((unsigned char)md[1]) && std::isdigit((unsigned char)md[3]) &&
                         std::isdigit((unsigned char)md[4]);
            if (shape) {
                m = unsigned((md[0] - '0') * 10 + md[1] - '0');
                d = unsigned((md[3] - '0') * 10 + md[4] - '0');
            }
            if (!shape || m < 1 || m > 12 || d < 1 ||
                d > unsigned((date::year(2000) / date::month(m) / date::last).day()) ||
                (m == 2 && d == 29))
                fail(file, path + "/date", "date",
                     fmt::format("\"{}\" is not a fixed day of every year (expected MM-DD)", md));
            r.month = m;
            r.day = d;
        } else {
            r.easter_based = true;
            r.easter_offset = rd.integer(h, path, "easter", -63, 63);
        }
        if (h.contains("from")) r.from = rd.integer(h, path, "from", min_year, max_year);
        if (h.contains("to")) r.to = rd.integer(h, path, "to", min_year, max_year);
        if (r.to < r.from)
            fail(file, path + "/to", "range",
                 fmt::format("\"to\" ({}) is before \"from\" ({})", r.to, r.from));
        r.territories.assign(out->territories.size(), false);
        auto names = rd.strings(rd.at(h, path, "territories"), path + "/territories");
        if (names.empty())
            fail(file, path + "/territories", "type", "a holiday needs at least one territory");
        for (std::size_t k = 0; k < names.size(); ++k) {
            auto m = resolve(names[k], fmt::format("{}/territories/{}", path, k));
            for (std::size_t t = 0; t < m.size(); ++t) r.territories[t] = r.territories[t] || m[t];
        }
        if (h.contains("when")) {
            const json& w = h["when"];
            if (!w.is_object())
                fail(file, path + "/when", "type", "expected an object {setting: [values]}");
            for (auto it = w.begin(); it != w.end(); ++it) {
                auto s = std::find_if(settings.begin(), settings.end(),
                                      [&](const setting& x) { return x.name == it.key(); });
                if (s == settings.end())
                    fail(file, path + "/when/" + it.key(), "setting",
                         fmt::format("unknown setting \"{}\"", it.key()));
                auto values = rd.strings(it.value(), path + "/when/" + it.key());
                for (const auto& v : values)
                    if (std::find(s->values.begin(), s->values.end(), v) == s->values.end())
                        fail(file, path + "/when/" + it.key(), "setting",
                             fmt::format("\"{}\" is not a value of setting {}", v, it.key()));
                r.active =
                    r.active && std::find(values.begin(), values.end(), s->value) != values.end();
            }
        }
        out->rules.push_back(std::move(r));
    }
    if (doc.contains("id")) rd.str(doc, "", "id");
    if (doc.contains("title")) rd.str(doc, "", "title");
    out->build_bits();
    out->build_offsets(file);
    return out;
}

} // namespace

calendar calendar::parse(std::string_view json_text, const std::string& file_name,
                         const calendar_settings& settings) {
    return calendar(parse_impl(json_text, file_name, settings));
}

calendar calendar::load(const std::string& path, const calendar_settings& settings) {
    std::error_code ec;
    bool is_dir = std::filesystem::is_directory(path, ec);
    std::ifstream in(path, std::ios::binary);
    if (!in || is_dir)
        throw error("echeance.calendar.io", fmt::format("cannot read calendar file \"{}\"", path),
                    location{path, 0, 0, ""});
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse(ss.str(), path, settings);
}

calendar calendar::builtin(const calendar_settings& settings) {
    if (settings.empty()) {
        // Built once per process: the default calendar is what almost every caller wants.
        static const calendar shared =
            parse(detail::calendar_fr_json(), "rules/calendars/fr.json", {});
        return shared;
    }
    return parse(detail::calendar_fr_json(), "rules/calendars/fr.json", settings);
}

std::optional<territory> calendar::try_find(std::string_view name) const noexcept {
    const auto& ts = impl_->territories;
    for (std::size_t i = 0; i < ts.size(); ++i) {
        if (ts[i].id == name) return territory(std::uint16_t(i));
        for (const auto& a : ts[i].aliases)
            if (a == name) return territory(std::uint16_t(i));
    }
    return std::nullopt;
}

territory calendar::find(std::string_view name) const {
    if (auto t = try_find(name)) return *t;
    std::string known;
    for (const auto& t : impl_->territories) known += (known.empty() ? "" : " ") + t.id;
    throw error(
        "echeance.calendar.unknown_territory",
        fmt::format(
            "unknown territory \"{}\" (expected one of: {}; or an alias GP MQ GF RE YT BL MF)",
            name, known));
}

std::size_t calendar::territory_count() const noexcept {
    return impl_->territories.size();
}
namespace {
const territory_info& info_of(const calendar::impl& c, territory t) {
    if (t.index() >= c.territories.size())
        throw error("echeance.calendar.unknown_territory",
                    fmt::format("territory handle {} does not belong to this calendar", t.index()));
    return c.territories[t.index()];
}
} // namespace

const std::string& calendar::id(territory t) const {
    return info_of(*impl_, t).id;
}
const std::string& calendar::name(territory t) const {
    return info_of(*impl_, t).name;
}
const std::string& calendar::time_zone(territory t) const {
    return info_of(*impl_, t).time_zone;
}
const calendar_settings& calendar::settings() const noexcept {
    return impl_->settings;
}

std::vector<std::string> calendar::territory_ids() const {
    std::vector<std::string> out;
    for (const auto& t : impl_->territories) out.push_back(t.id);
    return out;
}

holiday_view calendar::view(territory t) const noexcept {
    holiday_view v;
    if (t.index() < impl_->territories.size())
        v.bits_ = impl_->territories[t.index()].holiday_bits.data();
    return v;
}

bool calendar::is_holiday(territory t, sys_days d) const noexcept {
    return view(t).is_holiday(d);
}

bool calendar::is_working_day(territory t, sys_days d) const noexcept {
    return view(t).is_working_day(d);
}

sys_days calendar::next_working_day(territory t, sys_days d) const noexcept {
    holiday_view v = view(t);
    while (!v.is_working_day(d)) d += date::days(1);
    return d;
}

std::vector<holiday> calendar::holidays_on(territory t, year_month_day d) const {
    std::vector<holiday> out;
    if (!in_range(d) || !is_holiday(t, sys_days(d))) return out;
    for (auto& h : holidays(t, d.year()))
        if (h.day == d) out.push_back(std::move(h));
    return out;
}

std::vector<holiday> calendar::holidays(territory t, date::year y) const {
    std::vector<holiday> out;
    int yi = int(y);
    if (yi < min_year || yi > max_year || t.index() >= impl_->territories.size()) return out;
    auto easter = sys_days(easter_sunday(y));
    for (const auto& r : impl_->rules) {
        if (!r.active || yi < r.from || yi > r.to || !r.territories[t.index()]) continue;
        year_month_day day = r.easter_based ? year_month_day(easter + date::days(r.easter_offset))
                                            : y / date::month(r.month) / date::day(r.day);
        if (day.year() != y) continue;
        out.push_back(holiday{day, r.id, r.name, r.name_fr, r.cite});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const holiday& a, const holiday& b) { return a.day < b.day; });
    return out;
}

std::chrono::seconds calendar::utc_offset(territory t, date::local_seconds local) const noexcept {
    if (t.index() >= impl_->territories.size()) return std::chrono::seconds(0);
    const auto& offs = impl_->territories[t.index()].offsets;
    std::int64_t key = local.time_since_epoch().count();
    auto it = std::upper_bound(offs.begin(), offs.end(), key,
                               [](std::int64_t k, const auto& p) { return k < p.first; });
    if (it == offs.begin()) return std::chrono::seconds(offs.empty() ? 0 : offs.front().second);
    return std::chrono::seconds(std::prev(it)->second);
}

} // namespace echeance
