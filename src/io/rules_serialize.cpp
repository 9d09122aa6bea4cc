// Writing a compiled rule set back as a rule file, in the language of rules/README.md, such that
// load -> serialize -> load gives the same model (locations aside).
#include "echeance/io/rules.hpp"

#include <nlohmann/json.hpp>

namespace echeance {

namespace {

using json = nlohmann::ordered_json;

bool same_citation(const citation& a, const citation& b) {
    return a.cite == b.cite && a.source == b.source && a.note == b.note;
}

bool same_timing(const timing& a, const timing& b) {
    return a.length == b.length && a.rule == b.rule && a.policy == b.policy;
}

void put_citation(json& j, const citation& c) {
    j["cite"] = c.cite;
    if (!c.source.empty()) j["source"] = c.source;
    if (!c.note.empty()) j["note"] = c.note;
}

template <class T, class Id>
std::string id_of(const indexed_vector<T, Id>& items, Id i) {
    return items.contains(i) ? items[i].id : std::string("?");
}

class writer {
public:
    explicit writer(const ruleset& r) : r_(r) {}

    json run() {
        json j;
        j["ruleset"] = r_.id;
        if (!r_.title.empty()) j["title"] = r_.title;
        put_citation(j, r_.why);
        j["defaults"] = {{"convention", std::string(to_string(r_.defaults.rule))},
                         {"month_end", std::string(to_string(r_.defaults.policy))},
                         {"territory", r_.defaults.territory}};
        json versions = json::array();
        for (const auto& v : r_.versions) {
            json o;
            o["id"] = v.id;
            o["from"] = format_date(v.from);
            if (v.published) o["published"] = format_date(*v.published);
            put_citation(o, v.why);
            versions.push_back(std::move(o));
        }
        j["versions"] = std::move(versions);
        json roles = json::object();
        for (const auto& x : r_.roles) {
            json o = json::object();
            if (!x.title.empty()) o["title"] = x.title;
            put_citation(o, x.why);
            roles[x.id] = std::move(o);
        }
        j["roles"] = std::move(roles);
        json states = json::object();
        for (const auto& x : r_.states) {
            json o;
            o["kind"] = std::string(to_string(x.kind));
            if (!x.title.empty()) o["title"] = x.title;
            put_citation(o, x.why);
            states[x.id] = std::move(o);
        }
        j["states"] = std::move(states);
        json events = json::object();
        for (const auto& e : r_.events) events[e.id] = event(e);
        j["events"] = std::move(events);
        json windows = json::object();
        for (const auto& w : r_.windows) {
            json o;
            o["events"] = names(r_.events, w.events);
            o["roles"] = names(r_.roles, w.roles);
            count(o, w.readings, w.why);
            put_citation(o, w.why);
            windows[w.id] = std::move(o);
        }
        j["windows"] = std::move(windows);
        json timers = json::object();
        for (const auto& t : r_.timers) {
            json o;
            o["event"] = id_of(r_.events, t.event);
            if (t.at_end_of != no_index)
                o["at_end_of"] = id_of(r_.windows, t.at_end_of);
            else
                count(o, t.readings, t.why);
            put_citation(o, t.why);
            timers[t.id] = std::move(o);
        }
        j["timers"] = std::move(timers);
        json obligations = json::object();
        for (const auto& x : r_.obligations) {
            json o;
            o["role"] = id_of(r_.roles, x.role);
            o["event"] = id_of(r_.events, x.event);
            count(o, x.readings, x.why);
            put_citation(o, x.why);
            obligations[x.id] = std::move(o);
        }
        j["obligations"] = std::move(obligations);
        json retention = json::object();
        for (const auto& x : r_.retentions) {
            json o;
            if (!x.what.empty()) o["what"] = x.what;
            if (x.purge_event != no_index) o["purge_event"] = id_of(r_.events, x.purge_event);
            count(o, x.readings, x.why);
            put_citation(o, x.why);
            retention[x.id] = std::move(o);
        }
        j["retention"] = std::move(retention);
        return j;
    }

private:
    const ruleset& r_;

    template <class T, class Id>
    json names(const indexed_vector<T, Id>& items, const std::vector<Id>& refs) {
        json a = json::array();
        for (Id i : refs) a.push_back(id_of(items, i));
        return a;
    }

    void transition_body(json& o, const transition& t) {
        o["from"] = names(r_.states, t.from);
        o["to"] = id_of(r_.states, t.to);
        if (t.window != no_index) o["window"] = id_of(r_.windows, t.window);
    }

    json effects(const std::vector<effect>& list) {
        json out = json::array();
        for (const auto& fx : list) {
            switch (fx.what) {
            case effect::kind::open_window:
                out.push_back({{"open", id_of(r_.windows, fx.target.window())}});
                break;
            case effect::kind::close_window:
                out.push_back({{"close", id_of(r_.windows, fx.target.window())}});
                break;
            case effect::kind::start_timer:
                out.push_back({{"start", id_of(r_.timers, fx.target.timer())}});
                break;
            case effect::kind::cancel_timer:
                out.push_back({{"cancel", id_of(r_.timers, fx.target.timer())}});
                break;
            case effect::kind::start_obligation:
                out.push_back({{"oblige", id_of(r_.obligations, fx.target.obligation())}});
                break;
            case effect::kind::discharge:
                out.push_back({{"discharge", id_of(r_.obligations, fx.target.obligation())}});
                break;
            case effect::kind::archive:
                out.push_back({{"archive", id_of(r_.retentions, fx.target.retention())}});
                break;
            case effect::kind::restore:
                out.push_back({{"restore", id_of(r_.retentions, fx.target.retention())}});
                break;
            case effect::kind::purge:
                out.push_back({{"purge", id_of(r_.retentions, fx.target.retention())}});
                break;
            }
        }
        return out;
    }

    json event(const event_info& e) {
        json o;
        if (!e.title.empty()) o["title"] = e.title;
        o["roles"] = names(r_.roles, e.roles);
        if (e.automatic) o["automatic"] = true;
        if (e.transitions.size() == 1 && same_citation(e.transitions[0].why, e.why) &&
            e.transitions[0].effects.empty()) {
            transition_body(o, e.transitions[0]);
        } else {
            json list = json::array();
            for (const auto& t : e.transitions) {
                json to;
                transition_body(to, t);
                if (!t.effects.empty()) to["effects"] = effects(t.effects);
                if (!same_citation(t.why, e.why)) put_citation(to, t.why);
                list.push_back(std::move(to));
            }
            o["transitions"] = std::move(list);
        }
        if (!e.effects.empty()) o["effects"] = effects(e.effects);
        put_citation(o, e.why);
        return o;
    }

    // period, convention (always: obligations and other rules default differently), month_end
    // (when not the file's default) and per-version overrides.
    void timing_fields(json& o, const interpretation& r) {
        if (r.by_version.empty()) return;
        const timing& base = r.by_version.front();
        o["period"] = base.length.to_string();
        o["convention"] = std::string(to_string(base.rule));
        if (base.policy != r_.defaults.policy) o["month_end"] = std::string(to_string(base.policy));
        if (r.anchor != no_index) o["from_event"] = id_of(r_.events, r.anchor);
        if (r.anchor_day) o["from_date"] = format_date(*r.anchor_day);
        json overrides = json::object();
        for (version_id v : r.by_version.ids()) {
            if (v == version_id(0)) continue;
            if (!r_.versions.contains(v)) break;
            const timing& t = r.by_version[v];
            if (same_timing(t, base)) continue;
            json x = json::object();
            if (t.length != base.length) x["period"] = t.length.to_string();
            if (t.rule != base.rule) x["convention"] = std::string(to_string(t.rule));
            if (t.policy != base.policy) x["month_end"] = std::string(to_string(t.policy));
            overrides[r_.versions[v].id] = std::move(x);
        }
        if (!overrides.empty()) o["versions"] = std::move(overrides);
    }

    void count(json& o, const std::vector<interpretation>& readings, const citation& why) {
        if (readings.size() == 1 && readings[0].id.empty() && readings[0].is_default &&
            same_citation(readings[0].why, why)) {
            timing_fields(o, readings[0]);
            return;
        }
        json list = json::object();
        for (const auto& r : readings) {
            json x;
            if (r.is_default) x["default"] = true;
            timing_fields(x, r);
            put_citation(x, r.why);
            list[r.id] = std::move(x);
        }
        o["interpretations"] = std::move(list);
    }
};

} // namespace

std::string serialize(const ruleset& rules) {
    return writer(rules).run().dump(2) + "\n";
}

} // namespace echeance
