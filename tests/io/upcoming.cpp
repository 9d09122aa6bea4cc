// The summary's next deadline (next_upcoming) is the first item on or after as_of of the sorted
// list the iCalendar report and `due` read (upcoming), for generated persons on dates where
// windows, obligations, timers and purges are each pending.
#include "detail/upcoming.hpp"

#include "../engine/generate.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <echeance/engine.hpp>
#include <echeance/io/calendar.hpp>
#include <echeance/io/rules.hpp>
#include <string>

using namespace echeance;
using namespace echeance::testing;

TEST_CASE("next_upcoming is the first upcoming item on or after as_of") {
    calendar cal = builtin_calendar();
    ruleset rules = load_ruleset(std::string(ECHEANCE_SOURCE_DIR) + "/rules/mon-espace-sante");
    std::size_t found = 0;
    for_each_generated_replay(
        rules, cal, 3000,
        [&](int i, const char* as_of, const history&, const replay_result& result) {
            auto items = detail::upcoming(result);
            auto first = std::find_if(items.begin(), items.end(),
                                      [&](const auto& u) { return u.day >= result.as_of; });
            auto next = detail::next_upcoming(result);
            INFO("person " << i << " as of " << as_of);
            REQUIRE(bool(next) == (first != items.end()));
            if (!next) return;
            ++found;
            REQUIRE(next->day == first->day);
            REQUIRE(next->rule == first->rule);
            REQUIRE(next->index == first->index);
        });
    CHECK(found > 300); // the cases are not all empty
}

TEST_CASE("next_upcoming takes the first of its day in upcoming's order, never an overdue one") {
    auto d = [](const char* s) { return parse_date(s); };
    replay_result r;
    r.as_of = d("2030-01-01");
    obligation_status late; // overdue: listed by upcoming(), never next
    late.obligation = obligation_id(0);
    late.due = d("2029-12-01");
    late.state = obligation_status::status::overdue;
    obligation_status due = late;
    due.obligation = obligation_id(1);
    due.due = d("2030-02-01");
    due.state = obligation_status::status::due;
    window_status w; // the same day as the obligation: windows come first
    w.window = window_id(2);
    w.last_day = d("2030-02-01");
    retention_status x; // the same day as well, last
    x.retention = retention_id(0);
    x.purge_on = d("2030-02-01");
    r.retention = {x};
    r.obligations = {late, due};
    r.windows = {w};
    auto next = detail::next_upcoming(r);
    REQUIRE(next);
    CHECK(next->rule == counted_rule(window_id(2)));
    CHECK(next->day == d("2030-02-01"));
    r.windows.clear(); // then the obligation, before the purge of the same day
    next = detail::next_upcoming(r);
    REQUIRE(next);
    CHECK(next->rule == counted_rule(obligation_id(1)));
    CHECK(next->index == 1u);
    r.obligations = {late}; // only what is overdue and the purge
    next = detail::next_upcoming(r);
    REQUIRE(next);
    CHECK(next->rule == counted_rule(retention_id(0)));
    r.retention.clear();
    CHECK_FALSE(detail::next_upcoming(r));
    CHECK(detail::upcoming(r).size() == 1u); // the overdue one is still upcoming's
}
