#include "journal.hpp"

#include "options.hpp"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <echeance/engine.hpp>
#include <echeance/io/journal.hpp>
#include <echeance/io/lines.hpp>
#include <echeance/io/report.hpp>
#include <echeance/io/rules.hpp>
#include <fmt/format.h>
#include <memory>

namespace echeance::cli {

namespace {

struct common_args {
    std::string db, key_file;
    int busy_ms = 10000;
    calendar_args cal;
};

void add_common(CLI::App& cmd, common_args& a) {
    cmd.add_option("--db", a.db, "The journal file (SQLite)")->required();
    cmd.add_option("--busy-timeout", a.busy_ms,
                   "Milliseconds to wait for another process writing the journal")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    add_calendar_options(cmd, a.cal);
}

journal_options options_of(const common_args& a) {
    journal_options o;
    o.key = journal_key(a.key_file);
    o.busy_timeout = std::chrono::milliseconds(a.busy_ms);
    // Reproducible receipts for the golden tests: the stored_at of every entry.
    if (const char* now = std::getenv("ECHEANCE_JOURNAL_NOW")) o.now = now;
    return o;
}

std::string read_file(const std::string& path, const char* field) {
    bool from_stdin = path == "-";
    std::FILE* in = from_stdin ? stdin : std::fopen(path.c_str(), "rb");
    if (!in)
        throw error("echeance.journal.input",
                    fmt::format("cannot open \"{}\": {}", path, std::strerror(errno)),
                    location{"", 0, 0, field});
    std::string text;
    char buf[1 << 16];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, in)) > 0) text.append(buf, n);
    bool bad = std::ferror(in);
    if (!from_stdin) std::fclose(in);
    if (bad)
        throw error("echeance.io.read", fmt::format("cannot read \"{}\"", path),
                    location{"", 0, 0, field});
    return text;
}

ruleset load_rules(const std::string& path) {
    load_result loaded = load_ruleset_file(path);
    if (!loaded.ok()) {
        for (std::size_t i = 1; i < loaded.errors.size(); ++i)
            std::fprintf(stderr, "echeance: %s\n", format(loaded.errors[i - 1]).c_str());
        throw loaded.errors.back();
    }
    return std::move(*loaded.rules);
}

void print_receipts(const std::vector<journal_receipt>& receipts) {
    std::string text;
    for (const auto& r : receipts) text += to_json_line(r);
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout); // a receipt printed is a receipt committed: never held in a buffer
}

void register_append(CLI::App& journal_cmd, std::function<int()>& run) {
    struct args : common_args {
        std::vector<std::string> files;
        std::string rules, format = "detect";
    };
    auto a = std::make_shared<args>();
    auto* cmd = journal_cmd.add_subcommand(
        "append", "Store history events (one transaction per file, each event once); print a "
                  "receipt per newly stored event after its commit");
    add_common(*cmd, *a);
    cmd->add_option("HISTORY", a->files, "History files, JSON Lines or CSV; - for stdin")
        ->required();
    cmd->add_option("--key-file", a->key_file,
                    "The operator's key for the keyed hash of NIRs (else ECHEANCE_JOURNAL_KEY)");
    cmd->add_option("--rules", a->rules,
                    "Rule set folder: its default territory for lines without one (else FR)");
    cmd->add_option("--format", a->format, "Input format")
        ->check(CLI::IsMember({"detect", "jsonl", "csv"}))
        ->capture_default_str();
    cmd->callback([&run, a] {
        run = [a]() -> int {
            calendar cal = load_calendar(a->cal);
            ruleset rules;
            if (!a->rules.empty()) rules = load_rules(a->rules);
            journal j(a->db, journal::mode::create, options_of(*a));
            history_parser::format f = a->format == "jsonl" ? history_parser::format::jsonl
                                       : a->format == "csv" ? history_parser::format::csv
                                                            : history_parser::format::detect;
            int status = 0;
            for (const auto& file : a->files) {
                std::string name = file == "-" ? "<stdin>" : file;
                std::string text = read_file(file, "HISTORY");
                journal_append_result r = j.append(text, name, rules, cal, f);
                for (const auto& e : r.errors)
                    std::fprintf(stderr, "echeance: %s\n", format(e).c_str());
                if (!r.errors.empty()) {
                    std::fprintf(stderr,
                                 "echeance: %s: nothing of this batch was stored (%zu bad "
                                 "line%s)\n",
                                 name.c_str(), r.errors.size(), r.errors.size() == 1 ? "" : "s");
                    status = 1;
                    continue;
                }
                print_receipts(r.receipts);
                std::fprintf(stderr, "echeance: %s: %zu stored, %zu already in the journal\n",
                             name.c_str(), r.receipts.size(), r.duplicates);
            }
            return status;
        };
    });
}

void register_verify(CLI::App& journal_cmd, std::function<int()>& run) {
    struct args : common_args {
        std::vector<std::string> receipts;
    };
    auto a = std::make_shared<args>();
    auto* cmd = journal_cmd.add_subcommand(
        "verify", "Recompute every hash and the chain; check receipts against the journal");
    add_common(*cmd, *a);
    cmd->add_option("--receipt", a->receipts, "A receipt file (one receipt per line)");
    cmd->callback([&run, a] {
        run = [a]() -> int {
            journal j(a->db, journal::mode::open, options_of(*a));
            std::vector<std::pair<std::string, std::string>> files;
            for (const auto& r : a->receipts)
                files.emplace_back(r == "-" ? "<stdin>" : r, read_file(r, "--receipt"));
            journal_verify_result v = j.verify(files);
            if (v.problem) std::fprintf(stderr, "echeance: %s\n", format(*v.problem).c_str());
            for (const auto& e : v.receipt_errors)
                std::fprintf(stderr, "echeance: %s\n", format(e).c_str());
            if (!v.problem)
                std::printf("journal intact: %lld entries, chain verified\n",
                            static_cast<long long>(v.entries));
            if (!a->receipts.empty())
                std::printf("receipts: %zu checked, %zu proved by the journal\n", v.receipts,
                            v.receipts - v.receipt_errors.size());
            return v.ok() ? 0 : 1;
        };
    });
}

void register_replay_cmd(CLI::App& journal_cmd, std::function<int()>& run) {
    struct args : common_args {
        std::string rules;
        report_args report;
        std::vector<std::string> readings;
    };
    auto a = std::make_shared<args>();
    auto* cmd = journal_cmd.add_subcommand(
        "replay", "Replay the stored events: the answers of echeance replay over the same events");
    add_common(*cmd, *a);
    cmd->add_option("--rules", a->rules, "Rule set folder (or its ruleset.json)")->required();
    add_report_options(*cmd, a->report);
    add_reading_option(*cmd, a->readings);
    cmd->callback([&run, a] {
        run = [a]() -> int {
            report_format shown = report_format_of(a->report);
            calendar cal = load_calendar(a->cal);
            ruleset rules = load_rules(a->rules);
            replay_options opt(as_of_of(a->report));
            apply_readings(rules, opt, a->readings);
            opt.explain = a->report.explain;
            journal j(a->db, journal::mode::open, options_of(*a));
            history_file file = j.events(rules, cal);
            for (const auto& e : file.errors)
                std::fprintf(stderr, "echeance: %s\n", format(e).c_str());
            io::out_buffer out(stdout);
            replay_report report(rules, cal, shown, a->report.explain, a->report.compact);
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

void register_apply(CLI::App& journal_cmd, std::function<int()>& run) {
    struct args : common_args {
        std::string rules, as_of;
        std::size_t per_transaction = 1000;
    };
    auto a = std::make_shared<args>();
    auto* cmd = journal_cmd.add_subcommand(
        "apply", "Record every automatic event due by --as-of (creation, closure d'office, "
                 "purge) exactly once, with a receipt each");
    add_common(*cmd, *a);
    cmd->add_option("--rules", a->rules, "Rule set folder (or its ruleset.json)")->required();
    cmd->add_option("--as-of", a->as_of, "Record what is due on or before this day, YYYY-MM-DD")
        ->required();
    cmd->add_option("--persons-per-transaction", a->per_transaction,
                    "Persons replayed and recorded per transaction")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    cmd->callback([&run, a] {
        run = [a]() -> int {
            calendar cal = load_calendar(a->cal);
            ruleset rules = load_rules(a->rules);
            year_month_day as_of = parse_field(a->as_of, "--as-of", parse_date);
            journal j(a->db, journal::mode::open, options_of(*a));
            journal_apply_result r = j.apply(rules, cal, as_of, print_receipts, a->per_transaction);
            for (const auto& e : r.errors)
                std::fprintf(stderr, "echeance: %s\n", format(e).c_str());
            if (!r.errors.empty()) {
                std::fprintf(stderr, "echeance: nothing applied: the stored events do not all "
                                     "read\n");
                return 1;
            }
            std::fprintf(stderr,
                         "echeance: apply run %lld as of %s: %zu recorded, %zu already recorded, "
                         "%zu persons\n",
                         static_cast<long long>(r.run), format_date(as_of).c_str(), r.recorded,
                         r.already, r.persons);
            return 0;
        };
    });
}

} // namespace

void register_journal(CLI::App& app, std::function<int()>& run) {
    auto* cmd = app.add_subcommand(
        "journal", "A crash-safe SQLite record of every act, with receipts (docs/journal.md)");
    cmd->require_subcommand(1);
    register_append(*cmd, run);
    register_verify(*cmd, run);
    register_replay_cmd(*cmd, run);
    register_apply(*cmd, run);
}

} // namespace echeance::cli
