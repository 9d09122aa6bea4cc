// Public-holiday calendars per territory, built from a model (read from rules/calendars/fr.json
// or another file by echeance/io/calendar.hpp).
#pragma once

#include "echeance/date.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace echeance {

// A territory of a calendar (FR, FR-971, ...): a small handle, valid for the calendar that gave it.
class territory {
public:
    constexpr territory() noexcept = default;
    constexpr explicit territory(std::uint16_t index) noexcept : index_(index) {}
    constexpr std::uint16_t index() const noexcept { return index_; }
    friend constexpr bool operator==(territory a, territory b) noexcept {
        return a.index_ == b.index_;
    }
    friend constexpr bool operator!=(territory a, territory b) noexcept { return !(a == b); }

private:
    std::uint16_t index_ = 0;
};

// One public holiday on one day, with the text that justifies it.
struct holiday {
    year_month_day day;
    std::string id;
    std::string name;
    std::string name_fr;
    std::string cite;
};

// One territory's holidays for hot loops: inline bit tests, no indirection, no allocation.
class holiday_view {
public:
    static constexpr std::int64_t first_serial = -141349; // 1583-01-01, days since 1970-01-01
    static constexpr std::int64_t last_serial = 2932896;  // 9999-12-31

    bool is_holiday(sys_days d) const noexcept {
        auto idx = std::uint64_t(d.time_since_epoch().count() - first_serial);
        return idx <= std::uint64_t(last_serial - first_serial) && bits_ != nullptr &&
               ((bits_[idx / 64] >> (idx % 64)) & 1u);
    }
    bool is_working_day(sys_days d) const noexcept {
        // 1970-01-01 was a Thursday: (serial + 4) mod 7 gives 0 for Sunday, 6 for Saturday.
        auto n = d.time_since_epoch().count();
        auto wd = ((n + 4) % 7 + 7) % 7;
        return wd != 0 && wd != 6 && !is_holiday(d);
    }

private:
    friend class calendar;
    const std::uint64_t* bits_ = nullptr;
};

// Named values for the contested rules of a calendar, e.g. {"saint_martin_abolition","observed"}.
using calendar_settings = std::vector<std::pair<std::string, std::string>>;

// What a calendar describes, with territory names resolved to indexes: read from a file by
// echeance/io/calendar.hpp, or built by hand. Its parts mirror the file, so that an error of the
// model names the field of the file (a JSON pointer such as "/holidays/3/date").
struct calendar_model {
    struct territory_entry {
        std::string id, name, time_zone; // time_zone: an IANA name (Europe/Paris)
        std::vector<std::string> aliases;
    };
    // A contested rule: the values it may take and the one used when the caller says nothing.
    struct setting {
        std::string name;
        std::vector<std::string> values;
        std::string default_value;
    };
    // The holiday applies only while `setting` has one of `values`.
    struct condition {
        std::string setting;
        std::vector<std::string> values;
    };
    struct holiday_rule {
        std::string id, name, name_fr, cite;
        bool easter_based = false;
        int easter_offset = 0;       // with easter_based: days from Easter Sunday, -63..63
        unsigned month = 0, day = 0; // otherwise: the same day every year (not 02-29)
        int from = min_year, to = max_year;
        std::vector<std::uint16_t> territories; // indexes into `territories`
        std::vector<condition> when;
    };
    std::vector<territory_entry> territories; // the first is the default territory
    std::vector<setting> settings;
    std::vector<holiday_rule> holidays;
};

// Immutable and cheap to copy (shared); safe to use from many threads.
class calendar {
public:
    // Builds the day tables (one bit per day per territory, 1583-9999) under the chosen
    // settings (the others take their default). Throws "echeance.calendar.*" errors: a bad model
    // names its field ("/holidays/3/date"), a bad choice its setting ("echeance.calendar.setting").
    explicit calendar(const calendar_model& model, const calendar_settings& chosen = {});

    // Accepts ids (FR-971) and aliases (GP). Throws "echeance.calendar.unknown_territory".
    territory find(std::string_view id_or_alias) const;
    std::optional<territory> try_find(std::string_view id_or_alias) const noexcept;
    std::size_t territory_count() const noexcept;
    territory default_territory() const noexcept { return territory(0); }

    const std::string& id(territory t) const;
    const std::string& name(territory t) const;
    const std::string& time_zone(territory t) const;
    std::vector<std::string> territory_ids() const;

    // O(1), no allocation: a bit per day per territory, built once.
    holiday_view view(territory t) const noexcept;
    bool is_holiday(territory t, sys_days d) const noexcept;
    bool is_working_day(territory t, sys_days d) const noexcept;
    // The first working day on or after d.
    sys_days next_working_day(territory t, sys_days d) const noexcept;

    // The holiday (or holidays, e.g. Saint-Martin 'both') of a day; empty when none. Slow path.
    std::vector<holiday> holidays_on(territory t, year_month_day d) const;
    // All holidays of a year, in date order.
    std::vector<holiday> holidays(territory t, date::year y) const;

    // UTC offset of local civil time in the territory at the given local instant.
    std::chrono::seconds utc_offset(territory t, date::local_seconds local) const noexcept;

    // The setting values in force (defaults filled in), in file order.
    const calendar_settings& settings() const noexcept;

    struct impl;

private:
    explicit calendar(std::shared_ptr<const impl> p) : impl_(std::move(p)) {}
    std::shared_ptr<const impl> impl_;
};

// Easter Sunday of a Gregorian year (anonymous Gregorian computus, Meeus/Jones/Butcher).
year_month_day easter_sunday(date::year y) noexcept;

} // namespace echeance
