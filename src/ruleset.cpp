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
template <class T, class Id>
Id find_by_id(const indexed_vector<T, Id>& items, std::string_view id) noexcept {
    for (Id i : items.ids())
        if (items[i].id == id) return i;
    return no_index;
}

template <class T, class Id>
const std::string& name_in(const indexed_vector<T, Id>& items, Id i) noexcept {
    static const std::string none;
    return items.contains(i) ? items[i].id : none;
}
} // namespace

role_id ruleset::find_role(std::string_view i) const noexcept {
    return find_by_id(roles, i);
}
condition_id ruleset::find_condition(std::string_view i) const noexcept {
    return find_by_id(conditions, i);
}
state_id ruleset::find_state(std::string_view i) const noexcept {
    return find_by_id(states, i);
}
event_id ruleset::find_event(std::string_view i) const noexcept {
    return find_by_id(events, i);
}
window_id ruleset::find_window(std::string_view i) const noexcept {
    return find_by_id(windows, i);
}
timer_id ruleset::find_timer(std::string_view i) const noexcept {
    return find_by_id(timers, i);
}
obligation_id ruleset::find_obligation(std::string_view i) const noexcept {
    return find_by_id(obligations, i);
}
retention_id ruleset::find_retention(std::string_view i) const noexcept {
    return find_by_id(retentions, i);
}
version_id ruleset::find_version(std::string_view i) const noexcept {
    return find_by_id(versions, i);
}

version_id ruleset::version_on(year_month_day day) const noexcept {
    version_id found = no_index;
    for (version_id i : versions.ids())
        if (versions[i].from <= day) found = i;
    return found;
}

const std::string& ruleset::name(role_id i) const noexcept {
    return name_in(roles, i);
}
const std::string& ruleset::name(condition_id i) const noexcept {
    return name_in(conditions, i);
}
const std::string& ruleset::name(state_id i) const noexcept {
    return name_in(states, i);
}
const std::string& ruleset::name(event_id i) const noexcept {
    return name_in(events, i);
}
const std::string& ruleset::name(window_id i) const noexcept {
    return name_in(windows, i);
}
const std::string& ruleset::name(timer_id i) const noexcept {
    return name_in(timers, i);
}
const std::string& ruleset::name(obligation_id i) const noexcept {
    return name_in(obligations, i);
}
const std::string& ruleset::name(retention_id i) const noexcept {
    return name_in(retentions, i);
}
const std::string& ruleset::name(version_id i) const noexcept {
    return name_in(versions, i);
}

const std::string& ruleset::name(counted_rule r) const noexcept {
    switch (r.kind()) {
    case rule_kind::window:
        return name(r.window());
    case rule_kind::timer:
        return name(r.timer());
    case rule_kind::obligation:
        return name(r.obligation());
    case rule_kind::retention:
        return name(r.retention());
    }
    return name(window_id());
}

const std::vector<interpretation>& ruleset::readings(counted_rule r) const noexcept {
    static const std::vector<interpretation> none;
    switch (r.kind()) {
    case rule_kind::window:
        return windows.contains(r.window()) ? windows[r.window()].readings : none;
    case rule_kind::timer:
        return timers.contains(r.timer()) ? timers[r.timer()].readings : none;
    case rule_kind::obligation:
        return obligations.contains(r.obligation()) ? obligations[r.obligation()].readings : none;
    case rule_kind::retention:
        return retentions.contains(r.retention()) ? retentions[r.retention()].readings : none;
    }
    return none;
}

protective ruleset::most_protective(counted_rule r) const noexcept {
    switch (r.kind()) {
    case rule_kind::window:
        if (windows.contains(r.window())) return windows[r.window()].most_protective;
        break;
    case rule_kind::timer:
        if (timers.contains(r.timer())) return timers[r.timer()].most_protective;
        break;
    case rule_kind::obligation:
        if (obligations.contains(r.obligation()))
            return obligations[r.obligation()].most_protective;
        break;
    case rule_kind::retention:
        if (retentions.contains(r.retention())) return retentions[r.retention()].most_protective;
        break;
    }
    return protective::computed;
}

} // namespace echeance
