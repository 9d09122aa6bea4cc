// Departments of a person (INSEE codes), shared by the history readers and the history builder:
// which codes are valid, and which calendar territories a department's person lives in.
#pragma once

#include <string_view>
#include <vector>

namespace echeance::detail {

// An INSEE code of a department: 01-95 but 20 (split into 2A and 2B in 1976), 2A, 2B, 971-978.
inline bool valid_department(std::string_view s) noexcept {
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (s.size() == 2) {
        if (s[0] == '2' && (s[1] == 'A' || s[1] == 'B')) return true;
        if (!digit(s[0]) || !digit(s[1])) return false;
        int v = (s[0] - '0') * 10 + (s[1] - '0');
        return v >= 1 && v <= 95 && v != 20;
    }
    return s.size() == 3 && s[0] == '9' && s[1] == '7' && s[2] >= '1' && s[2] <= '8';
}

// The calendar territories a department's person lives in, most specific first; empty: none
// (the rule set's default applies). Saint-Pierre-et-Miquelon (975) has no entry in the shipped
// calendar: FR-PM (or FR-975) is used only when a calendar given with --calendar has it.
inline std::vector<std::string_view> territories_of_department(std::string_view d) {
    if (d == "57") return {"FR-57"};
    if (d == "67") return {"FR-67"};
    if (d == "68") return {"FR-68"};
    if (d == "971") return {"FR-971"};
    if (d == "972") return {"FR-972"};
    if (d == "973") return {"FR-973"};
    if (d == "974") return {"FR-974"};
    if (d == "975") return {"FR-PM", "FR-975"};
    if (d == "976") return {"FR-976"};
    if (d == "977") return {"FR-BL"};
    if (d == "978") return {"FR-MF"};
    return {};
}

} // namespace echeance::detail
