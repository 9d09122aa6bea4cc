#include "replay.hpp"

#include "options.hpp"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <echeance/engine.hpp>
#include <echeance/io/history.hpp>
#include <echeance/io/lines.hpp>
#include <echeance/io/report.hpp>
#include <echeance/io/rules.hpp>
#include <fmt/format.h>
#include <memory>

namespace echeance::cli {

void register_replay(CLI::App& app, std::function<int()>& run) {
    struct args {
        std::string rules, history, as_of, format = "detect", output = "text";
        std::vector<std::string> readings;
        bool json = false, explain = false;
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
    cmd->add_option("--reading", a->readings,
                    "Decide a contested rule by another reading, RULE=READING (e.g. "
                    "opposition_window=one-month-from-receipt)");
    cmd->add_option("--format", a->format, "Input format")
        ->check(CLI::IsMember(history_format_names()))
        ->capture_default_str();
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
            for (const auto& r : a->readings) {
                auto eq = r.find('=');
                if (eq == std::string::npos || eq == 0 || eq + 1 == r.size())
                    throw usage_error(
                        fmt::format("--reading \"{}\" is not of the form RULE=READING", r));
                try {
                    choose_reading(rules, opt, std::string_view(r).substr(0, eq),
                                   std::string_view(r).substr(eq + 1));
                } catch (const error& e) {
                    throw e.with_field("--reading");
                }
            }
            opt.explain = a->explain;
            history_parser::format f = *parse_history_format(a->format); // checked by CLI11
            bool from_stdin = a->history == "-";
            std::string name = from_stdin ? "<stdin>" : a->history;
            std::FILE* in = from_stdin ? stdin : std::fopen(a->history.c_str(), "rb");
            if (!in)
                throw error("echeance.history.open",
                            fmt::format("cannot open history file \"{}\": {}", a->history,
                                        std::strerror(errno)),
                            location{"", 0, 0, "HISTORY"});
            history_parser parser(rules, cal, name, f);
            io::for_each_line(
                in, [&](std::string_view line, std::size_t no) { parser.add_line(line, no); },
                name);
            if (!from_stdin) std::fclose(in);
            history_file file = parser.finish();
            for (const auto& e : file.errors)
                std::fprintf(stderr, "echeance: %s\n", format(e).c_str());

            io::out_buffer out(stdout);
            replay_report report(rules, cal, shown, a->explain);
            std::string text;
            render_replays(rules, cal, file, opt, report, text, [&](std::string& s) {
                out.write(s);
                s.clear();
            });
            out.flush();
            return file.errors.empty() ? 0 : 1;
        };
    });
}

} // namespace echeance::cli
