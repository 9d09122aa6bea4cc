// Properties of periods: parsing/printing and addition to a date (DOMAIN.md §3).
#include "generators.hpp"

#include <string>

using namespace echeance_prop;
using echeance::month_end;

TEST_CASE("period addition agrees with the reference Gregorian arithmetic", "[property][period]") {
    rc::prop(
        "add_explained == reference, for every policy, including out-of-range and reject",
        [] {
            const auto [start, p] = *rc::gen::weightedOneOf<std::pair<year_month_day, period>>(
                {{4, gen_start_and_period()}, {1, rc::gen::pair(gen_date(), gen_any_period())}});
            const auto policy = *gen_month_end();
            const ref_sum want = ref_add(start, p, policy);
            RC_CLASSIFY(want.what == ref_sum::outcome::out_of_range, "out of range");
            RC_CLASSIFY(want.what == ref_sum::outcome::rejected, "rejected");
            RC_CLASSIFY(want.month_end_applied, "month end applied");
            try {
                const auto got = echeance::add_explained(start, p, policy);
                RC_ASSERT(want.what == ref_sum::outcome::ok);
                RC_ASSERT(got.start == start);
                RC_ASSERT(serial(got.after_months) == want.after_months);
                RC_ASSERT(serial(got.result) == want.result);
                RC_ASSERT(got.month_end_applied == want.month_end_applied);
                RC_ASSERT(echeance::in_range(got.result));
                RC_ASSERT(echeance::add(start, p, policy) == got.result);
            } catch (const echeance::error& e) {
                if (e.id() == "echeance.date.out_of_range")
                    RC_ASSERT(want.what == ref_sum::outcome::out_of_range);
                else if (e.id() == "echeance.period.month_end")
                    RC_ASSERT(want.what == ref_sum::outcome::rejected);
                else
                    RC_FAIL("unexpected error id " + e.id());
            }
        },
        /*verbose=*/true);
}

TEST_CASE("month-end policies: clamp <= overflow", "[property][period]") {
    // Property 1.
    rc::prop(
        "clamp <= overflow, at most 3 days apart, equal when the start day <= 28",
        [] {
            const auto [start, p] = *gen_start_and_period();
            const auto clamp = try_add(start, p, month_end::clamp);
            const auto overflow = try_add(start, p, month_end::overflow);
            if (!clamp) {
                // The overflow result is never earlier, so it cannot come back into range.
                RC_ASSERT(!overflow);
                return;
            }
            if (!overflow) {
                // Only possible when clamp landed on the very last supported day.
                RC_ASSERT(*clamp == ymd(9999, 12, 31));
                return;
            }
            const auto gap = serial(*overflow) - serial(*clamp);
            RC_ASSERT(gap >= 0);
            RC_ASSERT(gap <= 3);
            if (unsigned(start.day()) <= 28) RC_ASSERT(gap == 0);
            // The implementation's overflow is "first day of the next month": exactly one day
            // later, and only when the day did not exist (which reject reports).
            const auto explained = echeance::add_explained(start, p, month_end::clamp);
            RC_ASSERT(gap == (explained.month_end_applied ? 1 : 0));
            bool rejected = false;
            try {
                RC_ASSERT(echeance::add(start, p, month_end::reject) == *clamp);
            } catch (const echeance::error& e) {
                RC_ASSERT(e.id() == std::string("echeance.period.month_end"));
                rejected = true;
            }
            RC_ASSERT(rejected == explained.month_end_applied);
            RC_CLASSIFY(gap != 0, "clamp != overflow");
        },
        /*verbose=*/true);
}

TEST_CASE("addition is monotonic in the start date", "[property][period]") {
    // Property 2.
    rc::prop(
        "d1 <= d2 implies add(d1, p) <= add(d2, p) (clamp)",
        [] {
            const auto a = *gen_date();
            // Half the time a close second date, so that month-end neighbours (Jan 29..31) meet.
            const auto b = *rc::gen::weightedOneOf<year_month_day>(
                {{1, gen_date()}, {1, rc::gen::map(rc::gen::inRange<int>(-40, 41), [a](int k) {
                                       return from_serial(std::clamp<std::int64_t>(
                                           serial(a) + k, first_serial, last_serial));
                                   })}});
            const auto d1 = std::min(a, b), d2 = std::max(a, b);
            const auto p = *gen_period();
            const auto r1 = try_add(d1, p), r2 = try_add(d2, p);
            if (!r1) {
                RC_ASSERT(!r2);
                return;
            }
            if (!r2) return; // d2 + p is past 9999-12-31: nothing to compare
            RC_ASSERT(*r1 <= *r2);
        },
        /*verbose=*/true);
}

TEST_CASE("days and weeks compose", "[property][period]") {
    // Property 3.
    auto days_gen = [] {
        return rc::gen::weightedOneOf<std::int32_t>({
            {4, rc::gen::inRange<std::int32_t>(0, 100)},
            {2, rc::gen::inRange<std::int32_t>(0, 5000)},
            {1, rc::gen::inRange<std::int32_t>(0, 1'500'000)},
        });
    };
    rc::prop(
        "add(add(d, PnD), PmD) == add(d, P(n+m)D)",
        [&] {
            const auto d = *gen_date();
            const auto n = *days_gen(), m = *days_gen();
            period pn, pm, pnm;
            pn.days = n;
            pm.days = m;
            pnm.days = n + m;
            const auto whole = try_add(d, pnm);
            const auto first = try_add(d, pn);
            const auto both = first ? try_add(*first, pm) : std::nullopt;
            RC_ASSERT(whole.has_value() == both.has_value());
            if (whole) RC_ASSERT(*whole == *both);
        },
        /*verbose=*/true);
    rc::prop(
        "add(d, PnW) == add(d, P(7n)D)",
        [&] {
            const auto d = *gen_date();
            const auto n = *days_gen() / 7;
            period weeks, days;
            weeks.weeks = n;
            days.days = 7 * n;
            const auto w = try_add(d, weeks), dd = try_add(d, days);
            RC_ASSERT(w.has_value() == dd.has_value());
            if (w) {
                RC_ASSERT(*w == *dd);
                RC_ASSERT(date::weekday(sd(*w)) == date::weekday(sd(d)));
            }
        },
        /*verbose=*/true);
    rc::prop(
        "huge week counts report out_of_range instead of wrapping",
        [] {
            const auto d = *gen_date();
            period p;
            p.weeks = *rc::gen::inRange<std::int32_t>(600'000, period::max_component + 1);
            p.days = *rc::gen::inRange<std::int32_t>(0, period::max_component + 1);
            RC_ASSERT(!try_add(d, p).has_value());
        },
        /*verbose=*/true);
}

namespace {

// One component as the user might write it: maybe absent, maybe with leading zeros.
struct written_component {
    bool present = false;
    int leading_zeros = 0;
    std::int32_t value = 0;
};

} // namespace

TEST_CASE("period text round-trips", "[property][period]") {
    // Property 6.
    rc::prop(
        "parse(print(p)) == p",
        [] {
            const auto p =
                *rc::gen::weightedOneOf<period>({{1, gen_period()}, {1, gen_any_period()}});
            const std::string text = p.to_string();
            RC_ASSERT(period::parse(text) == p);
            RC_ASSERT(text.front() == 'P');
            RC_ASSERT(text.find_first_not_of("P0123456789YMWD") == std::string::npos);
        },
        /*verbose=*/true);
    rc::prop(
        "print(parse(s)) is the canonical text of s",
        [] {
            const auto gen_written =
                rc::gen::map(rc::gen::tuple(rc::gen::arbitrary<bool>(), rc::gen::inRange(0, 4),
                                            gen_any_component()),
                             [](const std::tuple<bool, int, std::int32_t>& t) {
                                 written_component c;
                                 std::tie(c.present, c.leading_zeros, c.value) = t;
                                 return c;
                             });
            written_component parts[4];
            for (auto& c : parts) c = *gen_written;
            if (!parts[0].present && !parts[1].present && !parts[2].present && !parts[3].present)
                parts[3].present = true;
            static constexpr char designators[] = {'Y', 'M', 'W', 'D'};
            std::string text = "P", canonical = "P";
            period expected;
            std::int32_t* slots[] = {&expected.years, &expected.months, &expected.weeks,
                                     &expected.days};
            for (int k = 0; k < 4; ++k) {
                if (!parts[k].present) continue;
                text += std::string(std::size_t(parts[k].leading_zeros), '0') +
                        std::to_string(parts[k].value) + designators[k];
                *slots[k] = parts[k].value;
                if (parts[k].value != 0)
                    canonical += std::to_string(parts[k].value) + designators[k];
            }
            if (canonical == "P") canonical = "P0D";
            RC_LOG() << "text: " << text << "\n";
            const period parsed = period::parse(text);
            RC_ASSERT(parsed == expected);
            RC_ASSERT(parsed.to_string() == canonical);
            // Canonical text is a fixed point.
            RC_ASSERT(period::parse(canonical) == parsed);
            RC_ASSERT(period::parse(canonical).to_string() == canonical);
        },
        /*verbose=*/true);
}
