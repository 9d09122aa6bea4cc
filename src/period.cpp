#include "echeance/period.hpp"

#include "detail/names.hpp"
#include "echeance/error.hpp"

#include <fmt/format.h>

namespace echeance {

namespace {

[[noreturn]] void bad_period(std::string_view text, std::size_t column, const std::string& why) {
    throw error("echeance.period.invalid",
                fmt::format("invalid period \"{}\": {} (expected ISO 8601 PnYnMnWnD, e.g. P6W "
                            "or P1Y2M10D)",
                            shorten(text), why),
                location{"", 0, column, ""});
}

constexpr char designators[] = {'Y', 'M', 'W', 'D'};

} // namespace

std::string_view to_string(month_end m) noexcept {
    return detail::month_end_table.name(m);
}

month_end parse_month_end(std::string_view text) {
    if (auto m = detail::month_end_table.parse(text)) return *m;
    throw error("echeance.period.month_end",
                fmt::format("unknown month-end policy \"{}\" (expected {})", text,
                            detail::month_end_table.joined(" or ")));
}

std::vector<std::string> month_end_names() {
    return detail::month_end_table.names();
}

period period::parse(std::string_view text) {
    if (text.empty()) bad_period(text, 1, "empty");
    if (text[0] != 'P')
        bad_period(text, 1,
                   text[0] == '-' || text[0] == '+' ? "a sign is not allowed"
                                                    : "it must start with 'P'");
    if (text.size() == 1) bad_period(text, 2, "no component after 'P'");
    period p;
    std::int32_t* slots[] = {&p.years, &p.months, &p.weeks, &p.days};
    int next_slot = 0; // designators must come in the order Y M W D, each once
    std::size_t i = 1;
    while (i < text.size()) {
        std::size_t number_at = i;
        char c = text[i];
        if (c == 'T')
            bad_period(text, i + 1, "time parts (T...) are not allowed in a legal period");
        if (c == '-' || c == '+') bad_period(text, i + 1, "a sign is not allowed");
        if (c < '0' || c > '9') {
            if (static_cast<unsigned char>(c) >= 0x80)
                bad_period(text, i + 1, "only ASCII digits 0-9 are allowed");
            bad_period(text, i + 1, fmt::format("expected a number, found '{}'", c));
        }
        std::int64_t value = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            value = value * 10 + (text[i] - '0');
            if (value > max_component)
                bad_period(text, number_at + 1,
                           fmt::format("number too large (at most {})", max_component));
            ++i;
        }
        if (i == text.size()) bad_period(text, i + 1, "a number must be followed by Y, M, W or D");
        char d = text[i];
        int slot = -1;
        for (int k = 0; k < 4; ++k)
            if (designators[k] == d) slot = k;
        if (slot < 0) {
            if (d == 'T' || d == 'H' || d == 'S')
                bad_period(text, i + 1, "time parts (T...) are not allowed in a legal period");
            if (d == '.' || d == ',') bad_period(text, i + 1, "fractions are not allowed");
            if (static_cast<unsigned char>(d) >= 0x80)
                bad_period(text, i + 1, "only ASCII digits 0-9 are allowed");
            bad_period(text, i + 1,
                       fmt::format("unknown designator '{}' (expected Y, M, W or D)", d));
        }
        if (slot < next_slot)
            bad_period(text, i + 1,
                       fmt::format("'{}' {} (designators go in the order Y, M, W, D, each once)", d,
                                   slot == next_slot - 1 ? "is repeated" : "is out of order"));
        *slots[slot] = static_cast<std::int32_t>(value);
        next_slot = slot + 1;
        ++i;
    }
    return p;
}

std::string period::to_string() const {
    std::string out = "P";
    const std::int32_t values[] = {years, months, weeks, days};
    for (int k = 0; k < 4; ++k)
        if (values[k] != 0) {
            out += std::to_string(values[k]);
            out += designators[k];
        }
    if (out.size() == 1) out += "0D";
    return out;
}

addition add_explained(year_month_day start, const period& p, month_end policy) {
    require_in_range(start, "start date");
    addition out;
    out.start = start;
    year_month_day mid = start;
    if (p.has_calendar_part()) {
        std::int64_t month_index = std::int64_t(int(start.year())) * 12 +
                                   (unsigned(start.month()) - 1) + std::int64_t(p.years) * 12 +
                                   p.months;
        std::int64_t y = month_index / 12;
        if (y > max_year)
            throw error("echeance.date.out_of_range",
                        fmt::format("{} + {} falls after {}-12-31", format_date(start),
                                    p.to_string(), max_year));
        auto ym = date::year(int(y)) / date::month(unsigned(month_index % 12 + 1));
        date::day last = (ym / date::last).day();
        if (start.day() <= last) {
            mid = ym / start.day();
        } else {
            out.month_end_applied = true;
            switch (policy) {
            case month_end::clamp:
                mid = ym / last;
                break;
            case month_end::overflow:
                mid = year_month_day(sys_days(ym / last) + date::days(1));
                break;
            case month_end::reject:
                throw error("echeance.period.month_end",
                            fmt::format("{} + {}: day {} does not exist in {}-{:02} (month-end "
                                        "policy is reject; use clamp or overflow)",
                                        format_date(start), p.to_string(), unsigned(start.day()),
                                        int(ym.year()), unsigned(ym.month())));
            }
        }
    }
    out.after_months = mid;
    std::int64_t extra = p.total_days_part();
    if (extra != 0) {
        // sys_days covers far beyond 9999, so the sum cannot wrap for periods under 1e9 weeks.
        auto serial = std::int64_t(sys_days(mid).time_since_epoch().count()) + extra;
        constexpr std::int64_t last_serial = 2932896; // 9999-12-31
        if (serial > last_serial)
            throw error("echeance.date.out_of_range",
                        fmt::format("{} + {} falls after {}-12-31", format_date(start),
                                    p.to_string(), max_year));
        out.result = year_month_day(sys_days(date::days(serial)));
    } else {
        out.result = mid;
    }
    if (!in_range(out.result))
        throw error("echeance.date.out_of_range",
                    fmt::format("{} + {} falls after {}-12-31", format_date(start), p.to_string(),
                                max_year));
    return out;
}

} // namespace echeance
