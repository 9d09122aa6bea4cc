// Properties of counting conventions (DOMAIN.md §3): plain, CPC 640-642 and Reg. 1182/71 art. 3.
#include "generators.hpp"

#include <chrono>
#include <string>

using namespace echeance_prop;
using echeance::convention;
using echeance::deadline;

namespace {

const echeance::calendar& cal() {
    static const echeance::calendar c = echeance::builtin_calendar();
    return c;
}

// Working days in (from, to], counted one by one.
int working_days_between(echeance::territory t, sys_days from, sys_days to) {
    int n = 0;
    for (sys_days d = from + date::days(1); d <= to; d += date::days(1))
        n += cal().is_working_day(t, d) ? 1 : 0;
    return n;
}

bool has_step(const deadline& d, echeance::step::kind k) {
    for (std::size_t i = 0; i < d.step_count; ++i)
        if (d.steps[i].what == k) return true;
    return false;
}

// A compute_deadline that failed with out_of_range must have had a reason: the sum itself, or
// a final day pushed past 9999-12-31 (which can only happen from the last days of 9999).
void check_out_of_range_is_justified(year_month_day start, const period& p) {
    const auto nominal = try_add(start, p);
    if (!nominal) return;
    RC_ASSERT(serial(*nominal) >= last_serial - 20);
}

} // namespace

TEST_CASE("cpc and eu: the final day is a working day, reached as early as allowed",
          "[property][convention]") {
    // Property 4.
    rc::prop(
        "cpc: final_day is the first working day on or after nominal",
        [] {
            const auto [start, p] = *gen_start_and_period();
            const auto where = *gen_territory();
            const auto d = try_deadline(cal(), start, p, convention::cpc, where);
            if (!d) return check_out_of_range_is_justified(start, p);
            RC_ASSERT(d->nominal == echeance::add(start, p));
            RC_ASSERT(d->final_day >= d->nominal);
            RC_ASSERT(cal().is_working_day(where, sd(d->final_day)));
            for (sys_days x = sd(d->nominal); x < sd(d->final_day); x += date::days(1))
                RC_ASSERT(!cal().is_working_day(where, x)); // no earlier working day was skipped
            RC_ASSERT(sd(d->final_day) == cal().next_working_day(where, sd(d->nominal)));
            RC_ASSERT(!has_step(*d, echeance::step::kind::minimum));
            RC_CLASSIFY(d->final_day != d->nominal, "extended");
        },
        /*verbose=*/true);
    rc::prop(
        "eu: working final_day >= cpc final_day; any difference is art. 3(5)",
        [] {
            // Short periods too: the two-working-days minimum only matters for a few days.
            const auto [start, p] = *rc::gen::weightedOneOf<std::pair<year_month_day, period>>(
                {{2, gen_start_and_period()},
                 {2, rc::gen::pair(gen_date(), rc::gen::map(rc::gen::inRange<std::int32_t>(0, 8),
                                                            [](std::int32_t n) {
                                                                period q;
                                                                q.days = n;
                                                                return q;
                                                            }))}});
            const auto where = *gen_territory();
            const auto eu = try_deadline(cal(), start, p, convention::eu, where);
            if (!eu) return check_out_of_range_is_justified(start, p);
            const auto cpc = echeance::compute_deadline(cal(), start, p, convention::cpc, where);
            RC_ASSERT(eu->nominal == cpc.nominal);
            RC_ASSERT(eu->final_day >= eu->nominal);
            RC_ASSERT(cal().is_working_day(where, sd(eu->final_day)));
            RC_ASSERT(eu->final_day >= cpc.final_day);
            const auto span = serial(eu->nominal) - serial(start);
            const int working = working_days_between(where, sd(start), sd(eu->final_day));
            if (span >= 2) RC_ASSERT(working >= 2); // art. 3(5)
            if (eu->final_day != cpc.final_day) {
                // Only the minimum can move it: the cpc day had fewer than two working days, and
                // the eu day is the second working day after the start, no later.
                RC_ASSERT(span >= 2);
                RC_ASSERT(working_days_between(where, sd(start), sd(cpc.final_day)) < 2);
                RC_ASSERT(working == 2);
                RC_ASSERT(has_step(*eu, echeance::step::kind::minimum));
            } else {
                RC_ASSERT(!has_step(*eu, echeance::step::kind::minimum));
            }
            RC_CLASSIFY(eu->final_day != cpc.final_day, "art. 3(5) minimum");
        },
        /*verbose=*/true);
}

TEST_CASE("plain: the nominal day is the final day", "[property][convention]") {
    // Property 5.
    rc::prop(
        "plain final_day == nominal == add(start, p, clamp)",
        [] {
            const auto [start, p] = *gen_start_and_period();
            const auto where = *gen_territory();
            const auto d = try_deadline(cal(), start, p, convention::plain, where);
            const auto sum = try_add(start, p, echeance::month_end::clamp);
            RC_ASSERT(d.has_value() == sum.has_value());
            if (!d) return;
            RC_ASSERT(d->final_day == d->nominal);
            RC_ASSERT(d->nominal == *sum);
            RC_ASSERT(d->start == start);
            RC_ASSERT(d->length == p);
            RC_ASSERT(d->rule == convention::plain);
            RC_ASSERT(d->where == where);
            RC_ASSERT(d->step_count >= 2);
            RC_ASSERT(d->steps[0].what == echeance::step::kind::start);
            RC_ASSERT(d->steps[d->step_count - 1].what == echeance::step::kind::end);
            RC_ASSERT(d->steps[d->step_count - 1].day == sd(d->final_day));
        },
        /*verbose=*/true);
}

TEST_CASE("the end instant is 24:00 local on the final day", "[property][convention]") {
    // Property 9.
    rc::prop(
        "end_local is midnight after final_day; end_utc within 14 h of it",
        [] {
            const auto [start, p] = *gen_start_and_period();
            const auto rule = *gen_convention();
            const auto where = *gen_territory();
            const auto d = try_deadline(cal(), start, p, rule, where);
            if (!d) return check_out_of_range_is_justified(start, p);
            const auto midnight =
                date::local_days((sd(d->final_day) + date::days(1)).time_since_epoch());
            RC_ASSERT(d->end_local == date::local_seconds(midnight));
            const auto as_utc = d->end_local.time_since_epoch();
            const auto diff = d->end_utc.time_since_epoch() - as_utc;
            RC_ASSERT(std::chrono::abs(diff) <= std::chrono::hours(14));
            // The offset used is the one the calendar reports for that local instant.
            RC_ASSERT(d->end_utc.time_since_epoch() ==
                      as_utc - cal().utc_offset(where, d->end_local));
            RC_ASSERT(echeance::format_end_local(*d) == str(d->final_day) + "T24:00:00");
        },
        /*verbose=*/true);
}
