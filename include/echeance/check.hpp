// Static analysis of a loaded rule set, beyond syntax.
#pragma once

#include "echeance/error.hpp"
#include "echeance/ruleset.hpp"

#include <vector>

namespace echeance {

struct finding {
    enum class severity { warning, error };
    severity level = severity::warning;
    error what; // stable id echeance.check.<what>, message, location of the rule
};

// Unreachable states, live states with no way out, events no role may send, timers or windows
// that can never start, obligations with no discharging event, final states that can be left,
// retention with no purge; timers that can never fire, obligations never discharged where they
// are pending, purges that cannot apply, window roles that may send none of its events, cycles
// of automatic events, zero-length windows, counts from before the first version, oversized
// text fields.
std::vector<finding> check(const ruleset& rules);

} // namespace echeance
