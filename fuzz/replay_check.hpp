// Shared by the history fuzzers: replays every parsed person and renders every report format,
// and checks that a replay_result reused across persons equals a fresh one.
#pragma once

#include <cstdlib>
#include <echeance/calendar.hpp>
#include <echeance/engine.hpp>
#include <echeance/error.hpp>
#include <echeance/io/calendar.hpp>
#include <echeance/io/history.hpp>
#include <echeance/io/report.hpp>
#include <echeance/io/rules.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace fuzz {

inline const echeance::ruleset& rules() {
    static const echeance::ruleset r =
        echeance::load_ruleset(ECHEANCE_SOURCE_DIR "/rules/mon-espace-sante");
    return r;
}

inline const echeance::calendar& cal() {
    static const echeance::calendar c = echeance::builtin_calendar();
    return c;
}

// For each person: a result object reused from person to person renders exactly as a fresh
// one. Then every format through the one call the CLI makes; summary and ICS may not be built
// yet: their "echeance.io.output" is the only error tolerated, so they are exercised once built.
inline void check_replays(const echeance::history_file& file, const echeance::calendar& cal,
                          const echeance::replay_options& opt) {
    std::vector<echeance::replay_result> fresh;
    echeance::replay_result reused;
    for (std::size_t i = 0; i < file.persons.size(); ++i) {
        const echeance::history& h = file.persons[i];
        echeance::replay(rules(), cal, h, opt, reused);
        fresh.push_back(echeance::replay(rules(), cal, h, opt));
        std::string_view id = file.shown_ids[i];
        if (echeance::to_json_line(rules(), cal, h, id, reused, opt.explain) !=
            echeance::to_json_line(rules(), cal, h, id, fresh.back(), opt.explain))
            std::abort();
    }
    using echeance::report_format;
    for (report_format f :
         {report_format::text, report_format::json, report_format::summary, report_format::ics}) {
        echeance::replay_report report(rules(), cal, f, opt.explain);
        std::string out;
        try {
            report.begin(out);
            for (std::size_t i = 0; i < file.persons.size(); ++i)
                report.add(file.persons[i], file.shown_ids[i], fresh[i], out);
            report.end(out);
        } catch (const echeance::error& e) {
            if (e.id() != "echeance.io.output") std::abort();
        }
    }
}

inline int run_history(const std::uint8_t* data, std::size_t size,
                       echeance::history_parser::format format) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    echeance::history_file file = echeance::parse_history(text, rules(), cal(), "fuzz", format);
    if (file.persons.size() != file.shown_ids.size()) std::abort();
    echeance::replay_options opt(echeance::year_month_day(date::year(2030) / 1 / 1));
    opt.explain = size % 2 == 1; // half of the inputs also build and render explanations
    check_replays(file, cal(), opt);
    return 0;
}

} // namespace fuzz
