#include "replay.hpp"

#include "options.hpp"

#include <chrono>
#include <cstdio>
#include <echeance/engine.hpp>
#include <echeance/io/history.hpp>
#include <echeance/io/lines.hpp>
#include <echeance/io/report.hpp>
#include <echeance/io/rules.hpp>
#include <echeance/io/sweep.hpp>
#include <memory>

namespace echeance::cli {

void register_replay(CLI::App& app, std::function<int()>& run) {
    struct args {
        std::string rules, history, as_of, output = "text";
        bool json = false, explain = false, compact = false;
        sweep_args sweep;
        calendar_args cal;
    };
    auto a = std::make_shared<args>();
    auto* cmd = app.add_subcommand(
        "replay", "Replay event histories against a rule set: timeline, open windows, next "
                  "deadlines, obligations, retention, rejected events");
    cmd->add_option("--rules", a->rules, "Rule set folder (or its ruleset.json)")->required();
    cmd->add_option("HISTORY", a->history,
                    "History file, JSON Lines or CSV (one event per line); - for stdin")
        ->required();
    cmd->add_option("--as-of", a->as_of,
                    "The day to report on, YYYY-MM-DD (default: today, UTC); later events are "
                    "ignored");
    auto* output =
        cmd->add_option("--output", a->output,
                        "text for people; json: one object per person per line; summary: one "
                        "CSV line per person with the next deadline; ics: the deadlines as an "
                        "iCalendar file")
            ->check(CLI::IsMember(report_format_names()))
            ->capture_default_str();
    cmd->add_flag("--json", a->json, "The same as --output json");
    cmd->add_flag("--explain", a->explain,
                  "Add each step with its rule, version, article and date arithmetic (text and "
                  "json)");
    cmd->add_flag("--compact", a->compact,
                  "With json: leave out the members whose value is null, \"\", [] or {} "
                  "(docs/replay.md)");
    add_sweep_options(*cmd, a->sweep);
    add_calendar_options(*cmd, a->cal);
    cmd->callback([&run, a, output] {
        run = [a, output]() -> int {
            report_format shown = *parse_report_format(a->output);
            if (a->json) {
                if (output->count() && shown != report_format::json)
                    throw usage_error("--json is --output json; it cannot go with --output " +
                                      a->output);
                shown = report_format::json;
            }
            if (a->explain && shown != report_format::text && shown != report_format::json)
                throw usage_error("--explain applies to --output text or json, not " + a->output);
            if (a->compact && shown != report_format::json)
                throw usage_error("--compact applies to --output json, not " + a->output);
            calendar cal = load_calendar(a->cal);
            load_result loaded = load_ruleset_file(a->rules);
            if (!loaded.ok()) {
                for (const auto& e : loaded.errors)
                    std::fprintf(stderr, "echeance: %s\n", format(e).c_str());
                return 1;
            }
            const ruleset& rules = *loaded.rules;
            replay_options opt(a->as_of.empty() ? year_month_day(date::floor<date::days>(
                                                      std::chrono::system_clock::now()))
                                                : parse_field(a->as_of, "--as-of", parse_date));
            apply_readings(rules, opt, a->sweep.readings);
            opt.explain = a->explain;
            sweep_options how = sweep_options_of(a->sweep);
            bool from_stdin = a->history == "-";
            io::out_buffer out(stdout);
            replay_report report(rules, cal, shown, a->explain, a->compact);
            auto reporter = replay_reporter(rules, cal, opt, report);
            sweep_stats stats = sweep_file(
                a->history, from_stdin ? "<stdin>" : a->history, rules, cal, *reporter, how,
                [&](std::string_view s) { out.write(s); },
                [](const error& e) { std::fprintf(stderr, "echeance: %s\n", format(e).c_str()); });
            out.flush();
            return stats.errors == 0 ? 0 : 1;
        };
    });
}

} // namespace echeance::cli
