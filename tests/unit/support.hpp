// Helpers shared by the unit tests (tests/unit/*.cpp).
#pragma once

#include "echeance/date.hpp"
#include "echeance/error.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace echeance_test {

inline echeance::year_month_day ymd(int y, unsigned m, unsigned d) {
    return echeance::year_month_day{date::year(y), date::month(m), date::day(d)};
}

inline echeance::sys_days day(int y, unsigned m, unsigned d) {
    return echeance::sys_days(ymd(y, m, d));
}

// Runs f, which must throw echeance::error with the given id and a message that contains
// `names` (the offending value, so that a user can find it).
template <class F>
void require_error(F&& f, const std::string& id, const std::string& names) {
    bool thrown = false;
    try {
        f();
    } catch (const echeance::error& e) {
        thrown = true;
        CHECK(e.id() == id);
        CHECK_THAT(e.message(), Catch::Matchers::Contains(names));
        // what() carries the id too, for people who only print the exception.
        CHECK_THAT(std::string(e.what()), Catch::Matchers::Contains("[" + id + "]"));
    }
    if (!thrown) FAIL("expected echeance::error " << id << " naming " << names);
}

} // namespace echeance_test
