// A replay report over many persons, in the format asked for.
#include "detail/names.hpp"
#include "detail/replay_formats.hpp"
#include "detail/replay_json.hpp"
#include "echeance/io/report.hpp"

namespace echeance {

std::string_view to_string(report_format f) noexcept {
    return detail::report_format_table.name(f);
}

std::optional<report_format> parse_report_format(std::string_view name) noexcept {
    return detail::report_format_table.parse(name);
}

std::vector<std::string> report_format_names() {
    return detail::report_format_table.names();
}

std::optional<report_output> parse_report_output(std::string_view name) noexcept {
    if (name == "json-compact") return report_output{report_format::json, true};
    if (auto f = parse_report_format(name)) return report_output{*f, false};
    return std::nullopt;
}

replay_report::replay_report(const ruleset& rules, const calendar& cal, report_format format,
                             bool explain, bool compact)
    : rules_(&rules), cal_(&cal), format_(format), explain_(explain), compact_(compact) {
    if (format == report_format::json) json_ = std::make_shared<const detail::json_names>(rules);
}

void replay_report::begin(std::string& out) {
    switch (format_) {
    case report_format::summary:
        detail::summary_header(out);
        break;
    case report_format::ics:
        detail::ics_begin(out);
        break;
    case report_format::text:
    case report_format::json:
        break;
    }
}

void replay_report::add(const history& h, std::string_view person, const replay_result& r,
                        std::string& out) {
    switch (format_) {
    case report_format::json:
        detail::append_json_line(out, *rules_, *cal_, *json_, h, person, r, explain_, compact_);
        break;
    case report_format::text:
        if (persons_) out += '\n';
        out += to_text(*rules_, *cal_, h, person, r, explain_);
        break;
    case report_format::summary:
        detail::summary_line(out, *rules_, person, r);
        break;
    case report_format::ics:
        detail::ics_events(out, *rules_, person, r);
        break;
    }
    ++persons_;
}

void replay_report::end(std::string& out) {
    if (format_ == report_format::ics) detail::ics_end(out);
}

void render_replays(const ruleset& rules, const calendar& cal, const history_file& file,
                    const replay_options& options, replay_report& report, std::string& out,
                    const std::function<void(std::string&)>& drain) {
    replay_result r; // reused: its buffers serve every person
    report.begin(out);
    for (std::size_t i = 0; i < file.persons.size(); ++i) {
        replay(rules, cal, file.persons[i], options, r);
        report.add(file.persons[i], file.shown_ids[i], r, out);
        if (drain) drain(out);
    }
    report.end(out);
    if (drain) drain(out);
}

} // namespace echeance
