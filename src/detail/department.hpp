// Departments of a person (INSEE codes), shared by the history readers and the history builder:
// which codes are valid, and which calendar territories a department's person lives in.
#pragma once

#include <cstddef>
#include <string_view>

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
// At most two ids, in place: the list built on the heap was an allocation at each call (4,354
// in a sweep of 2x10^4 generated persons, heaptrack).
struct department_territories {
    std::string_view ids[2];
    std::size_t count = 0;
    const std::string_view* begin() const noexcept { return ids; }
    const std::string_view* end() const noexcept { return ids + count; }
};
inline department_territories territories_of_department(std::string_view d) noexcept {
    if (d == "57") return {{"FR-57"}, 1};
    if (d == "67") return {{"FR-67"}, 1};
    if (d == "68") return {{"FR-68"}, 1};
    if (d == "971") return {{"FR-971"}, 1};
    if (d == "972") return {{"FR-972"}, 1};
    if (d == "973") return {{"FR-973"}, 1};
    if (d == "974") return {{"FR-974"}, 1};
    if (d == "975") return {{"FR-PM", "FR-975"}, 2};
    if (d == "976") return {{"FR-976"}, 1};
    if (d == "977") return {{"FR-BL"}, 1};
    if (d == "978") return {{"FR-MF"}, 1};
    return {};
}

} // namespace echeance::detail
