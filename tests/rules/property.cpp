// Properties of the loader over generated rule sets:
// - load(serialize(m)) gives back m (locations aside), and serialize is then a fixed point;
// - replacing one reference by an undeclared id yields exactly one diagnostic, that one, at
//   the line and column of the replaced value.
#include "echeance/io/rules.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <rapidcheck.h>
#include <rapidcheck/catch.h>
#include <string>
#include <vector>

using namespace echeance;

namespace {

std::string gen_text() {
    // Printable text with quotes, backslashes, accents and control characters to escape.
    static const std::vector<std::string> pieces = {"CSP", " ", "R.1111-36",  "é",  "\"",
                                                    "\\",  "/", "\n",         "\t", "art. 3",
                                                    "€",   "💡", "L.1111-13-1"};
    auto n = *rc::gen::inRange(1, 5);
    std::string s;
    for (int i = 0; i < n; ++i)
        s += pieces[std::size_t(*rc::gen::inRange<int>(0, int(pieces.size())))];
    return s;
}

citation gen_citation() {
    citation c;
    c.cite = "CSP " + gen_text();
    if (*rc::gen::arbitrary<bool>()) c.source = gen_text();
    if (*rc::gen::arbitrary<bool>()) c.note = gen_text();
    return c;
}

template <class T>
T pick(const std::vector<T>& v) {
    return v[std::size_t(*rc::gen::inRange<int>(0, int(v.size())))];
}

// One id of a (non-empty) vector of the model.
template <class T, class Id>
Id pick_id(const indexed_vector<T, Id>& items) {
    return Id(std::size_t(*rc::gen::inRange<int>(0, int(items.size()))));
}

// A non-empty list of distinct ids of a vector of the model.
template <class T, class Id>
std::vector<Id> pick_set(const indexed_vector<T, Id>& items, bool may_be_empty = false) {
    std::vector<Id> out;
    for (Id i : items.ids())
        if (*rc::gen::arbitrary<bool>()) out.push_back(i);
    if (out.empty() && !may_be_empty) out.push_back(pick_id(items));
    // Any order: the file keeps it.
    if (out.size() > 1 && *rc::gen::arbitrary<bool>()) std::swap(out.front(), out.back());
    return out;
}

timing gen_timing() {
    timing t;
    t.length.years = *rc::gen::inRange(0, 12);
    t.length.months = *rc::gen::inRange(0, 13);
    t.length.weeks = *rc::gen::inRange(0, 9);
    t.length.days = *rc::gen::inRange(0, 40);
    t.rule = pick(std::vector<convention>{convention::plain, convention::cpc, convention::eu});
    t.policy =
        pick(std::vector<month_end>{month_end::clamp, month_end::overflow, month_end::reject});
    return t;
}

interpretation gen_reading(const ruleset& r) {
    interpretation x;
    switch (*rc::gen::inRange(0, 3)) {
    case 0:
        break;
    case 1:
        x.anchor = pick_id(r.events);
        break;
    default:
        x.anchor_day = year_month_day{date::year(*rc::gen::inRange(1990, 2040)),
                                      date::month(unsigned(*rc::gen::inRange(1, 13))),
                                      date::day(unsigned(*rc::gen::inRange(1, 29)))};
    }
    timing base = gen_timing();
    x.by_version.assign(r.versions.size(), base);
    for (version_id v : r.versions.ids())
        if (v != version_id(0) && *rc::gen::arbitrary<bool>()) x.by_version[v] = gen_timing();
    return x;
}

std::vector<interpretation> gen_count(const ruleset& r, const citation& why) {
    std::vector<interpretation> out;
    if (*rc::gen::arbitrary<bool>()) {
        interpretation one = gen_reading(r);
        one.is_default = true;
        one.why = why;
        out.push_back(std::move(one));
        return out;
    }
    int n = *rc::gen::inRange(1, 4);
    int def = *rc::gen::inRange(0, n);
    for (int i = 0; i < n; ++i) {
        interpretation x = gen_reading(r);
        x.id = "reading-" + std::to_string(i);
        x.is_default = i == def;
        x.why = gen_citation();
        out.push_back(std::move(x));
    }
    return out;
}

std::vector<effect> gen_effects(const ruleset& r) {
    std::vector<effect> out;
    int n = *rc::gen::inRange(0, 4);
    for (int i = 0; i < n; ++i) {
        effect fx;
        fx.what = effect::kind(*rc::gen::inRange(0, 9));
        std::size_t count = 0;
        switch (fx.what) {
        case effect::kind::open_window:
        case effect::kind::close_window:
            count = r.windows.size();
            if (count) fx.target = pick_id(r.windows);
            break;
        case effect::kind::start_timer:
        case effect::kind::cancel_timer:
            count = r.timers.size();
            if (count) fx.target = pick_id(r.timers);
            break;
        case effect::kind::start_obligation:
        case effect::kind::discharge:
            count = r.obligations.size();
            if (count) fx.target = pick_id(r.obligations);
            break;
        default:
            count = r.retentions.size();
            if (count) fx.target = pick_id(r.retentions);
        }
        if (count == 0) continue;
        out.push_back(fx);
    }
    return out;
}

// A valid model: what the loader accepts (check() may still find flaws: that is not our concern).
ruleset gen_ruleset() {
    ruleset r;
    r.id = "generated";
    r.title = *rc::gen::arbitrary<bool>() ? gen_text() : "";
    r.why = gen_citation();
    r.defaults.rule =
        pick(std::vector<convention>{convention::plain, convention::cpc, convention::eu});
    r.defaults.policy =
        pick(std::vector<month_end>{month_end::clamp, month_end::overflow, month_end::reject});
    r.defaults.territory = pick(std::vector<std::string>{"FR", "FR-971", "FR-57", "FR-MF"});
    int versions = *rc::gen::inRange(1, 4);
    for (int i = 0; i < versions; ++i) {
        version_info v;
        v.id = "v" + std::to_string(i);
        v.from = year_month_day{date::year(2000 + 3 * i + *rc::gen::inRange(0, 3)), date::month(1),
                                date::day(1)};
        if (*rc::gen::arbitrary<bool>()) v.published = v.from;
        v.why = gen_citation();
        r.versions.push_back(v);
    }
    int roles = *rc::gen::inRange(1, 4);
    for (int i = 0; i <= roles; ++i) {
        role_info x;
        x.id = i == roles ? "system" : "role-" + std::to_string(i);
        x.title = *rc::gen::arbitrary<bool>() ? gen_text() : "";
        x.why = gen_citation();
        r.roles.push_back(x);
    }
    const role_id system = role_id(std::size_t(roles));
    int states = *rc::gen::inRange(1, 7);
    for (int i = 0; i < states; ++i) {
        state_info s;
        s.id = "s" + std::to_string(i);
        s.kind = i == 0 ? state_kind::initial
                        : (*rc::gen::arbitrary<bool>() ? state_kind::live : state_kind::final);
        s.title = *rc::gen::arbitrary<bool>() ? gen_text() : "";
        s.why = gen_citation();
        r.states.push_back(s);
    }
    r.initial_state = state_id(0);
    // Ids first (references may point anywhere), bodies after.
    int events = *rc::gen::inRange(1, 8);
    r.events.resize(std::size_t(events));
    r.windows.resize(std::size_t(*rc::gen::inRange(0, 3)));
    r.timers.resize(std::size_t(*rc::gen::inRange(0, 3)));
    r.obligations.resize(std::size_t(*rc::gen::inRange(0, 3)));
    r.retentions.resize(std::size_t(*rc::gen::inRange(0, 3)));
    std::vector<event_id> automatic;
    for (event_id i : r.events.ids()) {
        event_info& e = r.events[i];
        e.id = "e" + std::to_string(i.index());
        e.automatic = i.index() == 0 || *rc::gen::inRange(0, 4) == 0; // e0 is always automatic
        if (e.automatic) automatic.push_back(i);
    }
    for (auto& w : r.windows) w.id = "w" + std::to_string(r.windows.id_of(w).index());
    for (auto& t : r.timers) t.id = "t" + std::to_string(r.timers.id_of(t).index());
    for (auto& o : r.obligations) o.id = "o" + std::to_string(r.obligations.id_of(o).index());
    for (auto& x : r.retentions) x.id = "r" + std::to_string(r.retentions.id_of(x).index());

    for (auto& e : r.events) {
        e.title = *rc::gen::arbitrary<bool>() ? gen_text() : "";
        e.why = gen_citation();
        if (e.automatic)
            e.roles = {system};
        else
            e.roles = pick_set(r.roles, true);
        int n = *rc::gen::inRange(1, 4);
        for (int k = 0; k < n; ++k) {
            transition t;
            t.from = pick_set(r.states);
            t.to = pick_id(r.states);
            if (!r.windows.empty() && *rc::gen::arbitrary<bool>()) t.window = pick_id(r.windows);
            if (*rc::gen::inRange(0, 3) == 0) t.effects = gen_effects(r);
            t.why = *rc::gen::arbitrary<bool>() ? e.why : gen_citation();
            e.transitions.push_back(std::move(t));
        }
        e.effects = gen_effects(r);
    }
    for (auto& w : r.windows) {
        w.events = pick_set(r.events);
        w.roles = pick_set(r.roles);
        w.why = gen_citation();
        w.readings = gen_count(r, w.why);
    }
    for (auto& t : r.timers) {
        t.event = pick(automatic);
        t.why = gen_citation();
        if (!r.windows.empty() && *rc::gen::arbitrary<bool>())
            t.at_end_of = pick_id(r.windows);
        else
            t.readings = gen_count(r, t.why);
    }
    for (auto& o : r.obligations) {
        o.role = pick_id(r.roles);
        o.event = pick_id(r.events);
        o.why = gen_citation();
        o.readings = gen_count(r, o.why);
    }
    for (auto& x : r.retentions) {
        x.what = *rc::gen::arbitrary<bool>() ? gen_text() : "";
        if (*rc::gen::arbitrary<bool>()) x.purge_event = pick(automatic);
        x.why = gen_citation();
        x.readings = gen_count(r, x.why);
    }
    return r;
}

// Every place of a serialized rule set that holds a reference, with the kind it refers to.
struct site {
    nlohmann::json::json_pointer at;
    const char* kind;
};

void collect(const nlohmann::ordered_json& j, std::vector<site>& out) {
    using ptr = nlohmann::json::json_pointer;
    auto list = [&](const ptr& p, const char* kind) {
        for (std::size_t i = 0; i < j.at(p).size(); ++i) out.push_back({p / i, kind});
    };
    auto effects = [&](const ptr& p) {
        if (!j.contains(p)) return;
        for (std::size_t i = 0; i < j.at(p).size(); ++i) {
            const auto& fx = j.at(p / i);
            std::string verb = fx.begin().key();
            const char* kind = verb == "open" || verb == "close"         ? "window"
                               : verb == "start" || verb == "cancel"     ? "timer"
                               : verb == "oblige" || verb == "discharge" ? "obligation"
                                                                         : "retention";
            out.push_back({p / i / verb, kind});
        }
    };
    auto count = [&](const ptr& p) {
        const auto& o = j.at(p);
        if (o.contains("from_event")) out.push_back({p / "from_event", "event"});
        if (o.contains("interpretations"))
            for (auto it = o["interpretations"].begin(); it != o["interpretations"].end(); ++it)
                if (it.value().contains("from_event"))
                    out.push_back({p / "interpretations" / it.key() / "from_event", "event"});
    };
    for (auto it = j["events"].begin(); it != j["events"].end(); ++it) {
        ptr e = ptr("/events") / it.key();
        list(e / "roles", "role");
        effects(e / "effects");
        if (it.value().contains("transitions")) {
            for (std::size_t i = 0; i < it.value()["transitions"].size(); ++i) {
                ptr t = e / "transitions" / i;
                list(t / "from", "state");
                out.push_back({t / "to", "state"});
                if (j.at(t).contains("window")) out.push_back({t / "window", "window"});
                effects(t / "effects");
            }
        } else {
            list(e / "from", "state");
            out.push_back({e / "to", "state"});
            if (it.value().contains("window")) out.push_back({e / "window", "window"});
        }
    }
    for (auto it = j["windows"].begin(); it != j["windows"].end(); ++it) {
        ptr w = ptr("/windows") / it.key();
        list(w / "events", "event");
        list(w / "roles", "role");
        count(w);
    }
    for (auto it = j["timers"].begin(); it != j["timers"].end(); ++it) {
        ptr t = ptr("/timers") / it.key();
        out.push_back({t / "event", "event"});
        if (it.value().contains("at_end_of"))
            out.push_back({t / "at_end_of", "window"});
        else
            count(t);
    }
    for (auto it = j["obligations"].begin(); it != j["obligations"].end(); ++it) {
        ptr o = ptr("/obligations") / it.key();
        out.push_back({o / "role", "role"});
        out.push_back({o / "event", "event"});
        count(o);
    }
    for (auto it = j["retention"].begin(); it != j["retention"].end(); ++it) {
        ptr x = ptr("/retention") / it.key();
        if (it.value().contains("purge_event")) out.push_back({x / "purge_event", "event"});
        count(x);
    }
}

} // namespace

TEST_CASE("rule files round-trip: load(serialize(m)) == m") {
    rc::prop("generated rule sets", [] {
        ruleset m = gen_ruleset();
        std::string text = serialize(m);
        load_result r = load_ruleset_text(text, "generated.json");
        if (!r.ok()) RC_FAIL(format(r.errors.front()) + "\n" + text);
        RC_ASSERT(test::same_model(m, *r.rules));
        RC_ASSERT(serialize(*r.rules) == text);
    });
}

TEST_CASE("one reference to an undeclared id gives exactly that diagnostic, at that value") {
    rc::prop("generated rule sets with one broken reference", [] {
        ruleset m = gen_ruleset();
        auto j = nlohmann::ordered_json::parse(serialize(m));
        std::vector<site> sites;
        collect(j, sites);
        RC_PRE(!sites.empty());
        const site& s = sites[std::size_t(*rc::gen::inRange<int>(0, int(sites.size())))];
        const std::string undeclared = "zz-undeclared";
        j[s.at] = undeclared;
        std::string text = j.dump(2);
        // Where the new value sits (it is unique in the text).
        auto offset = text.find("\"" + undeclared + "\"");
        RC_ASSERT(offset != std::string::npos);
        std::size_t line = 1, column = 1;
        for (std::size_t i = 0; i < offset; ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        load_result r = load_ruleset_text(text, "mutated.json");
        RC_ASSERT(r.errors.size() == 1u);
        const error& e = r.errors.front();
        RC_ASSERT(e.id() == std::string("echeance.rule.unknown_") + s.kind);
        RC_ASSERT(e.where().line == line);
        RC_ASSERT(e.where().column == column);
        RC_ASSERT(e.message().find("unknown " + std::string(s.kind) + " \"" + undeclared + "\"") !=
                  std::string::npos);
    });
}
