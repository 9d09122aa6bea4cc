// Deadline and holiday reports, as the CLI prints them.
#include "echeance/io/dates.hpp"

#include <nlohmann/json.hpp>

namespace echeance {

std::string deadline_json(const calendar& cal, const deadline& d, bool with_steps, int indent) {
    nlohmann::ordered_json j;
    j["start"] = format_date(d.start);
    j["period"] = d.length.to_string();
    j["convention"] = std::string(to_string(d.rule));
    j["month_end"] = std::string(to_string(d.policy));
    j["territory"] = cal.id(d.where);
    j["time_zone"] = cal.time_zone(d.where);
    j["nominal"] = format_date(d.nominal);
    j["final_day"] = format_date(d.final_day);
    j["end_local"] = format_end_local(d);
    j["end_utc"] = format_end_utc(d);
    if (with_steps) {
        j["steps"] = nlohmann::ordered_json::array();
        for (const auto& s : explain(cal, d))
            j["steps"].push_back({{"text", s.text}, {"cite", s.cite}});
    }
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string deadline_text(const calendar& cal, const deadline& d, bool explain_steps) {
    std::string out = format_date(d.final_day) + "\n";
    if (!explain_steps) return out;
    for (const auto& s : explain(cal, d)) {
        out += "  ";
        out += s.text;
        if (!s.cite.empty()) out += " (" + s.cite + ")";
        out += '\n';
    }
    return out;
}

std::string holidays_json(const std::vector<holiday>& list) {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& h : list)
        j.push_back({{"date", format_date(h.day)},
                     {"id", h.id},
                     {"name", h.name},
                     {"name_fr", h.name_fr},
                     {"cite", h.cite}});
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string holidays_text(const std::vector<holiday>& list) {
    std::string out;
    for (const auto& h : list) out += format_date(h.day) + "\t" + h.name + "\n";
    return out;
}

} // namespace echeance
