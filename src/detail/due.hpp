// Shared by the due items and the due report (internal).
#pragma once

#include "echeance/date.hpp"

namespace echeance::detail {

// Throws "echeance.due.range" when from > to.
void require_due_range(year_month_day from, year_month_day to);

} // namespace echeance::detail
