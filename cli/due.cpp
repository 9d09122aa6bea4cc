#include "due.hpp"

#include "options.hpp"

#include <cstdio>
#include <echeance/engine.hpp>
#include <echeance/io/due.hpp>
#include <echeance/io/history.hpp>
#include <echeance/io/lines.hpp>
#include <echeance/io/rules.hpp>
#include <echeance/io/sweep.hpp>
#include <fmt/format.h>
#include <memory>

namespace echeance::cli {

void register_due(CLI::App& app, std::function<int()>& run) {
    struct args {
        std::string rules, history, from, to, output = "csv";
        sweep_args sweep;
        calendar_args cal;
    };
    auto a = std::make_shared<args>();
    auto* cmd = app.add_subcommand(
        "due", "Every action due in a range of days, person by person: automatic moves, purges, "
               "last days of windows and obligations, and overdue obligations");
    cmd->add_option("--rules", a->rules, "Rule set folder (or its ruleset.json)")->required();
    cmd->add_option("HISTORY", a->history,
                    "History file, JSON Lines or CSV (one event per line); - for stdin")
        ->required();
    cmd->add_option("--from", a->from, "The first day of the range, YYYY-MM-DD")->required();
    cmd->add_option("--to", a->to, "The last day of the range, YYYY-MM-DD (default: --from)");
    cmd->add_option("--output", a->output,
                    "csv: a header, then one line per action; json: one object per action per "
                    "line")
        ->check(CLI::IsMember(due_format_names()))
        ->capture_default_str();
    add_sweep_options(*cmd, a->sweep);
    add_calendar_options(*cmd, a->cal);
    cmd->callback([&run, a] {
        run = [a]() -> int {
            year_month_day from = parse_field(a->from, "--from", parse_date);
            year_month_day to = a->to.empty() ? from : parse_field(a->to, "--to", parse_date);
            if (from > to)
                throw usage_error(
                    fmt::format("--from {} is after --to {}: the range is empty", a->from, a->to));
            calendar cal = load_calendar(a->cal);
            load_result loaded = load_ruleset_file(a->rules);
            if (!loaded.ok()) {
                for (const auto& e : loaded.errors)
                    std::fprintf(stderr, "echeance: %s\n", format(e).c_str());
                return 1;
            }
            const ruleset& rules = *loaded.rules;
            replay_options opt(from); // its day is chosen per replay by the report
            apply_readings(rules, opt, a->sweep.readings);
            sweep_options how = sweep_options_of(a->sweep);
            io::out_buffer out(stdout);
            due_report report(rules, cal, opt, from, to, *parse_due_format(a->output));
            auto reporter = due_reporter(report);
            sweep_stats stats = sweep_file(
                a->history, a->history == "-" ? "<stdin>" : a->history, rules, cal, *reporter, how,
                [&](std::string_view s) { out.write(s); },
                [](const error& e) { std::fprintf(stderr, "echeance: %s\n", format(e).c_str()); });
            out.flush();
            return stats.errors == 0 ? 0 : 1;
        };
    });
}

} // namespace echeance::cli
