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

// Every format, through the one call the CLI makes. Summary and ICS may not be built yet: their
// "echeance.io.output" error is the only one tolerated, so they are exercised once they land.
inline void render_all(const echeance::history_file& file, const echeance::replay_options& opt) {
    using echeance::report_format;
    for (report_format f :
         {report_format::text, report_format::json, report_format::summary, report_format::ics}) {
        echeance::replay_report report(rules(), cal(), f, opt.explain);
        echeance::replay_result r;
        std::string out;
        try {
            report.begin(out);
            for (std::size_t i = 0; i < file.persons.size(); ++i) {
                echeance::replay(rules(), cal(), file.persons[i], opt, r);
                report.add(file.persons[i], file.shown_ids[i], r, out);
            }
            report.end(out);
        } catch (const echeance::error& e) {
            if (e.id() != "echeance.io.output") std::abort();
        }
    }
}

// A result object reused from person to person renders exactly as a fresh one.
inline void reuse_equals_fresh(const echeance::history_file& file,
                               const echeance::replay_options& opt) {
    echeance::replay_result reused;
    for (std::size_t i = 0; i < file.persons.size(); ++i) {
        const echeance::history& h = file.persons[i];
        echeance::replay(rules(), cal(), h, opt, reused);
        echeance::replay_result fresh = echeance::replay(rules(), cal(), h, opt);
        std::string_view id = file.shown_ids[i];
        if (echeance::to_json_line(rules(), cal(), h, id, reused, opt.explain) !=
            echeance::to_json_line(rules(), cal(), h, id, fresh, opt.explain))
            std::abort();
    }
}

inline int run_history(const std::uint8_t* data, std::size_t size,
                       echeance::history_parser::format format) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    echeance::history_file file = echeance::parse_history(text, rules(), cal(), "fuzz", format);
    if (file.persons.size() != file.shown_ids.size()) std::abort();
    echeance::replay_options opt;
    opt.as_of = echeance::year_month_day(date::year(2030) / 1 / 1);
    opt.explain = size % 2 == 1; // half of the inputs also build and render explanations
    reuse_equals_fresh(file, opt);
    render_all(file, opt);
    return 0;
}

} // namespace fuzz
