// The texts append_reason() writes without a format string (a line out of order, a condition, a
// wrong state, no rules) against the fmt::format texts they replaced, kept here as the oracle,
// for every such rejection of generated persons at several dates.
#include "generate.hpp"

#include <catch2/catch.hpp>
#include <date/date.h>
#include <echeance/engine.hpp>
#include <echeance/io/calendar.hpp>
#include <echeance/io/rules.hpp>
#include <fmt/format.h>
#include <string>
#include <vector>

using namespace echeance;
using namespace echeance::testing;

namespace {

// The ids joined by fmt itself (the engine joins them by hand).
template <class Id, class V>
std::string list_ids(const std::vector<Id>& idx, const V& items) {
    std::vector<std::string> ids;
    for (auto i : idx) ids.push_back(items[i].id);
    return fmt::format("{}", fmt::join(ids, ", "));
}

std::string age_text(const period& p) {
    if (p.months == 0 && p.weeks == 0 && p.days == 0) return fmt::format("{} years", p.years);
    return p.to_string();
}

std::string utc(date::sys_seconds t) {
    return date::format("%Y-%m-%dT%H:%M:%SZ", t);
}

// The text before append_reason, for the four kinds it writes itself; "" for the others.
std::string oracle(const ruleset& rules, const history& h, const rejection& x) {
    using why = rejection::why;
    switch (x.code) {
    case why::out_of_order:
        return fmt::format("dated {}, before the event of line {} ({})", format_date(x.day),
                           x.other_line, format_date(x.on));
    case why::no_rules: {
        std::string scope;
        for (const auto& v : rules.versions) {
            if (v.scope.empty() || x.day < v.from) continue;
            const scope_reading* s = &v.scope.front();
            for (const auto& r : v.scope)
                if (r.is_default) s = &r;
            std::string vals;
            for (const auto& d : s->values) vals += (vals.empty() ? "" : ", ") + d;
            scope = fmt::format("; version {} (from {}) applies only to persons whose department "
                                "is {}{} ({}), and this person's is {}",
                                v.id, format_date(v.from), vals,
                                s->id.empty() ? std::string() : " (reading " + s->id + ")",
                                s->why.cite, h.department.empty() ? "unknown" : h.department);
        }
        if (scope.empty())
            return fmt::format("no version of {} is in force on {} (the first applies from {})",
                               rules.id, format_date(x.day),
                               rules.versions.empty() ? std::string("-")
                                                      : format_date(rules.versions.front().from));
        std::string first = "-";
        for (const auto& v : rules.versions)
            if (v.scope.empty()) {
                first = format_date(v.from);
                break;
            }
        return fmt::format("no version of {} is in force on {} for this person (the first for "
                           "everyone applies from {}){}",
                           rules.id, format_date(x.day), first, scope);
    }
    case why::condition: {
        const condition_info& c = rules.conditions[x.condition];
        const role_info& role = rules.roles[x.role];
        bool while_ = role.acts_while == x.condition;
        std::string on = x.changed_on ? format_date(*x.changed_on) : std::string("?");
        std::string cause;
        if (x.changed_by != no_index)
            cause = fmt::format("{} by {} on {}", x.held ? "it holds since it was set" : "it ended",
                                rules.events[x.changed_by].id, on);
        else if (x.held && c.age_below && h.born)
            cause = fmt::format("born {}, it holds until the age of {}, reached on {}",
                                format_date(*h.born), age_text(*c.age_below),
                                format_date(add(*h.born, *c.age_below, c.policy)));
        else if (c.age_below && h.born)
            cause = fmt::format("born {}, the age of {} was reached on {}", format_date(*h.born),
                                age_text(*c.age_below), on);
        return fmt::format("{} may send {} only while {} {} ({}); on {} it {}: {} ({})", role.id,
                           rules.events[x.event].id, c.id, while_ ? "holds" : "does not hold",
                           c.title.empty() ? c.id : c.title, format_date(x.day),
                           x.held ? "holds" : "does not", cause, c.why.cite);
    }
    case why::wrong_state: {
        const event_info& info = rules.events[x.event];
        std::vector<state_id> allowed;
        for (const transition& t : info.transitions)
            for (auto st : t.instead != no_index ? std::vector<state_id>{} : t.from)
                if (std::find(allowed.begin(), allowed.end(), st) == allowed.end())
                    allowed.push_back(st);
        std::string hint;
        if (x.instead != no_index) {
            std::string cite;
            for (const transition& t : info.transitions)
                if (t.instead == x.instead &&
                    std::find(t.from.begin(), t.from.end(), x.state) != t.from.end())
                    cite = t.why.cite;
            return fmt::format("{} is not possible in state {}{}: send {} instead ({})", info.id,
                               rules.states[x.state].id,
                               x.since ? " since " + format_date(*x.since) : std::string(),
                               rules.events[x.instead].id, cite);
        }
        if (x.window != no_index) {
            const std::string& w = rules.windows[x.window].id;
            hint = x.closed_by != no_index
                       ? fmt::format("; window {} closed on {} by {}", w, format_date(x.on),
                                     rules.events[x.closed_by].id)
                       : fmt::format("; window {} ended on {} at 24:00 local time ({})", w,
                                     format_date(x.on), utc(x.end_utc));
        }
        return fmt::format("{} is allowed in state{} {}; the state is {}{}{}{}", info.id,
                           allowed.size() > 1 ? "s" : "", list_ids(allowed, rules.states),
                           rules.states[x.state].id,
                           x.since ? " since " + format_date(*x.since) : std::string(),
                           rules.states[x.state].kind == state_kind::final ? " (final)" : "", hint);
    }
    default:
        return std::string();
    }
}

// Every rejection of the four kinds, for generated persons at four dates: how many were checked.
std::size_t check_all(const ruleset& rules, const calendar& cal) {
    std::size_t checked = 0;
    for_each_generated_replay(
        rules, cal, 2500,
        [&](int i, const char* as_of, const history& h, const replay_result& result) {
            for (const auto& x : result.rejected) {
                std::string expected = oracle(rules, h, x);
                if (expected.empty()) continue;
                std::string got = "kept|";
                append_reason(got, rules, h, x);
                INFO("person " << i << " as of " << as_of << ", " << x.id);
                REQUIRE(got == "kept|" + expected);
                ++checked;
            }
        });
    return checked;
}

} // namespace

TEST_CASE("append_reason writes the texts fmt::format wrote") {
    calendar cal = builtin_calendar();
    ruleset rules = load_ruleset(std::string(ECHEANCE_SOURCE_DIR) + "/rules/mon-espace-sante");
    CHECK(check_all(rules, cal) > 10000);
    // An empty value among a scope's values adds no separator, as the joined string did.
    for (auto& v : rules.versions)
        for (auto& s : v.scope) {
            s.values.insert(s.values.begin(), "");
            s.values.push_back("");
        }
    CHECK(check_all(rules, cal) > 10000);
}
