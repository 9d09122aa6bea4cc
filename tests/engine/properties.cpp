// Properties of replay over generated persons (RapidCheck; the CTest run sets
// RC_PARAMS="max_success=2000 seed=..." : 2,000 files of 5 persons = 10,000 histories).
#include "fixtures.hpp"
#include "generate.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <echeance/engine.hpp>
#include <echeance/history.hpp>
#include <echeance/io/history.hpp>
#include <echeance/io/nir.hpp>
#include <echeance/io/report.hpp>
#include <echeance/io/rules.hpp>
#include <rapidcheck.h>
#include <rapidcheck/catch.h>
#include <set>
#include <string>

using namespace echeance;
using namespace echeance::testing;

namespace {

// The result without input line numbers (they change when persons are interleaved).
std::string summary(const ruleset& rules, const replay_result& r) {
    std::string s = rules.states[r.state].id + ";";
    for (const auto& t : r.timeline)
        s += rules.states[t.state].id + "@" + (t.entered ? format_date(*t.entered) : "-") + "-" +
             (t.left ? format_date(*t.left) : "-") + ",";
    s += ";";
    for (const auto& w : r.windows)
        s += rules.windows[w.window].id + (w.last_day ? format_date(*w.last_day) : "?") + ",";
    for (const auto& m : r.scheduled) s += rules.events[m.event].id + format_date(m.last_day) + ",";
    for (const auto& o : r.obligations)
        s += rules.obligations[o.obligation].id + std::string(to_string(o.state)) +
             std::to_string(o.days) + ",";
    for (const auto& x : r.retention)
        s += rules.retentions[x.retention].id + std::string(to_string(x.state)) +
             (x.ended_on ? format_date(*x.ended_on) : "") + ",";
    for (const auto& x : r.rejected) s += std::string(x.id) + format_date(x.day) + ",";
    return s;
}

struct batch {
    std::vector<std::vector<gen_line>> persons;
    std::string grouped, interleaved;
    year_month_day as_of;
    int later_days = 0;
};

batch make_batch(std::uint64_t seed) {
    rng r{seed};
    batch b;
    for (int p = 0; p < 5; ++p)
        b.persons.push_back(generate_person(r, "person-" + std::to_string(p), 4 + int(r.below(7))));
    for (const auto& p : b.persons)
        for (const auto& l : p) b.grouped += to_jsonl(l) + "\n";
    std::vector<std::size_t> next(b.persons.size(), 0);
    for (;;) {
        std::vector<std::size_t> left;
        for (std::size_t i = 0; i < next.size(); ++i)
            if (next[i] < b.persons[i].size()) left.push_back(i);
        if (left.empty()) break;
        std::size_t i = left[r.below(std::uint32_t(left.size()))];
        b.interleaved += to_jsonl(b.persons[i][next[i]++]) + "\n";
    }
    b.as_of =
        year_month_day(sys_days(year_month_day(date::year(2021), date::month(6), date::day(1))) +
                       date::days(r.below(365 * 14)));
    b.later_days = 1 + int(r.below(3000));
    return b;
}

bool accepted_line(const replay_result& r, std::uint32_t line) {
    for (const auto& x : r.rejected)
        if (x.line == line) return false;
    return true;
}

void check_person(const history& h, const replay_result& r) {
    const ruleset& rules = mes();
    const event_id info_sent = rules.find_event("information_sent");
    const event_id auto_creation = rules.find_event("automatic_creation");
    const event_id purge = rules.find_event("purge");
    const event_id deletion_request = rules.find_event("deletion_request");
    const state_id closed = rules.find_state("closed");
    const state_id deleted = rules.find_state("deleted");
    const state_id deceased = rules.find_state("deceased");

    // Who may act (CSP R.1111-32, C. civ. 414): with a date of birth and no representation
    // event, the representative acts only before the 18th birthday, the holder only from it.
    const role_id holder = rules.find_role("holder");
    const role_id representative = rules.find_role("representative");
    bool represented_by_event = false;
    for (const auto& e : h.events)
        if ((e.event == rules.find_event("protection_started") ||
             e.event == rules.find_event("representation_ended")) &&
            e.day <= r.as_of && accepted_line(r, e.line))
            represented_by_event = true;
    if (h.born && !represented_by_event) {
        year_month_day adult = add(*h.born, period::parse("P18Y"), month_end::overflow);
        for (const auto& e : h.events) {
            if (e.day > r.as_of || !accepted_line(r, e.line) || e.event == no_index) continue;
            const auto& regardless = rules.events[e.event].acts_regardless;
            if (std::find(regardless.begin(), regardless.end(), e.role) != regardless.end())
                continue;
            if (e.role == representative) RC_ASSERT(e.day < adult);
            if (e.role == holder) RC_ASSERT(e.day >= adult);
        }
    }
    // The 2021 pilot only for the funds of 31, 44, 80 (décret 2021-1048 art. 2): nobody else
    // changes state before 2022.
    if (h.department != "31" && h.department != "44" && h.department != "80")
        for (const auto& t : r.timeline)
            if (t.entered) RC_ASSERT(*t.entered >= year_month_day(date::year(2022) / 1 / 1));
    // No obligation overdue after the data it is about were deleted (CSP R.1111-36).
    for (const auto& o : r.obligations) {
        if (o.state != obligation_status::status::overdue ||
            rules.obligations[o.obligation].id != "deletion_on_request")
            continue;
        for (const auto& x : r.retention)
            if (x.state == retention_status::status::purged && x.ended_on &&
                *x.ended_on >= o.started)
                RC_ASSERT(false);
    }
    // No window or timer runs past a final state.
    if (rules.states[r.state].kind == state_kind::final) {
        RC_ASSERT(r.windows.empty());
        for (const auto& m : r.scheduled) RC_ASSERT(m.rule.kind() != rule_kind::timer);
    }
    // Every rejected event has a stable id and a reason.
    for (const auto& x : r.rejected) {
        RC_ASSERT(x.id.rfind("echeance.replay.", 0) == 0);
        RC_ASSERT(!reason(rules, h, x).empty());
        // append_reason() appends the same text after what the buffer holds.
        std::string appended = "kept|";
        append_reason(appended, rules, h, x);
        RC_ASSERT(appended == "kept|" + reason(rules, h, x));
    }
    // Never created without a recorded information_sent plus a full window.
    for (std::size_t i = 1; i < r.timeline.size(); ++i) {
        const auto& s = r.timeline[i];
        if (s.event != auto_creation) continue;
        std::optional<year_month_day> sent;
        territory where;
        for (const auto& e : h.events)
            if (e.event == info_sent && e.day < *s.entered && e.day <= r.as_of &&
                accepted_line(r, e.line)) {
                sent = e.day;
                where = e.where;
            }
        RC_ASSERT(sent.has_value());
        deadline dl = compute_deadline(cal(), *sent, period::parse("P6W"), convention::cpc, where);
        RC_ASSERT(sys_days(dl.final_day) + date::days(1) == sys_days(*s.entered));
    }
    // Never purged while open, nor before closure + ten years unless a deletion request came first.
    for (std::size_t i = 1; i < r.timeline.size(); ++i)
        if (r.timeline[i].event == purge) RC_ASSERT(r.timeline[i - 1].state == closed);
    for (const auto& x : r.retention) {
        if (rules.retentions[x.retention].id != "ens_archive") continue;
        if (x.state != retention_status::status::purged) continue;
        if (!x.purged_early) {
            RC_ASSERT(sys_days(*x.ended_on) ==
                      sys_days(add(x.archived_on, period::parse("P10Y"))) + date::days(1));
        } else {
            bool requested = false;
            for (const auto& e : h.events)
                if (e.event == deletion_request && e.day >= x.archived_on && e.day <= *x.ended_on &&
                    accepted_line(r, e.line))
                    requested = true;
            RC_ASSERT(requested);
        }
        bool gone = false;
        for (const auto& s : r.timeline)
            if ((s.state == deleted || s.state == deceased) && s.entered &&
                *s.entered <= *x.ended_on && (!s.left || *s.left >= *x.ended_on))
                gone = true;
        RC_ASSERT(gone);
    }
    // Every obligation is discharged, overdue or still due: never lost.
    for (const auto& o : r.obligations) {
        switch (o.state) {
        case obligation_status::status::discharged:
            RC_ASSERT(o.discharged_on.has_value());
            break;
        case obligation_status::status::overdue:
            RC_ASSERT(o.due && *o.due < r.as_of);
            break;
        case obligation_status::status::due:
            RC_ASSERT(!o.due || *o.due >= r.as_of);
            break;
        }
    }
    for (const auto& e : h.events) {
        if (e.event != deletion_request || e.day > r.as_of || !accepted_line(r, e.line)) continue;
        bool found = false;
        for (const auto& o : r.obligations)
            if (o.started == e.day ||
                (o.started <= e.day && (!o.discharged_on || *o.discharged_on >= e.day)))
                found = true;
        RC_ASSERT(found);
    }
}

} // namespace

TEST_CASE("replay properties over generated persons (Mon espace santé)") {
    rc::prop("deterministic, independent of interleaving, lawful, as-of monotone",
             [](std::uint64_t seed) {
                 batch b = make_batch(seed);
                 history_file g = parse_history(b.grouped, mes(), cal(), "g.jsonl");
                 history_file i = parse_history(b.interleaved, mes(), cal(), "i.jsonl");
                 RC_ASSERT(g.errors.empty());
                 RC_ASSERT(g.persons.size() == i.persons.size());
                 replay_options o(b.as_of);
                 replay_options later = o;
                 later.as_of = year_month_day(sys_days(b.as_of) + date::days(b.later_days));
                 for (std::size_t p = 0; p < g.persons.size(); ++p) {
                     const history& h = g.persons[p];
                     auto same =
                         std::find_if(i.persons.begin(), i.persons.end(),
                                      [&](const history& x) { return x.person == h.person; });
                     RC_ASSERT(same != i.persons.end());
                     replay_result r1 = replay(mes(), cal(), h, o);
                     replay_result r2 = replay(mes(), cal(), h, o);
                     RC_ASSERT(to_json_line(mes(), cal(), h, h.person, r1, false) ==
                               to_json_line(mes(), cal(), h, h.person, r2, false));
                     replay_result ri = replay(mes(), cal(), *same, o);
                     RC_ASSERT(summary(mes(), r1) == summary(mes(), ri));
                     check_person(h, r1);
                     // As-of monotonicity: what was entered by as_of stays in the timeline.
                     replay_result rl = replay(mes(), cal(), h, later);
                     check_person(h, rl);
                     RC_ASSERT(rl.timeline.size() >= r1.timeline.size());
                     for (std::size_t k = 0; k < r1.timeline.size(); ++k) {
                         RC_ASSERT(rl.timeline[k].state == r1.timeline[k].state);
                         RC_ASSERT(rl.timeline[k].entered == r1.timeline[k].entered);
                         if (r1.timeline[k].left)
                             RC_ASSERT(rl.timeline[k].left == r1.timeline[k].left);
                     }
                     for (std::size_t k = 0; k < r1.obligations.size(); ++k)
                         RC_ASSERT(k < rl.obligations.size() &&
                                   rl.obligations[k].started == r1.obligations[k].started);
                 }
             });
}
