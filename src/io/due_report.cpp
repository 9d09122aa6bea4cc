// The due report: one CSV line or one JSON object per item due, person by person.
#include "detail/csv.hpp"
#include "detail/due.hpp"
#include "detail/replay_names.hpp"
#include "detail/upcoming.hpp"
#include "echeance/io/due.hpp"

#include <nlohmann/json.hpp>

namespace echeance {

namespace {

using ojson = nlohmann::ordered_json;

template <class Id, class V>
std::string ids_joined(const std::vector<Id>& idx, const V& items) {
    std::string out;
    for (auto i : idx) {
        if (!out.empty()) out += ' ';
        out += items[i].id;
    }
    return out;
}

// The event(s) that act on the item and the role(s) that send them, ids separated by a space:
// a window's events and roles, an obligation's event and role, a move's or a purge's automatic
// event and its role (the rules' own, e.g. "system").
struct actors {
    std::string event, role;
};

actors actors_of(const ruleset& rules, counted_rule rule) {
    auto automatic = [&](event_id e) {
        return e == no_index
                   ? actors{}
                   : actors{rules.events[e].id, ids_joined(rules.events[e].roles, rules.roles)};
    };
    switch (rule.kind()) {
    case rule_kind::window: {
        const auto& w = rules.windows[rule.window()];
        return {ids_joined(w.events, rules.events), ids_joined(w.roles, rules.roles)};
    }
    case rule_kind::obligation: {
        const auto& o = rules.obligations[rule.obligation()];
        return {o.event != no_index ? rules.events[o.event].id : std::string(),
                o.role != no_index ? rules.roles[o.role].id : std::string()};
    }
    case rule_kind::timer:
        return automatic(rules.timers[rule.timer()].event);
    case rule_kind::retention:
        break;
    }
    return automatic(rules.retentions[rule.retention()].purge_event);
}

} // namespace

std::string_view to_string(due_format f) noexcept {
    return f == due_format::json ? "json" : "csv";
}

std::optional<due_format> parse_due_format(std::string_view name) noexcept {
    if (name == "csv") return due_format::csv;
    if (name == "json") return due_format::json;
    return std::nullopt;
}

std::vector<std::string> due_format_names() {
    return {"csv", "json"};
}

due_report::due_report(const ruleset& rules, const calendar& cal, const replay_options& options,
                       year_month_day from, year_month_day to, due_format format)
    : rules_(&rules), cal_(&cal), options_(options), from_(from), to_(to), format_(format) {
    detail::require_due_range(from, to);
}

void due_report::begin(std::string& out) {
    if (format_ == due_format::csv) out += "day,person,what,rule,event,role,cite\n";
}

void due_report::add(const history& h, std::string_view person, std::string& out) {
    due_items(*rules_, *cal_, h, options_, from_, to_, work_, items_);
    if (items_.empty()) return;
    const std::string who = detail::printable(person);
    for (const auto& item : items_) {
        const std::string& rule = rules_->name(item.rule);
        const std::string& cite = detail::rule_why(*rules_, {item.rule, item.day, 0}).cite;
        actors a = actors_of(*rules_, item.rule);
        if (format_ == due_format::json) {
            ojson j;
            j["day"] = format_date(item.day);
            j["person"] = who;
            j["what"] = to_string(item.what);
            j["rule"] = rule;
            j["event"] = a.event;
            j["role"] = a.role;
            j["cite"] = cite;
            out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        } else {
            out += format_date(item.day);
            out += ',';
            out += detail::csv_field(who);
            out += ',';
            out += to_string(item.what);
            out += ',';
            out += detail::csv_field(rule);
            out += ',';
            out += detail::csv_field(a.event);
            out += ',';
            out += detail::csv_field(a.role);
            out += ',';
            out += detail::csv_field(cite);
        }
        out += '\n';
    }
}

void due_report::end(std::string&) {}

void render_due(const history_file& file, due_report& report, std::string& out,
                const std::function<void(std::string&)>& drain) {
    report.begin(out);
    for (std::size_t i = 0; i < file.persons.size(); ++i) {
        report.add(file.persons[i], file.shown_ids[i], out);
        if (drain) drain(out);
    }
    report.end(out);
    if (drain) drain(out);
}

namespace {

class due_sweep final : public sweep_reporter {
public:
    explicit due_sweep(const due_report& report) : report_(report) {}
    std::unique_ptr<sweep_reporter> clone() const override {
        return std::make_unique<due_sweep>(report_);
    }
    void begin(std::string& out) override { report_.begin(out); }
    void add(const history& h, std::string_view person, std::string& out) override {
        report_.add(h, person, out);
    }
    void end(std::string& out) override { report_.end(out); }

private:
    due_report report_;
};

} // namespace

std::unique_ptr<sweep_reporter> due_reporter(const due_report& report) {
    return std::make_unique<due_sweep>(report);
}

} // namespace echeance
