// A replay report over many persons, in the format asked for.
#include "echeance/error.hpp"
#include "echeance/io/report.hpp"

namespace echeance {

std::string_view to_string(report_format f) noexcept {
    switch (f) {
    case report_format::text:
        return "text";
    case report_format::json:
        return "json";
    case report_format::summary:
        return "summary";
    case report_format::ics:
        return "ics";
    }
    return "";
}

std::optional<report_format> parse_report_format(std::string_view name) noexcept {
    for (auto f :
         {report_format::text, report_format::json, report_format::summary, report_format::ics})
        if (to_string(f) == name) return f;
    return std::nullopt;
}

replay_report::replay_report(const ruleset& rules, const calendar& cal, report_format format,
                             bool explain)
    : rules_(&rules), cal_(&cal), format_(format), explain_(explain) {}

void replay_report::begin(std::string&) {}

void replay_report::add(const history& h, std::string_view person, const replay_result& r,
                        std::string& out) {
    switch (format_) {
    case report_format::json:
        out += to_json_line(*rules_, *cal_, h, person, r, explain_);
        break;
    case report_format::text:
        if (persons_) out += '\n';
        out += to_text(*rules_, *cal_, h, person, r, explain_);
        break;
    case report_format::summary:
    case report_format::ics:
        throw error("echeance.io.output", std::string("the output format ") +
                                              std::string(to_string(format_)) +
                                              " is not built yet");
    }
    ++persons_;
}

void replay_report::end(std::string&) {}

} // namespace echeance
