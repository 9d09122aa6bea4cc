#include "echeance/ruleset.hpp"

namespace echeance {

std::string_view to_string(state_kind k) noexcept {
    switch (k) {
    case state_kind::initial:
        return "initial";
    case state_kind::live:
        return "live";
    case state_kind::final:
        return "final";
    }
    return "live";
}

namespace {
template <class T>
rule_index find_by_id(const std::vector<T>& items, std::string_view id) noexcept {
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) return rule_index(i);
    return no_index;
}
} // namespace

rule_index ruleset::find_role(std::string_view i) const noexcept {
    return find_by_id(roles, i);
}
rule_index ruleset::find_state(std::string_view i) const noexcept {
    return find_by_id(states, i);
}
rule_index ruleset::find_event(std::string_view i) const noexcept {
    return find_by_id(events, i);
}
rule_index ruleset::find_window(std::string_view i) const noexcept {
    return find_by_id(windows, i);
}
rule_index ruleset::find_timer(std::string_view i) const noexcept {
    return find_by_id(timers, i);
}
rule_index ruleset::find_obligation(std::string_view i) const noexcept {
    return find_by_id(obligations, i);
}
rule_index ruleset::find_retention(std::string_view i) const noexcept {
    return find_by_id(retentions, i);
}

rule_index ruleset::find_version(std::string_view i) const noexcept {
    return find_by_id(versions, i);
}

rule_index ruleset::version_on(year_month_day day) const noexcept {
    rule_index found = no_index;
    for (std::size_t i = 0; i < versions.size(); ++i)
        if (versions[i].from <= day) found = rule_index(i);
    return found;
}

} // namespace echeance
