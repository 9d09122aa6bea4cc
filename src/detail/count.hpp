// Internal to the engine: one count of one reading, shared by the replay and by the rendering of
// the explanation (which computes the same count again to show its date arithmetic).
#pragma once

#include "echeance/convention.hpp"
#include "echeance/engine.hpp"
#include "echeance/ruleset.hpp"

#include <algorithm>

namespace echeance::detail {

// The timing of reading `r` under version `v` (the version in force on the anchor day, the
// first one when none is); nullptr when the reading has none.
inline const timing* timing_of(const interpretation& r, version_id v) noexcept {
    if (r.by_version.empty()) return nullptr;
    std::size_t last = r.by_version.size() - 1;
    return &r.by_version[v.none() || v.index() > last ? version_id(last) : v];
}

// The deadline of a count. Throws like compute_deadline() and add_explained().
inline deadline count_deadline(const calendar& cal, const timing& t, year_month_day anchor,
                               territory where) {
    if (t.policy != month_end::clamp && t.length.has_calendar_part()) {
        addition a = add_explained(anchor, t.length, t.policy); // reject: throws
        if (a.month_end_applied) {
            period days;
            days.days = std::int32_t((sys_days(a.result) - sys_days(anchor)).count());
            return compute_deadline(cal, anchor, days, t.rule, where);
        }
    }
    return compute_deadline(cal, anchor, t.length, t.rule, where);
}

} // namespace echeance::detail
