// Loading rule files: JSON with comments -> positioned tree (jsonc.hpp) -> checked, compiled
// ruleset. Every mistake is an echeance::error "echeance.rule.<what>" at the line and column of
// the offending value; all errors of a file are collected and returned in file order.
#include "detail/jsonc.hpp"
#include "detail/names.hpp"
#include "detail/suggest.hpp"
#include "echeance/calendar.hpp"
#include "echeance/date.hpp"
#include "echeance/io/calendar.hpp"
#include "echeance/io/rules.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <unordered_map>

namespace echeance {

namespace {

using detail::jsonc::member;
using detail::jsonc::position;
using detail::jsonc::value;
using vkind = detail::jsonc::value::kind;

constexpr std::size_t max_items = 0xFFFF; // indexes 0 .. 0xFFFE (0xFFFF is no_index)

std::string qt(std::string_view s) {
    return fmt::format("\"{}\"", s);
}

bool valid_id(std::string_view id) noexcept {
    if (id.empty() || id[0] < 'a' || id[0] > 'z') return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return false;
    return true;
}

// One declared kind of thing (states, events, ...): ids in file order, and their index.
template <class Id>
struct table {
    const char* kind;   // "state"
    const char* plural; // "states"
    std::vector<std::string> ids;
    std::unordered_map<std::string, Id> index;

    Id find(const std::string& id) const {
        auto it = index.find(id);
        return it == index.end() ? no_index : it->second;
    }
};

class loader {
public:
    loader(std::string file) : file_(std::move(file)) {}

    load_result run(std::string_view text) {
        load_result out;
        auto parsed = detail::jsonc::parse(text);
        if (!parsed.ok) {
            err(parsed.error.at, "syntax", "invalid JSON: " + parsed.error.message);
            out.errors = std::move(errors_);
            return out;
        }
        rules_.file = file_;
        top(parsed.root);
        std::stable_sort(errors_.begin(), errors_.end(), [](const error& a, const error& b) {
            if (a.where().line != b.where().line) return a.where().line < b.where().line;
            return a.where().column < b.where().column;
        });
        out.errors = std::move(errors_);
        if (out.errors.empty()) out.rules = std::move(rules_);
        return out;
    }

private:
    std::string file_;
    std::vector<error> errors_;
    ruleset rules_;
    table<role_id> roles_{"role", "roles", {}, {}};
    table<state_id> states_{"state", "states", {}, {}};
    table<event_id> events_{"event", "events", {}, {}};
    table<window_id> windows_{"window", "windows", {}, {}};
    table<timer_id> timers_{"timer", "timers", {}, {}};
    table<obligation_id> obligations_{"obligation", "obligations", {}, {}};
    table<retention_id> retentions_{"retention", "retention", {}, {}};
    table<version_id> versions_{"version", "versions", {}, {}};
    table<condition_id> conditions_{"condition", "conditions", {}, {}};
    bool versions_ok_ = false; // the version list is usable for per-version counts

    // ---- diagnostics ------------------------------------------------------------------------

    location at(position p) const { return location{file_, p.line, p.column, ""}; }

    void err(position p, const char* what, std::string message) {
        errors_.emplace_back(std::string("echeance.rule.") + what, std::move(message), at(p));
    }

    // ---- objects with fixed keys -------------------------------------------------------------

    struct fields {
        std::vector<const member*> found;
        std::vector<const char*> names;
        const member* get(std::string_view k) const {
            for (std::size_t i = 0; i < names.size(); ++i)
                if (k == names[i]) return found[i];
            return nullptr;
        }
        const value* val(std::string_view k) const {
            const member* m = get(k);
            return m ? &m->val : nullptr;
        }
    };

    fields read_fields(const value& obj, std::initializer_list<const char*> allowed,
                       const std::string& subject) {
        fields f;
        f.names.assign(allowed.begin(), allowed.end());
        f.found.assign(f.names.size(), nullptr);
        for (const member& m : obj.members) {
            std::size_t slot = f.names.size();
            for (std::size_t i = 0; i < f.names.size(); ++i)
                if (m.key == f.names[i]) slot = i;
            if (slot == f.names.size()) {
                std::vector<std::string> candidates(f.names.begin(), f.names.end());
                err(m.key_at, "unknown_key",
                    fmt::format("unknown key {} in {}{}", qt(m.key), subject,
                                detail::suggestion(m.key, candidates, "key")));
                continue;
            }
            if (f.found[slot]) {
                err(m.key_at, "duplicate_key",
                    fmt::format("duplicate key {} in {} (first at line {}, column {})", qt(m.key),
                                subject, f.found[slot]->key_at.line, f.found[slot]->key_at.column));
                continue;
            }
            f.found[slot] = &m;
        }
        return f;
    }

    // The value of a key when it has the expected type; otherwise an error and nullptr.
    const value* typed(const fields& f, const char* key, vkind want, const std::string& subject) {
        const value* v = f.val(key);
        if (!v) return nullptr;
        return typed_value(*v, key, want, subject);
    }
    const value* typed_value(const value& v, const char* key, vkind want,
                             const std::string& subject) {
        if (v.type == want) return &v;
        err(v.at, "wrong_type",
            fmt::format("\"{}\" of {} must be {} (found {})", key, subject,
                        detail::jsonc::kind_name(want), detail::jsonc::kind_name(v.type)));
        return nullptr;
    }

    const value* required(const value& obj, const fields& f, const char* key, vkind want,
                          const std::string& subject, const std::string& expected) {
        if (!f.get(key)) {
            err(obj.at, "missing_key",
                fmt::format("{} has no \"{}\" (expected {})", subject, key, expected));
            return nullptr;
        }
        return typed(f, key, want, subject);
    }

    std::string optional_string(const fields& f, const char* key, const std::string& subject) {
        const value* v = typed(f, key, vkind::string, subject);
        return v ? v->text : std::string();
    }

    citation read_citation(const value& obj, const fields& f, const std::string& subject,
                           position where, bool required_cite = true) {
        citation c;
        c.at = at(where);
        if (!f.get("cite")) {
            if (required_cite)
                err(obj.at, "missing_cite",
                    fmt::format("{} has no \"cite\" (expected the article it implements, e.g. "
                                "\"CSP R.1111-36\")",
                                subject));
        } else if (const value* v = typed(f, "cite", vkind::string, subject)) {
            if (v->text.find_first_not_of(" \t") == std::string::npos)
                err(v->at, "missing_cite",
                    fmt::format("\"cite\" of {} is empty (expected the article it implements, e.g. "
                                "\"CSP R.1111-36\")",
                                subject));
            c.cite = v->text;
        }
        c.source = optional_string(f, "source", subject);
        c.note = optional_string(f, "note", subject);
        return c;
    }

    // ---- declarations ------------------------------------------------------------------------

    // Declares the ids of an object keyed by ids; returns the members to read, one per index.
    template <class Id>
    std::vector<const member*> declare(const value* section, table<Id>& t) {
        std::vector<const member*> out;
        if (!section) return out;
        std::unordered_map<std::string, const member*> first;
        for (const member& m : section->members) {
            if (!valid_id(m.key)) {
                err(m.key_at, "bad_id",
                    fmt::format("{} id {} must be snake_case or kebab-case ASCII "
                                "(expected [a-z][a-z0-9_-]*)",
                                t.kind, qt(m.key)));
            }
            auto it = first.find(m.key);
            if (it != first.end()) {
                err(m.key_at, "duplicate_id",
                    fmt::format("duplicate {} {} (first declared at line {}, column {})", t.kind,
                                qt(m.key), it->second->key_at.line, it->second->key_at.column));
                continue;
            }
            if (out.size() >= max_items) {
                err(m.key_at, "too_many",
                    fmt::format("too many {} (at most {})", t.plural, max_items));
                break;
            }
            first.emplace(m.key, &m);
            t.index.emplace(m.key, Id(t.ids.size()));
            t.ids.push_back(m.key);
            out.push_back(&m);
        }
        return out;
    }

    // ---- references --------------------------------------------------------------------------

    // A reference to a declared id; `phrase` completes "<subject> <phrase> unknown <kind> "x"".
    template <class Id>
    Id ref(const value& v, const table<Id>& t, const std::string& subject, const char* key,
           std::string_view phrase) {
        if (v.type != vkind::string) {
            err(v.at, "wrong_type",
                fmt::format("\"{}\" of {} must be a {} id in a string (found {})", key, subject,
                            t.kind, detail::jsonc::kind_name(v.type)));
            return no_index;
        }
        Id i = t.find(v.text);
        if (i != no_index) return i;
        std::string hint = t.ids.empty() ? fmt::format(" (no {} is declared)", t.kind)
                                         : detail::suggestion(v.text, t.ids, t.kind);
        err(v.at, (std::string("unknown_") + t.kind).c_str(),
            fmt::format("{} {} unknown {} {}{}", subject, phrase, t.kind, qt(v.text), hint));
        return no_index;
    }

    // A list of references: an array of ids, each at most once.
    template <class Id>
    std::vector<Id> ref_list(const value* v, const table<Id>& t, const std::string& subject,
                             const char* key, std::string_view phrase, bool non_empty) {
        std::vector<Id> out;
        if (!v) return out;
        if (v->type != vkind::array) {
            err(v->at, "wrong_type",
                fmt::format("\"{}\" of {} must be an array of {} ids (found {})", key, subject,
                            t.kind, detail::jsonc::kind_name(v->type)));
            return out;
        }
        if (non_empty && v->items.empty())
            err(v->at, "empty_list",
                fmt::format("\"{}\" of {} is empty (expected at least one {})", key, subject,
                            t.kind));
        for (const value& item : v->items) {
            Id i = ref(item, t, subject, key, phrase);
            if (i == no_index) continue;
            if (std::find(out.begin(), out.end(), i) != out.end()) {
                err(item.at, "duplicate_reference",
                    fmt::format("\"{}\" of {} names {} {} twice", key, subject, t.kind,
                                qt(item.text)));
                continue;
            }
            out.push_back(i);
        }
        return out;
    }

    // ---- values with a grammar ---------------------------------------------------------------

    // Column of the character `inner` (1-based) of a string value.
    static position inside(const value& v, std::size_t inner) {
        if (!v.plain || inner == 0) return v.at;
        return position{v.at.line, v.at.column + inner};
    }

    std::optional<period> read_period(const value* v, const std::string& subject) {
        if (!v) return std::nullopt;
        if (!typed_value(*v, "period", vkind::string, subject)) return std::nullopt;
        try {
            return period::parse(v->text);
        } catch (const error& e) {
            err(inside(*v, e.where().column), "bad_period", subject + ": " + e.message());
            return std::nullopt;
        }
    }

    std::optional<year_month_day> read_date(const value* v, const char* key,
                                            const std::string& subject) {
        if (!v) return std::nullopt;
        if (!typed_value(*v, key, vkind::string, subject)) return std::nullopt;
        try {
            return parse_date(v->text);
        } catch (const error& e) {
            err(inside(*v, e.where().column), "bad_date",
                fmt::format("\"{}\" of {}: {}", key, subject, e.message()));
            return std::nullopt;
        }
    }

    std::optional<convention> read_convention(const value* v, const std::string& subject) {
        if (!v || !typed_value(*v, "convention", vkind::string, subject)) return std::nullopt;
        if (auto c = detail::convention_table.parse(v->text)) return *c;
        err(v->at, "unknown_convention",
            fmt::format(
                "unknown counting convention {} in {}{}", qt(v->text), subject,
                detail::suggestion(v->text, detail::convention_table.names(), "convention")));
        return std::nullopt;
    }

    std::optional<month_end> read_month_end(const value* v, const std::string& subject) {
        if (!v || !typed_value(*v, "month_end", vkind::string, subject)) return std::nullopt;
        if (auto m = detail::month_end_table.parse(v->text)) return *m;
        err(v->at, "unknown_month_end",
            fmt::format("unknown month-end policy {} in {}{}", qt(v->text), subject,
                        detail::suggestion(v->text, detail::month_end_table.names(), "policy")));
        return std::nullopt;
    }

    bool read_bool(const fields& f, const char* key, const std::string& subject) {
        const value* v = typed(f, key, vkind::boolean, subject);
        return v && v->boolean;
    }

    // ---- top level ---------------------------------------------------------------------------

    void top(const value& root) {
        const std::string subject = "the rule set";
        if (!root.is_object()) {
            err(root.at, "wrong_type",
                fmt::format("a rule file must be an object (found {})",
                            detail::jsonc::kind_name(root.type)));
            return;
        }
        fields f = read_fields(root,
                               {"$schema", "ruleset", "title", "cite", "source", "note", "defaults",
                                "versions", "conditions", "roles", "states", "events", "windows",
                                "timers", "obligations", "retention"},
                               subject);
        typed(f, "$schema", vkind::string, subject);
        if (const value* id = required(root, f, "ruleset", vkind::string, subject,
                                       "the id of the rule set, e.g. \"mon-espace-sante\"")) {
            if (!valid_id(id->text))
                err(id->at, "bad_id",
                    fmt::format("rule set id {} must be snake_case or kebab-case ASCII "
                                "(expected [a-z][a-z0-9_-]*)",
                                qt(id->text)));
            rules_.id = id->text;
        }
        rules_.title = optional_string(f, "title", subject);
        rules_.why = read_citation(root, f, subject, root.at);
        if (const value* d = typed(f, "defaults", vkind::object, subject)) read_defaults(*d);

        const value* versions =
            required(root, f, "versions", vkind::array, subject,
                     "an array of versions, each with \"id\", \"from\" and \"cite\"");
        auto section = [&](const char* key, bool needed) -> const value* {
            if (needed)
                return required(root, f, key, vkind::object, subject,
                                fmt::format("an object of {} keyed by id", key));
            return typed(f, key, vkind::object, subject);
        };
        const value* conditions = section("conditions", false);
        const value* roles = section("roles", true);
        const value* states = section("states", true);
        const value* events = section("events", true);
        const value* windows = section("windows", false);
        const value* timers = section("timers", false);
        const value* obligations = section("obligations", false);
        const value* retention = section("retention", false);

        // Declarations first (so that references may point forward), then bodies.
        read_versions(versions);
        auto condition_members = declare(conditions, conditions_);
        auto role_members = declare(roles, roles_);
        auto state_members = declare(states, states_);
        auto event_members = declare(events, events_);
        auto window_members = declare(windows, windows_);
        auto timer_members = declare(timers, timers_);
        auto obligation_members = declare(obligations, obligations_);
        auto retention_members = declare(retention, retentions_);

        rules_.roles.resize(role_members.size());
        for (std::size_t i = 0; i < role_members.size(); ++i)
            read_role(*role_members[i], rules_.roles[role_id(i)]);
        rules_.states.resize(state_members.size());
        for (std::size_t i = 0; i < state_members.size(); ++i)
            read_state(*state_members[i], rules_.states[state_id(i)], state_id(i));
        if (states && rules_.initial_state == no_index && !state_members.empty())
            err(states->at, "initial_state",
                "no state has \"kind\": \"initial\" (expected exactly one initial state)");
        if (states && state_members.empty() && states->members.empty())
            err(states->at, "initial_state",
                "no state is declared (expected exactly one initial state)");
        rules_.events.resize(event_members.size());
        for (std::size_t i = 0; i < event_members.size(); ++i)
            read_event(*event_members[i], rules_.events[event_id(i)]);
        rules_.conditions.resize(condition_members.size());
        for (std::size_t i = 0; i < condition_members.size(); ++i)
            read_condition(*condition_members[i], rules_.conditions[condition_id(i)]);
        rules_.windows.resize(window_members.size());
        for (std::size_t i = 0; i < window_members.size(); ++i)
            read_window(*window_members[i], rules_.windows[window_id(i)]);
        rules_.timers.resize(timer_members.size());
        for (std::size_t i = 0; i < timer_members.size(); ++i)
            read_timer(*timer_members[i], rules_.timers[timer_id(i)]);
        rules_.obligations.resize(obligation_members.size());
        for (std::size_t i = 0; i < obligation_members.size(); ++i)
            read_obligation(*obligation_members[i], rules_.obligations[obligation_id(i)]);
        rules_.retentions.resize(retention_members.size());
        for (std::size_t i = 0; i < retention_members.size(); ++i)
            read_retention(*retention_members[i], rules_.retentions[retention_id(i)]);
    }

    void read_defaults(const value& d) {
        const std::string subject = "\"defaults\"";
        fields f = read_fields(d, {"convention", "month_end", "territory"}, subject);
        if (auto c = read_convention(f.val("convention"), subject)) rules_.defaults.rule = *c;
        if (auto m = read_month_end(f.val("month_end"), subject)) rules_.defaults.policy = *m;
        if (const value* t = typed(f, "territory", vkind::string, subject)) {
            static const calendar cal = builtin_calendar();
            if (auto found = cal.try_find(t->text)) {
                rules_.defaults.territory = cal.id(*found);
            } else {
                err(t->at, "unknown_territory",
                    fmt::format("unknown territory {} in {}{}", qt(t->text), subject,
                                detail::suggestion(t->text, cal.territory_ids(), "territory")));
            }
        }
    }

    void read_versions(const value* versions) {
        if (!versions) return;
        if (versions->items.empty()) {
            err(versions->at, "empty_list",
                "\"versions\" of the rule set is empty (expected at least one version, with the "
                "date from which it applies)");
            return;
        }
        if (versions->items.size() > max_items) {
            err(versions->at, "too_many", fmt::format("too many versions (at most {})", max_items));
            return;
        }
        bool ok = true;
        std::optional<version_info> previous; // the last version with a valid "from"
        std::unordered_map<std::string, position> seen;
        for (std::size_t n = 0; n < versions->items.size(); ++n) {
            const value& v = versions->items[n];
            std::string subject = fmt::format("version {}", n + 1);
            version_info info;
            bool has_from = false;
            if (!v.is_object()) {
                err(v.at, "wrong_type",
                    fmt::format(
                        "{} must be an object with \"id\", \"from\" and \"cite\" (found {})",
                        subject, detail::jsonc::kind_name(v.type)));
                ok = false;
                continue;
            }
            fields f = read_fields(
                v, {"id", "from", "published", "scope", "cite", "source", "note"}, subject);
            if (const value* id = required(v, f, "id", vkind::string, subject,
                                           "a version id, e.g. \"general-2022\"")) {
                subject = fmt::format("version {}", qt(id->text));
                if (!valid_id(id->text)) {
                    err(id->at, "bad_id",
                        fmt::format("version id {} must be snake_case or kebab-case ASCII "
                                    "(expected [a-z][a-z0-9_-]*)",
                                    qt(id->text)));
                }
                auto it = seen.find(id->text);
                if (it != seen.end()) {
                    err(id->at, "duplicate_id",
                        fmt::format("duplicate version {} (first declared at line {}, column {})",
                                    qt(id->text), it->second.line, it->second.column));
                    ok = false;
                } else {
                    seen.emplace(id->text, id->at);
                }
                info.id = id->text;
            } else {
                ok = false;
            }
            const value* from = f.val("from");
            if (!from) {
                err(v.at, "missing_key",
                    fmt::format("{} has no \"from\" (expected the date from which it applies, "
                                "YYYY-MM-DD)",
                                subject));
                ok = false;
            } else if (auto d = read_date(from, "from", subject)) {
                info.from = *d;
                has_from = true;
                if (previous && !(previous->from < info.from)) {
                    err(from->at, "version_order",
                        fmt::format("{} applies from {}, not after version {} (from {}) (expected "
                                    "versions in strictly increasing order of \"from\")",
                                    subject, from->text, qt(previous->id),
                                    format_date(previous->from)));
                    ok = false;
                }
            } else {
                ok = false;
            }
            if (auto p = read_date(f.val("published"), "published", subject)) info.published = *p;
            if (const value* sc = typed(f, "scope", vkind::object, subject))
                read_scope(*sc, subject, info);
            info.why = read_citation(v, f, subject, v.at);
            if (has_from) previous = info;
            rules_.versions.push_back(std::move(info));
            versions_.index.emplace(rules_.versions.back().id, version_id(versions_.ids.size()));
            versions_.ids.push_back(rules_.versions.back().id);
        }
        versions_ok_ = ok;
    }

    void read_role(const member& m, role_info& out) {
        std::string subject = fmt::format("role {}", qt(m.key));
        out.id = m.key;
        if (!object_or_error(m, "role", "\"title\" and \"cite\"")) return;
        fields f = read_fields(
            m.val, {"title", "acts_while", "acts_unless", "cite", "source", "note"}, subject);
        out.title = optional_string(f, "title", subject);
        if (const value* c = f.val("acts_while"))
            out.acts_while = ref(*c, conditions_, subject, "acts_while", "acts while");
        if (const value* c = f.val("acts_unless"))
            out.acts_unless = ref(*c, conditions_, subject, "acts_unless", "acts unless");
        if (const member* c = f.get("acts_unless"); c && f.get("acts_while"))
            err(c->key_at, "condition_form",
                fmt::format("{} has both \"acts_while\" and \"acts_unless\" (expected one or "
                            "the other)",
                            subject));
        out.why = read_citation(m.val, f, subject, m.key_at);
    }

    void read_condition(const member& m, condition_info& out) {
        std::string subject = fmt::format("condition {}", qt(m.key));
        out.id = m.key;
        if (!object_or_error(m, "condition", "\"age_below\" or \"set_by\", and \"cite\"")) return;
        fields f = read_fields(
            m.val,
            {"title", "age_below", "month_end", "set_by", "cleared_by", "cite", "source", "note"},
            subject);
        out.title = optional_string(f, "title", subject);
        if (const value* a = f.val("age_below")) {
            if (auto p = read_period(a, subject)) {
                if (!p->has_calendar_part() && p->total_days_part() == 0)
                    err(a->at, "bad_period",
                        fmt::format("\"age_below\" of {} is zero (expected an age, e.g. \"P18Y\")",
                                    subject));
                else
                    out.age_below = *p;
            }
        }
        if (auto pm = read_month_end(f.val("month_end"), subject)) out.policy = *pm;
        out.set_by = ref_list(f.val("set_by"), events_, subject, "set_by", "is set by", false);
        out.cleared_by =
            ref_list(f.val("cleared_by"), events_, subject, "cleared_by", "is cleared by", false);
        if (!f.get("age_below") && !f.get("set_by"))
            err(m.val.at, "missing_key",
                fmt::format("{} has neither \"age_below\" nor \"set_by\" (expected what makes "
                            "it true)",
                            subject));
        out.why = read_citation(m.val, f, subject, m.key_at);
    }

    // "scope": { "fact": "department", "values": [...] } or with "interpretations".
    void read_scope(const value& sc, const std::string& version, version_info& info) {
        std::string subject = "the scope of " + version;
        fields f = read_fields(sc, {"fact", "values", "interpretations", "cite", "source", "note"},
                               subject);
        if (const value* fact = required(sc, f, "fact", vkind::string, subject,
                                         "the person fact it reads, \"department\"")) {
            if (fact->text != "department")
                err(fact->at, "unknown_fact",
                    fmt::format("unknown person fact {} in {}{}", qt(fact->text), subject,
                                detail::suggestion(fact->text, {"department"}, "fact")));
        }
        auto values = [&](const value* v, const std::string& where) {
            std::vector<std::string> out;
            if (!v || !typed_value(*v, "values", vkind::array, where)) return out;
            if (v->items.empty())
                err(v->at, "empty_list",
                    fmt::format("\"values\" of {} is empty (expected at least one)", where));
            for (const value& x : v->items) {
                if (!x.is_string()) {
                    err(x.at, "wrong_type",
                        fmt::format("a value of {} must be a string (found {})", where,
                                    detail::jsonc::kind_name(x.type)));
                    continue;
                }
                out.push_back(x.text);
            }
            return out;
        };
        const member* list = f.get("interpretations");
        if (list && f.get("values")) {
            err(list->key_at, "count_form",
                fmt::format("{} has both \"values\" and \"interpretations\" (expected one or "
                            "the other)",
                            subject));
            return;
        }
        if (!list) {
            scope_reading one;
            one.is_default = true;
            if (!f.get("values"))
                err(sc.at, "missing_key",
                    fmt::format("{} has no \"values\" (expected the values of the fact it covers)",
                                subject));
            one.values = values(f.val("values"), subject);
            one.why = info.why;
            info.scope.push_back(std::move(one));
            return;
        }
        const value* v = typed_value(list->val, "interpretations", vkind::object, subject);
        if (!v) return;
        bool has_default = false;
        for (const member& im : v->members) {
            std::string is = fmt::format("interpretation {} of {}", qt(im.key), subject);
            if (!object_or_error(im, "interpretation", "\"values\" and \"cite\"")) continue;
            fields ff = read_fields(im.val, {"default", "values", "cite", "source", "note"}, is);
            scope_reading r;
            r.id = im.key;
            r.is_default = read_bool(ff, "default", is);
            if (r.is_default && has_default)
                err(ff.val("default")->at, "default_interpretation",
                    fmt::format("{} has several default interpretations (expected exactly one)",
                                subject));
            has_default = has_default || r.is_default;
            if (!ff.get("values"))
                err(im.val.at, "missing_key",
                    fmt::format("{} has no \"values\" (expected the values of the fact it covers)",
                                is));
            r.values = values(ff.val("values"), is);
            r.why = read_citation(im.val, ff, is, im.key_at);
            info.scope.push_back(std::move(r));
        }
        if (!has_default && !v->members.empty())
            err(v->at, "default_interpretation",
                fmt::format("{} has no default interpretation (expected exactly one with "
                            "\"default\": true)",
                            subject));
    }

    bool object_or_error(const member& m, const char* kind, const char* expected) {
        if (m.val.is_object()) return true;
        err(m.val.at, "wrong_type",
            fmt::format("{} {} must be an object with {} (found {})", kind, qt(m.key), expected,
                        detail::jsonc::kind_name(m.val.type)));
        return false;
    }

    void read_state(const member& m, state_info& out, state_id index) {
        std::string subject = fmt::format("state {}", qt(m.key));
        out.id = m.key;
        if (!object_or_error(m, "state", "\"kind\" and \"cite\"")) return;
        fields f = read_fields(m.val, {"kind", "title", "cite", "source", "note"}, subject);
        if (const value* k = required(m.val, f, "kind", vkind::string, subject,
                                      "\"initial\", \"live\" or \"final\"")) {
            if (k->text == "initial") {
                out.kind = state_kind::initial;
                if (rules_.initial_state == no_index) {
                    rules_.initial_state = index;
                } else {
                    err(k->at, "initial_state",
                        fmt::format("{} is a second initial state (state {} is already initial; "
                                    "expected exactly one)",
                                    subject, qt(rules_.states[rules_.initial_state].id)));
                }
            } else if (k->text == "live") {
                out.kind = state_kind::live;
            } else if (k->text == "final") {
                out.kind = state_kind::final;
            } else {
                err(k->at, "unknown_kind",
                    fmt::format("unknown kind {} of {}{}", qt(k->text), subject,
                                detail::suggestion(k->text, {"initial", "live", "final"}, "kind")));
            }
        }
        out.title = optional_string(f, "title", subject);
        out.why = read_citation(m.val, f, subject, m.key_at);
    }

    // One transition, from the event object itself (inline) or from an entry of "transitions".
    transition read_transition(const value& obj, const fields& f, const std::string& subject,
                               const std::string& event_subject, const citation& inherited,
                               bool inline_form) {
        transition t;
        const value* from = f.val("from");
        if (!from)
            err(obj.at, "missing_key",
                fmt::format("{} has no \"from\" (expected the states in which it is allowed)",
                            subject));
        t.from = ref_list(from, states_, event_subject, "from", "starts from", true);
        const value* to = f.val("to");
        t.to_previous = read_bool(f, "to_previous", subject);
        const value* instead = f.val("instead");
        int targets = (to ? 1 : 0) + (t.to_previous ? 1 : 0) + (instead ? 1 : 0);
        if (targets == 0)
            err(obj.at, "missing_key",
                fmt::format("{} has no \"to\" (expected the state it leads to, \"to_previous\": "
                            "true, or \"instead\")",
                            subject));
        else if (targets > 1)
            err(obj.at, "transition_form",
                fmt::format("{} has more than one of \"to\", \"to_previous\" and \"instead\" "
                            "(expected one)",
                            subject));
        if (to) t.to = ref(*to, states_, event_subject, "to", "goes to");
        if (instead) t.instead = ref(*instead, events_, event_subject, "instead", "points to");
        if (const value* w = f.val("window"))
            t.window = ref(*w, windows_, event_subject, "window", "depends on");
        // Inline, "roles" is the event's own list; only an entry of "transitions" narrows it.
        if (const value* r = f.val("roles"); r && !inline_form)
            t.roles = ref_list(r, roles_, subject, "roles", "is taken by", true);
        if (const value* p = f.val("pending"))
            t.pending = ref(*p, obligations_, event_subject, "pending", "waits for");
        t.why = inherited;
        return t;
    }

    void read_event(const member& m, event_info& out) {
        std::string subject = fmt::format("event {}", qt(m.key));
        out.id = m.key;
        if (!object_or_error(m, "event", "\"roles\", \"from\", \"to\" and \"cite\"")) return;
        const value& obj = m.val;
        fields f = read_fields(obj,
                               {"title", "roles", "acts_regardless", "automatic", "from", "to",
                                "to_previous", "pending", "window", "transitions", "effects",
                                "cite", "source", "note"},
                               subject);
        out.title = optional_string(f, "title", subject);
        out.automatic = read_bool(f, "automatic", subject);
        const value* roles = f.val("roles");
        if (!roles)
            err(obj.at, "missing_key",
                fmt::format("{} has no \"roles\" (expected the roles that may send it, e.g. "
                            "[\"holder\"])",
                            subject));
        out.roles = ref_list(roles, roles_, subject, "roles", "is sent by", false);
        out.acts_regardless =
            ref_list(f.val("acts_regardless"), roles_, subject, "acts_regardless", "exempts", true);
        if (out.automatic && roles && roles->is_array()) {
            for (const value& r : roles->items)
                if (r.is_string() && r.text != "system" && roles_.find(r.text) != no_index)
                    err(r.at, "automatic_role",
                        fmt::format(
                            "automatic {} may be sent by role {} (expected only "
                            "\"system\": automatic events are sent by timers and retention)",
                            subject, qt(r.text)));
        }
        out.why = read_citation(obj, f, subject, m.key_at);

        const member* list = f.get("transitions");
        bool inline_form = f.get("from") || f.get("to") || f.get("window") ||
                           f.get("to_previous") || f.get("pending");
        if (list && inline_form) {
            err(list->key_at, "transition_form",
                fmt::format("{} has both \"transitions\" and an inline \"from\"/\"to\"/\"window\" "
                            "(expected one or the other)",
                            subject));
        } else if (list) {
            if (const value* arr = typed_value(list->val, "transitions", vkind::array, subject)) {
                if (arr->items.empty())
                    err(arr->at, "empty_list",
                        fmt::format("\"transitions\" of {} is empty (expected at least one)",
                                    subject));
                for (std::size_t n = 0; n < arr->items.size(); ++n) {
                    const value& t = arr->items[n];
                    std::string ts = fmt::format("transition {} of {}", n + 1, subject);
                    if (!t.is_object()) {
                        err(t.at, "wrong_type",
                            fmt::format("{} must be an object with \"from\" and \"to\" (found {})",
                                        ts, detail::jsonc::kind_name(t.type)));
                        continue;
                    }
                    fields tf =
                        read_fields(t,
                                    {"from", "to", "to_previous", "instead", "roles", "pending",
                                     "window", "effects", "cite", "source", "note"},
                                    ts);
                    citation why = out.why;
                    why.at = at(t.at);
                    if (tf.get("cite")) {
                        why = read_citation(t, tf, ts, t.at);
                    } else if (tf.get("source") || tf.get("note")) {
                        why = read_citation(t, tf, ts, t.at); // reports the missing cite
                    }
                    out.transitions.push_back(read_transition(t, tf, ts, subject, why, false));
                    read_effects(typed(tf, "effects", vkind::array, ts), subject,
                                 out.transitions.back().effects);
                }
            }
        } else if (inline_form) {
            citation why = out.why;
            out.transitions.push_back(read_transition(obj, f, subject, subject, why, true));
        } else {
            err(obj.at, "missing_key",
                fmt::format("{} has no transition (expected \"from\" and \"to\", or "
                            "\"transitions\")",
                            subject));
        }

        read_effects(typed(f, "effects", vkind::array, subject), subject, out.effects);
    }

    void read_effects(const value* effects, const std::string& subject, std::vector<effect>& out) {
        if (!effects) return;
        for (std::size_t n = 0; n < effects->items.size(); ++n)
            read_effect(effects->items[n], n + 1, subject, out);
    }

    void read_effect(const value& e, std::size_t n, const std::string& subject,
                     std::vector<effect>& out) {
        static const std::vector<std::string> verbs = {"open",    "close",   "start",
                                                       "cancel",  "oblige",  "discharge",
                                                       "archive", "restore", "purge"};
        if (!e.is_object() || e.members.size() != 1) {
            err(e.at, "bad_effect",
                fmt::format("effect {} of {} must be an object with exactly one key (expected one "
                            "of open, close, start, cancel, oblige, discharge, archive, restore, "
                            "purge)",
                            n, subject));
            return;
        }
        const member& m = e.members[0];
        effect fx;
        auto target = [&](const auto& t, const char* phrase) {
            fx.target = ref(m.val, t, subject, m.key.c_str(), phrase);
        };
        if (m.key == "open") {
            fx.what = effect::kind::open_window;
            target(windows_, "opens");
        } else if (m.key == "close") {
            fx.what = effect::kind::close_window;
            target(windows_, "closes");
        } else if (m.key == "start") {
            fx.what = effect::kind::start_timer;
            target(timers_, "starts");
        } else if (m.key == "cancel") {
            fx.what = effect::kind::cancel_timer;
            target(timers_, "cancels");
        } else if (m.key == "oblige") {
            fx.what = effect::kind::start_obligation;
            target(obligations_, "creates");
        } else if (m.key == "discharge") {
            fx.what = effect::kind::discharge;
            target(obligations_, "discharges");
        } else if (m.key == "archive") {
            fx.what = effect::kind::archive;
            target(retentions_, "archives into");
        } else if (m.key == "restore") {
            fx.what = effect::kind::restore;
            target(retentions_, "restores");
        } else if (m.key == "purge") {
            fx.what = effect::kind::purge;
            target(retentions_, "purges");
        } else {
            err(m.key_at, "unknown_effect",
                fmt::format("unknown effect {} in {}{}", qt(m.key), subject,
                            detail::suggestion(m.key, verbs, "effect")));
            return;
        }
        if (fx.target != no_index) out.push_back(fx);
    }

    // ---- counts ------------------------------------------------------------------------------

    struct count_base {
        std::optional<convention> rule;
        std::optional<month_end> policy;
        event_id anchor = no_index;
        std::optional<year_month_day> anchor_day;
        bool anchor_next = false;
        obligation_id from_discharged = no_index;
    };

    // Timing fields of one reading; `inherited` carries the rule-level convention and month_end.
    indexed_vector<timing, version_id> read_timing(const value& obj, const fields& f,
                                                   const std::string& subject,
                                                   const count_base& inherited,
                                                   bool versions_allowed) {
        timing base;
        base.rule = inherited.rule.value_or(rules_.defaults.rule);
        base.policy = inherited.policy.value_or(rules_.defaults.policy);
        if (!f.get("period")) {
            err(obj.at, "missing_key",
                fmt::format("{} has no \"period\" (expected an ISO 8601 period, e.g. \"P6W\")",
                            subject));
        } else if (auto p = read_period(f.val("period"), subject)) {
            base.length = *p;
        }
        if (auto c = read_convention(f.val("convention"), subject)) base.rule = *c;
        if (auto pm = read_month_end(f.val("month_end"), subject)) base.policy = *pm;
        indexed_vector<timing, version_id> by_version(rules_.versions.size(), base);
        const member* vm = f.get("versions");
        if (!vm) return by_version;
        if (!versions_allowed) {
            err(vm->key_at, "count_form",
                fmt::format("\"versions\" of {} goes inside each interpretation (expected "
                            "per-version overrides next to a \"period\")",
                            subject));
            return by_version;
        }
        const value* v = typed_value(vm->val, "versions", vkind::object, subject);
        if (!v) return by_version;
        std::unordered_map<std::string, position> seen;
        for (const member& o : v->members) {
            std::string os = fmt::format("the override of version {} in {}", qt(o.key), subject);
            auto it = seen.find(o.key);
            if (it != seen.end()) {
                err(o.key_at, "duplicate_key",
                    fmt::format("duplicate key {} in {} (first at line {}, column {})", qt(o.key),
                                subject, it->second.line, it->second.column));
                continue;
            }
            seen.emplace(o.key, o.key_at);
            version_id vi = versions_.find(o.key);
            if (vi == no_index) {
                std::string hint = versions_.ids.empty()
                                       ? " (no version is declared)"
                                       : detail::suggestion(o.key, versions_.ids, "version");
                err(o.key_at, "unknown_version",
                    fmt::format("{} overrides unknown version {}{}", subject, qt(o.key), hint));
                continue;
            }
            if (!o.val.is_object()) {
                err(o.val.at, "wrong_type",
                    fmt::format("{} must be an object with \"period\", \"convention\" or "
                                "\"month_end\" (found {})",
                                os, detail::jsonc::kind_name(o.val.type)));
                continue;
            }
            fields of = read_fields(o.val, {"period", "convention", "month_end"}, os);
            timing t = base;
            if (auto p = read_period(of.val("period"), os)) t.length = *p;
            if (auto c = read_convention(of.val("convention"), os)) t.rule = *c;
            if (auto pm = read_month_end(of.val("month_end"), os)) t.policy = *pm;
            if (versions_ok_ && by_version.contains(vi)) by_version[vi] = t;
        }
        return by_version;
    }

    // "from_event" (an event) or "from_date" (a fixed day), at most one of them.
    // "from_event", "from_next_event" (an event), "from_date" (a fixed day) or
    // "from_discharged" (an obligation), at most one of them.
    void read_anchor(const fields& f, const std::string& subject, count_base& out) {
        const value* e = f.val("from_event");
        const value* n = f.val("from_next_event");
        const member* d = f.get("from_date");
        const value* o = f.val("from_discharged");
        if ((e ? 1 : 0) + (n ? 1 : 0) + (d ? 1 : 0) + (o ? 1 : 0) > 1) {
            err(d ? d->key_at : f.get(n ? "from_next_event" : "from_discharged")->key_at,
                "count_form",
                fmt::format("{} has more than one of \"from_event\", \"from_next_event\", "
                            "\"from_date\" and \"from_discharged\" (expected one)",
                            subject));
            return;
        }
        if (e) out.anchor = ref(*e, events_, subject, "from_event", "counts from");
        if (n) {
            out.anchor = ref(*n, events_, subject, "from_next_event", "counts from");
            out.anchor_next = true;
        }
        if (d) out.anchor_day = read_date(&d->val, "from_date", subject);
        if (o)
            out.from_discharged = ref(*o, obligations_, subject, "from_discharged", "counts from");
    }

    // "period" (one reading) or "interpretations" (several, one default). `required` is false
    // for timers, which may fire at the end of a window instead. `fallback` replaces the file's
    // default convention for this kind of rule (obligations: plain).
    std::vector<interpretation> read_count(const value& obj, const fields& f,
                                           const std::string& subject, const citation& why,
                                           const char* missing_expected,
                                           std::optional<convention> fallback = std::nullopt) {
        std::vector<interpretation> out;
        const member* list = f.get("interpretations");
        const member* p = f.get("period");
        if (list && p) {
            err(list->key_at, "count_form",
                fmt::format("{} has both \"period\" and \"interpretations\" (expected one or the "
                            "other)",
                            subject));
            return out;
        }
        if (!list && !p) {
            if (missing_expected)
                err(obj.at, "missing_key",
                    fmt::format("{} has no count (expected {})", subject, missing_expected));
            return out;
        }
        count_base inherited;
        read_anchor(f, subject, inherited);
        if (p) {
            interpretation one;
            one.is_default = true;
            one.anchor = inherited.anchor;
            one.anchor_day = inherited.anchor_day;
            one.anchor_next = inherited.anchor_next;
            one.from_discharged = inherited.from_discharged;
            count_base single;
            single.rule = fallback;
            one.by_version = read_timing(obj, f, subject, single, true);
            one.why = why;
            out.push_back(std::move(one));
            return out;
        }
        // Rule-level convention and month_end are defaults for each interpretation.
        inherited.rule = read_convention(f.val("convention"), subject);
        if (!inherited.rule) inherited.rule = fallback;
        inherited.policy = read_month_end(f.val("month_end"), subject);
        if (const member* vm = f.get("versions")) read_timing_versions_misplaced(*vm, subject);
        const value* v = typed_value(list->val, "interpretations", vkind::object, subject);
        if (!v) return out;
        // The engine keeps a reading's index in 8 bits, and no law is read 255 ways.
        constexpr std::size_t max_readings = 255;
        if (v->members.size() > max_readings) {
            err(v->members[max_readings].key_at, "too_many",
                fmt::format("too many interpretations of {} (at most {})", subject, max_readings));
            return out;
        }
        std::unordered_map<std::string, position> seen;
        const member* first_default = nullptr;
        for (const member& im : v->members) {
            std::string is = fmt::format("interpretation {} of {}", qt(im.key), subject);
            if (!valid_id(im.key))
                err(im.key_at, "bad_id",
                    fmt::format("interpretation id {} must be snake_case or kebab-case ASCII "
                                "(expected [a-z][a-z0-9_-]*)",
                                qt(im.key)));
            auto it = seen.find(im.key);
            if (it != seen.end()) {
                err(im.key_at, "duplicate_id",
                    fmt::format("duplicate interpretation {} in {} (first declared at line {}, "
                                "column {})",
                                qt(im.key), subject, it->second.line, it->second.column));
                continue;
            }
            seen.emplace(im.key, im.key_at);
            if (!object_or_error(im, "interpretation", "\"period\" and \"cite\"")) continue;
            fields ff = read_fields(im.val,
                                    {"default", "period", "convention", "month_end", "from_event",
                                     "from_next_event", "from_date", "from_discharged", "versions",
                                     "cite", "source", "note"},
                                    is);
            interpretation r;
            r.id = im.key;
            r.is_default = read_bool(ff, "default", is);
            if (r.is_default) {
                if (first_default) {
                    err(ff.val("default")->at, "default_interpretation",
                        fmt::format("{} has several default interpretations ({} and {}; expected "
                                    "exactly one)",
                                    subject, qt(first_default->key), qt(im.key)));
                } else {
                    first_default = &im;
                }
            }
            count_base own = inherited;
            if (ff.get("from_event") || ff.get("from_date") || ff.get("from_next_event") ||
                ff.get("from_discharged")) {
                own = count_base{};
                read_anchor(ff, is, own);
            }
            r.anchor = own.anchor;
            r.anchor_day = own.anchor_day;
            r.anchor_next = own.anchor_next;
            r.from_discharged = own.from_discharged;
            r.by_version = read_timing(im.val, ff, is, inherited, true);
            r.why = read_citation(im.val, ff, is, im.key_at);
            out.push_back(std::move(r));
        }
        if (!first_default && !v->members.empty())
            err(v->at, "default_interpretation",
                fmt::format("{} has no default interpretation (expected exactly one with "
                            "\"default\": true)",
                            subject));
        if (v->members.empty())
            err(v->at, "empty_list",
                fmt::format("\"interpretations\" of {} is empty (expected at least one)", subject));
        return out;
    }

    void read_timing_versions_misplaced(const member& vm, const std::string& subject) {
        err(vm.key_at, "count_form",
            fmt::format("\"versions\" of {} goes inside each interpretation (expected per-version "
                        "overrides next to a \"period\")",
                        subject));
    }

    // ---- windows, timers, obligations, retention ---------------------------------------------

    void read_window(const member& m, window_info& out) {
        std::string subject = fmt::format("window {}", qt(m.key));
        out.id = m.key;
        if (!object_or_error(m, "window", "\"events\", \"roles\", a count and \"cite\"")) return;
        fields f =
            read_fields(m.val,
                        {"events", "roles", "period", "convention", "month_end", "from_event",
                         "from_next_event", "from_date", "from_discharged", "versions",
                         "interpretations", "most_protective", "cite", "source", "note"},
                        subject);
        if (!f.get("events"))
            err(m.val.at, "missing_key",
                fmt::format("{} has no \"events\" (expected the events it allows)", subject));
        out.events = ref_list(f.val("events"), events_, subject, "events", "names", true);
        if (!f.get("roles"))
            err(m.val.at, "missing_key",
                fmt::format("{} has no \"roles\" (expected the roles it protects)", subject));
        out.roles = ref_list(f.val("roles"), roles_, subject, "roles", "names", true);
        out.why = read_citation(m.val, f, subject, m.key_at);
        out.readings = read_count(m.val, f, subject, out.why, "\"period\" or \"interpretations\"");
        out.most_protective = read_protective(f, subject);
    }

    // A key whose value is one of `choices` (`choices[0]` when absent): its index. Anything
    // else is the error echeance.rule.<error_id>, naming the choices.
    std::size_t read_choice(const fields& f, const char* key, const char* error_id,
                            const std::vector<std::string>& choices, const std::string& subject) {
        const value* v = typed(f, key, vkind::string, subject);
        if (!v) return 0;
        std::size_t i = 0;
        for (const auto& c : choices) {
            if (v->text == c) return i;
            ++i;
        }
        err(v->at, error_id,
            fmt::format("unknown \"{}\" {} in {}{}", key, qt(v->text), subject,
                        detail::suggestion(v->text, choices, "value")));
        return 0;
    }

    protective read_protective(const fields& f, const std::string& subject) {
        return read_choice(f, "most_protective", "unknown_protective", {"computed", "neither"},
                           subject) == 1
                   ? protective::neither
                   : protective::computed;
    }

    void check_automatic(const value& v, event_id e, const std::string& subject, const char* key) {
        if (!rules_.events.contains(e)) return;
        // Events are read before timers and retention: the flag is known.
        if (!rules_.events[e].automatic)
            err(v.at, "not_automatic",
                fmt::format("\"{}\" of {} is event {}, which is not automatic (expected an event "
                            "with \"automatic\": true)",
                            key, subject, qt(v.text)));
    }

    void read_timer(const member& m, timer_info& out) {
        std::string subject = fmt::format("timer {}", qt(m.key));
        out.id = m.key;
        if (!object_or_error(m, "timer", "\"event\", a count or \"at_end_of\", and \"cite\""))
            return;
        fields f =
            read_fields(m.val,
                        {"event", "at_end_of", "period", "convention", "month_end", "from_event",
                         "from_next_event", "from_date", "from_discharged", "versions",
                         "interpretations", "most_protective", "cite", "source", "note"},
                        subject);
        if (const value* e = f.val("event")) {
            out.event = ref(*e, events_, subject, "event", "sends");
            check_automatic(*e, out.event, subject, "event");
        } else {
            err(m.val.at, "missing_key",
                fmt::format("{} has no \"event\" (expected the automatic event it sends)",
                            subject));
        }
        out.why = read_citation(m.val, f, subject, m.key_at);
        const member* end = f.get("at_end_of");
        if (end) {
            if (f.get("period") || f.get("interpretations")) {
                err(end->key_at, "count_form",
                    fmt::format("{} has both \"at_end_of\" and a count (expected one or the other)",
                                subject));
                return;
            }
            for (const char* k : {"convention", "month_end", "from_event", "from_date", "versions"})
                if (const member* x = f.get(k))
                    err(x->key_at, "count_form",
                        fmt::format("\"{}\" of {} has no effect with \"at_end_of\" (the window's "
                                    "count applies)",
                                    k, subject));
            out.at_end_of = ref(end->val, windows_, subject, "at_end_of", "fires at the end of");
            return;
        }
        out.readings = read_count(m.val, f, subject, out.why,
                                  "\"period\", \"interpretations\" or \"at_end_of\"");
        out.most_protective = read_protective(f, subject);
    }

    void read_obligation(const member& m, obligation_info& out) {
        std::string subject = fmt::format("obligation {}", qt(m.key));
        out.id = m.key;
        if (!object_or_error(m, "obligation", "\"role\", \"event\", a count and \"cite\"")) return;
        fields f = read_fields(m.val,
                               {"role", "event", "instances", "discharge", "ends_with", "ends_in",
                                "period", "convention", "month_end", "from_event",
                                "from_next_event", "from_date", "from_discharged", "versions",
                                "interpretations", "most_protective", "cite", "source", "note"},
                               subject);
        if (const value* r = f.val("role"))
            out.role = ref(*r, roles_, subject, "role", "binds");
        else
            err(m.val.at, "missing_key",
                fmt::format("{} has no \"role\" (expected the role that must act)", subject));
        if (const value* e = f.val("event"))
            out.event = ref(*e, events_, subject, "event", "is discharged by");
        else
            err(m.val.at, "missing_key",
                fmt::format("{} has no \"event\" (expected the event that discharges it)",
                            subject));
        out.why = read_citation(m.val, f, subject, m.key_at);
        // An obligation owed to the holder counts plain unless the rule says otherwise: no
        // extension past weekends and holidays is the most protective reading (issue 5).
        out.readings = read_count(m.val, f, subject, out.why, "\"period\" or \"interpretations\"",
                                  convention::plain);
        out.most_protective = read_protective(f, subject);
        out.each =
            read_choice(f, "instances", "unknown_instances", {"single", "each"}, subject) == 1;
        out.discharge_oldest =
            read_choice(f, "discharge", "unknown_discharge", {"all", "oldest"}, subject) == 1;
        if (const value* v = f.val("ends_with"))
            out.ends_with = ref(*v, retentions_, subject, "ends_with", "ends with");
        out.ends_in = ref_list(f.val("ends_in"), states_, subject, "ends_in", "ends in", true);
    }

    void read_retention(const member& m, retention_info& out) {
        std::string subject = fmt::format("retention {}", qt(m.key));
        out.id = m.key;
        if (!object_or_error(m, "retention", "\"what\", a count, \"purge_event\" and \"cite\""))
            return;
        fields f =
            read_fields(m.val,
                        {"what", "purge_event", "period", "convention", "month_end", "from_event",
                         "from_next_event", "from_date", "from_discharged", "versions",
                         "interpretations", "most_protective", "cite", "source", "note"},
                        subject);
        out.what = optional_string(f, "what", subject);
        if (const value* e = f.val("purge_event")) {
            out.purge_event = ref(*e, events_, subject, "purge_event", "purges with");
            check_automatic(*e, out.purge_event, subject, "purge_event");
        }
        out.why = read_citation(m.val, f, subject, m.key_at);
        out.readings = read_count(m.val, f, subject, out.why, "\"period\" or \"interpretations\"");
        out.most_protective = read_protective(f, subject);
    }
};

std::string read_all(const std::string& path, std::string& text) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::strerror(errno);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return "read error";
    text = ss.str();
    return {};
}

} // namespace

load_result load_ruleset_text(std::string_view text, const std::string& file_name) {
    return loader(file_name).run(text);
}

load_result load_ruleset_file(const std::string& path) {
    std::string file = path;
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        file = (std::filesystem::path(path) / "ruleset.json").string();
    std::string text;
    std::string why = read_all(file, text);
    if (!why.empty() || std::filesystem::is_directory(file, ec)) {
        if (why.empty()) why = "is a directory";
        load_result r;
        r.errors.emplace_back("echeance.rule.io", fmt::format("cannot read {}: {}", qt(file), why),
                              location{file, 0, 0, ""});
        return r;
    }
    return load_ruleset_text(text, file);
}

ruleset load_ruleset(const std::string& path) {
    load_result r = load_ruleset_file(path);
    if (r.ok()) return std::move(*r.rules);
    std::string message = r.errors.front().message();
    for (std::size_t i = 1; i < r.errors.size(); ++i) message += "\n" + format(r.errors[i]);
    throw error(r.errors.front().id(), message, r.errors.front().where());
}

} // namespace echeance
