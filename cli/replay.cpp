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
        std::string rules, history;
        report_args report;
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
    add_report_options(*cmd, a->report);
    add_sweep_options(*cmd, a->sweep);
    add_calendar_options(*cmd, a->cal);
    cmd->callback([&run, a] {
        run = [a]() -> int {
            report_format shown = report_format_of(a->report);
            calendar cal = load_calendar(a->cal);
            load_result loaded = load_ruleset_file(a->rules);
            if (!loaded.ok()) {
                for (const auto& e : loaded.errors)
                    std::fprintf(stderr, "echeance: %s\n", format(e).c_str());
                return 1;
            }
            const ruleset& rules = *loaded.rules;
            replay_options opt(as_of_of(a->report));
            apply_readings(rules, opt, a->sweep.readings);
            opt.explain = a->report.explain;
            sweep_options how = sweep_options_of(a->sweep);
            bool from_stdin = a->history == "-";
            io::out_buffer out(stdout);
            replay_report report(rules, cal, shown, a->report.explain, a->report.compact);
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
