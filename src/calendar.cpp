#include "echeance/calendar.hpp"

#include "echeance/error.hpp"

#include <algorithm>
#include <date/tz.h>
#include <fmt/format.h>

namespace echeance {

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

using model = calendar_model;

// A holiday rule as the tables and holidays() use it.
struct active_rule {
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

// An error of the model, located by the JSON pointer of its field (placed in the file by io).
[[noreturn]] void fail(const std::string& field, const std::string& id,
                       const std::string& message) {
    throw error("echeance.calendar." + id, message, location{"", 0, 0, field});
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

void check_territories(const model& m) {
    if (m.territories.empty())
        fail("/territories", "type", "expected a non-empty array of territories");
    if (m.territories.size() > 0xFFFF) fail("/territories", "type", "too many territories");
    auto taken = [&](std::size_t before, const std::string& s) {
        for (std::size_t i = 0; i < before; ++i)
            if (m.territories[i].id == s || contains(m.territories[i].aliases, s)) return true;
        return false;
    };
    for (std::size_t i = 0; i < m.territories.size(); ++i) {
        const auto& t = m.territories[i];
        std::string path = fmt::format("/territories/{}", i);
        if (taken(i, t.id))
            fail(path + "/id", "duplicate",
                 fmt::format("territory \"{}\" is declared twice", t.id));
        for (std::size_t k = 0; k < t.aliases.size(); ++k) {
            const std::string& a = t.aliases[k];
            bool again = std::find(t.aliases.begin(), t.aliases.begin() + long(k), a) !=
                         t.aliases.begin() + long(k);
            if (taken(i, a) || a == t.id || again)
                fail(path + "/aliases", "duplicate",
                     fmt::format("alias \"{}\" is already taken", a));
        }
    }
}

void check_settings(const model& m) {
    for (std::size_t i = 0; i < m.settings.size(); ++i) {
        const auto& s = m.settings[i];
        std::string path = "/settings/" + s.name;
        for (std::size_t k = 0; k < i; ++k)
            if (m.settings[k].name == s.name)
                fail(path, "duplicate", fmt::format("setting \"{}\" is declared twice", s.name));
        if (!contains(s.values, s.default_value))
            fail(path + "/default", "setting",
                 fmt::format("default \"{}\" is not one of the values", s.default_value));
    }
}

const model::setting* find_setting(const model& m, const std::string& name) {
    for (const auto& s : m.settings)
        if (s.name == name) return &s;
    return nullptr;
}

// The fixed day of a holiday exists in every year (so not 02-29).
bool every_year(unsigned m, unsigned d) {
    return m >= 1 && m <= 12 && d >= 1 &&
           d <= unsigned((date::year(2000) / date::month(m) / date::last).day()) &&
           !(m == 2 && d == 29);
}

void check_holiday(const model& m, std::size_t i) {
    const model::holiday_rule& h = m.holidays[i];
    std::string path = fmt::format("/holidays/{}", i);
    if (h.cite.empty()) fail(path + "/cite", "missing_cite", "every holiday needs a citation");
    for (std::size_t k = 0; k < i; ++k)
        if (m.holidays[k].id == h.id)
            fail(path + "/id", "duplicate", fmt::format("holiday \"{}\" is declared twice", h.id));
    if (h.easter_based) {
        if (h.easter_offset < -63 || h.easter_offset > 63)
            fail(path + "/easter", "type", "expected a whole number from -63 to 63");
    } else if (!every_year(h.month, h.day)) {
        fail(path + "/date", "date",
             fmt::format("\"{:02}-{:02}\" is not a fixed day of every year (expected MM-DD)",
                         h.month % 100, h.day % 100));
    }
    if (h.from < min_year || h.from > max_year)
        fail(path + "/from", "type",
             fmt::format("expected a whole number from {} to {}", min_year, max_year));
    if (h.to < min_year || h.to > max_year)
        fail(path + "/to", "type",
             fmt::format("expected a whole number from {} to {}", min_year, max_year));
    if (h.to < h.from)
        fail(path + "/to", "range",
             fmt::format("\"to\" ({}) is before \"from\" ({})", h.to, h.from));
    for (std::size_t k = 0; k < h.territories.size(); ++k)
        if (h.territories[k] >= m.territories.size())
            fail(fmt::format("{}/territories/{}", path, k), "unknown_territory",
                 fmt::format("territory index {} is not in the calendar", h.territories[k]));
    for (const auto& c : h.when) {
        const model::setting* s = find_setting(m, c.setting);
        if (!s)
            fail(path + "/when/" + c.setting, "setting",
                 fmt::format("unknown setting \"{}\"", c.setting));
        for (const auto& v : c.values)
            if (!contains(s->values, v))
                fail(path + "/when/" + c.setting, "setting",
                     fmt::format("\"{}\" is not a value of setting {}", v, c.setting));
    }
}

// Defaults, then the caller's choices (an unknown name or value names the setting).
calendar_settings settings_in_force(const model& m, const calendar_settings& chosen) {
    calendar_settings out;
    for (const auto& s : m.settings) out.emplace_back(s.name, s.default_value);
    for (const auto& [name, value] : chosen) {
        const model::setting* s = find_setting(m, name);
        if (!s)
            throw error("echeance.calendar.setting",
                        fmt::format("unknown calendar setting \"{}\"", name),
                        location{"", 0, 0, name});
        if (!contains(s->values, value)) {
            std::string allowed;
            for (const auto& v : s->values) allowed += (allowed.empty() ? "" : ", ") + v;
            throw error("echeance.calendar.setting",
                        fmt::format("calendar setting {} cannot be \"{}\" (expected one of: {})",
                                    name, value, allowed),
                        location{"", 0, 0, name});
        }
        for (auto& [n, v] : out)
            if (n == name) v = value;
    }
    return out;
}

active_rule rule_of(const model& m, const model::holiday_rule& h,
                    const calendar_settings& in_force) {
    active_rule r;
    r.id = h.id;
    r.name = h.name;
    r.name_fr = h.name_fr;
    r.cite = h.cite;
    r.easter_based = h.easter_based;
    r.easter_offset = h.easter_offset;
    r.month = h.month;
    r.day = h.day;
    r.from = h.from;
    r.to = h.to;
    r.territories.assign(m.territories.size(), false);
    for (auto t : h.territories) r.territories[t] = true;
    for (const auto& c : h.when)
        for (const auto& [n, v] : in_force)
            if (n == c.setting) r.active = r.active && contains(c.values, v);
    return r;
}

} // namespace

struct calendar::impl {
    impl() = default;
    impl(const impl&) = delete; // `names` views its own strings
    impl& operator=(const impl&) = delete;
    std::vector<territory_info> territories;
    std::vector<active_rule> rules;
    calendar_settings settings;
    // Every id and alias, sorted by name; unique, as check_territories rejects a name taken
    // twice. Views into `territories`, built last.
    std::vector<std::pair<std::string_view, std::uint16_t>> names;

    void build_names() {
        for (std::size_t i = 0; i < territories.size(); ++i) {
            names.emplace_back(territories[i].id, std::uint16_t(i));
            for (const auto& a : territories[i].aliases) names.emplace_back(a, std::uint16_t(i));
        }
        std::sort(names.begin(), names.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
    }

    void build_bits() {
        for (auto& t : territories) t.holiday_bits.assign((day_count + 63) / 64, 0);
        // Each rule's territories as a list, once: a test of every territory's bit for every
        // rule and year was most of a process's start-up (8,417 years). A rule of every
        // territory sets one common table, added to each at the end: one bit a day, not one a
        // day and territory.
        std::vector<std::uint64_t> common((day_count + 63) / 64, 0);
        std::vector<std::vector<std::uint64_t>*> where;
        std::vector<std::size_t> first(rules.size() + 1, 0);
        for (const auto& r : rules) {
            std::size_t in = 0;
            for (std::size_t t = 0; t < territories.size(); ++t) in += r.territories[t] ? 1 : 0;
            if (r.active && in == territories.size()) {
                where.push_back(&common);
            } else {
                for (std::size_t t = 0; t < territories.size(); ++t)
                    if (r.active && r.territories[t]) where.push_back(&territories[t].holiday_bits);
            }
            first[std::size_t(&r - rules.data()) + 1] = where.size();
        }
        // A fixed day from 1 January and the days before its month (every_year() has checked
        // the day), not a conversion of year/month/day per rule and year: that was most of
        // build_bits, itself most of a process's start-up.
        static constexpr int before_month[12] = {0,   31,  59,  90,  120, 151,
                                                 181, 212, 243, 273, 304, 334};
        for (int y = min_year; y <= max_year; ++y) {
            sys_days easter{};
            bool easter_known = false;
            const sys_days jan1 = sys_days(date::year(y) / date::January / 1);
            const bool leap = date::year(y).is_leap();
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
                    const unsigned m = unsigned(r.month);
                    d = jan1 + date::days(before_month[m - 1] + (leap && m > 2 ? 1 : 0) +
                                          int(unsigned(r.day)) - 1);
                }
                auto idx = std::size_t(d.time_since_epoch().count() - first_serial);
                if (idx >= day_count) continue;
                std::size_t k = std::size_t(&r - rules.data());
                for (std::size_t i = first[k]; i < first[k + 1]; ++i)
                    (*where[i])[idx / 64] |= std::uint64_t(1) << (idx % 64);
            }
        }
        for (auto& t : territories)
            for (std::size_t w = 0; w < common.size(); ++w) t.holiday_bits[w] |= common[w];
    }

    void build_offsets() {
        for (std::size_t i = 0; i < territories.size(); ++i) {
            auto& t = territories[i];
            const date::time_zone* zone = nullptr;
            try {
                zone = date::locate_zone(t.time_zone);
            } catch (const std::exception& e) {
                fail(fmt::format("/territories/{}/time_zone", i), "time_zone",
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

std::shared_ptr<const calendar::impl> build(const calendar_model& m,
                                            const calendar_settings& chosen) {
    check_territories(m);
    check_settings(m);
    for (std::size_t i = 0; i < m.holidays.size(); ++i) check_holiday(m, i);
    auto out = std::make_shared<calendar::impl>();
    out->settings = settings_in_force(m, chosen);
    for (const auto& t : m.territories)
        out->territories.push_back(territory_info{t.id, t.name, t.time_zone, t.aliases, {}, {}});
    for (const auto& h : m.holidays) out->rules.push_back(rule_of(m, h, out->settings));
    out->build_bits();
    out->build_offsets();
    out->build_names();
    return out;
}

} // namespace

calendar::calendar(const calendar_model& model, const calendar_settings& chosen)
    : impl_(build(model, chosen)) {}

std::optional<territory> calendar::try_find(std::string_view name) const noexcept {
    const auto& ns = impl_->names;
    auto it = std::lower_bound(ns.begin(), ns.end(), name,
                               [](const auto& n, std::string_view x) { return n.first < x; });
    if (it == ns.end() || it->first != name) return std::nullopt;
    return territory(it->second);
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
