// The calendar and the shipped rule sets, loaded once per test executable.
#pragma once

#include <echeance/calendar.hpp>
#include <echeance/io/calendar.hpp>
#include <echeance/io/rules.hpp>

namespace echeance::testing {

inline const calendar& cal() {
    static calendar c = builtin_calendar();
    return c;
}

inline const ruleset& mes() {
    static ruleset r = load_ruleset(ECHEANCE_SOURCE_DIR "/rules/mon-espace-sante");
    return r;
}

inline const ruleset& gdpr() {
    static ruleset r = load_ruleset(ECHEANCE_SOURCE_DIR "/rules/gdpr-requests");
    return r;
}

} // namespace echeance::testing
