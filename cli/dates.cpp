#include "dates.hpp"

#include "options.hpp"

#include <cstdio>
#include <echeance/calendar.hpp>
#include <echeance/convention.hpp>
#include <echeance/error.hpp>
#include <echeance/io/dates.hpp>
#include <echeance/io/lines.hpp>
#include <echeance/period.hpp>
#include <fmt/format.h>
#include <memory>

namespace echeance::cli {

namespace {

// A bad batch line: "error: <stdin>:LINE:COL: [id] message", on its own output line.
std::string batch_error(const error& e, std::size_t line, std::size_t column) {
    error placed = e.placed("<stdin>", line, column);
    return fmt::format("error: {}: [{}] {}\n", placed.where().to_string(), placed.id(),
                       placed.message());
}

// Runs `one(date, period)` for each "DATE PERIOD" line of stdin; returns the exit status.
template <class F>
int run_batch(F&& one) {
    io::out_buffer out(stdout);
    bool bad = false;
    std::string text;
    io::for_each_line(stdin, [&](std::string_view line, std::size_t no) {
        io::two_fields f;
        if (!io::split_two(line, f)) {
            bad = true;
            out.write(batch_error(
                error("echeance.cli.line",
                      fmt::format("expected \"DATE PERIOD\", got \"{}\"", shorten(line)),
                      location{"", 0, 1, ""}),
                no, 1));
            return;
        }
        year_month_day day;
        try {
            day = parse_date(f.first);
        } catch (const error& e) {
            bad = true;
            out.write(batch_error(e, no, f.first_column));
            return;
        }
        try {
            period p = period::parse(f.second);
            text.clear();
            one(day, p, text);
            out.write(text);
        } catch (const error& e) {
            bad = true;
            out.write(batch_error(
                e, no, e.id().rfind("echeance.period.invalid", 0) == 0 ? f.second_column : 1));
        }
    });
    out.flush();
    return bad ? 1 : 0;
}

} // namespace

void register_add(CLI::App& app, std::function<int()>& run) {
    struct args {
        std::string day, length, month_end = "clamp";
    };
    auto a = std::make_shared<args>();
    auto* cmd = app.add_subcommand("add", "Add an ISO 8601 period to a date (plain arithmetic)");
    cmd->add_option("DATE", a->day,
                    "Start date, YYYY-MM-DD (omit both to read DATE PERIOD lines "
                    "from stdin)");
    cmd->add_option("PERIOD", a->length, "Period PnYnMnWnD, e.g. P1M or P6W");
    cmd->add_option("--month-end", a->month_end, "When the day does not exist in the target month")
        ->check(CLI::IsMember(month_end_names()))
        ->capture_default_str();
    cmd->callback([&run, a, cmd] {
        run = [a, cmd]() -> int {
            month_end policy = parse_month_end(a->month_end);
            if (cmd->count("DATE") == 0) {
                return run_batch([&](year_month_day d, const period& p, std::string& out) {
                    char buf[11];
                    format_date(add(d, p, policy), buf);
                    buf[10] = '\n';
                    out.append(buf, 11);
                });
            }
            if (cmd->count("PERIOD") == 0)
                throw usage_error("add needs DATE and PERIOD, or neither (batch mode)");
            year_month_day d = parse_field(a->day, "DATE", parse_date);
            period p = parse_field(a->length, "PERIOD", period::parse);
            std::printf("%s\n", format_date(add(d, p, policy)).c_str());
            return 0;
        };
    });
}

void register_deadline(CLI::App& app, std::function<int()>& run) {
    struct args {
        std::string day, length, rule = "cpc", where = "FR", month_end = "clamp";
        bool explain = false, json = false;
        calendar_args cal;
    };
    auto a = std::make_shared<args>();
    auto* cmd =
        app.add_subcommand("deadline", "The last day of a period under a counting convention");
    cmd->add_option("DATE", a->day,
                    "Date of the event that starts the period, YYYY-MM-DD (omit both "
                    "to read DATE PERIOD lines from stdin)");
    cmd->add_option("PERIOD", a->length, "Period PnYnMnWnD, e.g. P6W");
    cmd->add_option("--convention", a->rule,
                    "plain (arithmetic), cpc (CPC 640-642), eu (Reg. 1182/71)")
        ->check(CLI::IsMember(convention_names()))
        ->capture_default_str();
    cmd->add_option("--territory", a->where,
                    "Territory whose holidays and time zone apply (FR, FR-57, "
                    "FR-971 or GP, ...)")
        ->capture_default_str();
    cmd->add_option("--month-end", a->month_end,
                    "When the day does not exist in the target month (CPC and EU clamp)")
        ->check(CLI::IsMember(month_end_names()))
        ->capture_default_str();
    cmd->add_flag("--explain", a->explain, "Print each step of the count with its article");
    cmd->add_flag("--json", a->json, "Print one JSON object with every field of the result");
    add_calendar_options(*cmd, a->cal);
    cmd->callback([&run, a, cmd] {
        run = [a, cmd]() -> int {
            convention rule = parse_convention(a->rule);
            month_end policy = parse_month_end(a->month_end);
            calendar cal = load_calendar(a->cal);
            territory where = parse_field(a->where, "--territory",
                                          [&](std::string_view s) { return cal.find(s); });
            if (cmd->count("DATE") == 0) {
                if (a->explain)
                    throw usage_error(
                        "--explain needs DATE and PERIOD (batch mode prints one line per input)");
                bool json = a->json;
                return run_batch([&](year_month_day d, const period& p, std::string& out) {
                    deadline r = compute_deadline(cal, d, p, rule, where, policy);
                    if (json) {
                        out += deadline_json(cal, r, false, -1);
                        out += '\n';
                    } else {
                        char buf[11];
                        format_date(r.final_day, buf);
                        buf[10] = '\n';
                        out.append(buf, 11);
                    }
                });
            }
            if (cmd->count("PERIOD") == 0)
                throw usage_error("deadline needs DATE and PERIOD, or neither (batch mode)");
            year_month_day d = parse_field(a->day, "DATE", parse_date);
            period p = parse_field(a->length, "PERIOD", period::parse);
            deadline r = compute_deadline(cal, d, p, rule, where, policy);
            std::string out =
                a->json ? deadline_json(cal, r, true, 2) + "\n" : deadline_text(cal, r, a->explain);
            std::fwrite(out.data(), 1, out.size(), stdout);
            return 0;
        };
    });
}

void register_holidays(CLI::App& app, std::function<int()>& run) {
    struct args {
        std::string year, where = "FR";
        bool json = false;
        calendar_args cal;
    };
    auto a = std::make_shared<args>();
    auto* cmd = app.add_subcommand("holidays", "Public holidays of a year in a territory");
    cmd->add_option("YEAR", a->year, "Year, 1583-9999")->required();
    cmd->add_option("--territory", a->where, "Territory (FR, FR-57, FR-971 or GP, ...)")
        ->capture_default_str();
    cmd->add_flag("--json", a->json, "Print a JSON array");
    add_calendar_options(*cmd, a->cal);
    cmd->callback([&run, a] {
        run = [a]() -> int {
            int y = parse_field(a->year, "YEAR", parse_year);
            calendar cal = load_calendar(a->cal);
            territory where = parse_field(a->where, "--territory",
                                          [&](std::string_view s) { return cal.find(s); });
            auto list = cal.holidays(where, date::year(y));
            std::string out = a->json ? holidays_json(list) : holidays_text(list);
            std::fwrite(out.data(), 1, out.size(), stdout);
            return 0;
        };
    });
}

} // namespace echeance::cli
