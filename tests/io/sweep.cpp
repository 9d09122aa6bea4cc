// The sweep against the reference it replaces: parse_history() of the whole text then
// render_replays(). Same bytes and same errors for any thread count and any chunk size (chunks of
// one byte put a boundary after every person), grouped or not, JSON Lines or CSV, NIR ids
// numbered across chunks, bad lines and comments anywhere.
#include "../engine/generate.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <echeance/io/calendar.hpp>
#include <echeance/io/history.hpp>
#include <echeance/io/report.hpp>
#include <echeance/io/rules.hpp>
#include <echeance/io/sweep.hpp>
#include <fmt/format.h>
#include <initializer_list>
#include <rapidcheck.h>
#include <rapidcheck/catch.h>
#include <string>
#include <unistd.h>
#include <vector>

using namespace echeance;
using namespace echeance::testing;

namespace {

struct fixture {
    calendar cal = builtin_calendar();
    ruleset rules = load_ruleset(std::string(ECHEANCE_SOURCE_DIR) + "/rules/mon-espace-sante");
};

const fixture& fx() {
    static const fixture f;
    return f;
}

struct answer {
    std::string out;
    std::vector<std::string> errors;
};

answer reference(std::string_view text, report_format f, year_month_day as_of) {
    answer a;
    history_file file = parse_history(text, fx().rules, fx().cal, "h");
    for (const auto& e : file.errors) a.errors.push_back(format(e));
    replay_report report(fx().rules, fx().cal, f, false);
    render_replays(fx().rules, fx().cal, file, replay_options(as_of), report, a.out);
    return a;
}

answer swept(std::string_view text, report_format f, year_month_day as_of,
             const sweep_options& how) {
    answer a;
    replay_report report(fx().rules, fx().cal, f, false);
    replay_options options(as_of);
    auto reporter = replay_reporter(fx().rules, fx().cal, options, report);
    sweep_text(
        text, "h", fx().rules, fx().cal, *reporter, how, [&](std::string_view s) { a.out += s; },
        [&](const error& e) { a.errors.push_back(format(e)); });
    return a;
}

// The same through a file (mapped; the boundary scan reads it with pread).
answer swept_file(std::string_view text, report_format f, year_month_day as_of,
                  const sweep_options& how) {
    char path[] = "/tmp/echeance-sweep-XXXXXX";
    int fd = ::mkstemp(path);
    REQUIRE(fd >= 0);
    REQUIRE(::write(fd, text.data(), text.size()) == ssize_t(text.size()));
    ::close(fd);
    answer a;
    replay_report report(fx().rules, fx().cal, f, false);
    replay_options options(as_of);
    auto reporter = replay_reporter(fx().rules, fx().cal, options, report);
    sweep_file(
        path, "h", fx().rules, fx().cal, *reporter, how, [&](std::string_view s) { a.out += s; },
        [&](const error& e) { a.errors.push_back(format(e)); });
    ::unlink(path);
    return a;
}

// NIRs, one written three ways (one person), and plain ids.
const char* const ids[] = {
    "p1", "2840375123456", "2 84 03 75 123 456", "2.84.03.75.123.456", "1990599123456", "p\"q",
    "p2", "1840212345678"};

std::string csv_quoted(const std::string& s) {
    if (s.find_first_of(",\"") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

std::string json_escaped(const std::string& s) {
    std::string q;
    for (char c : s) q += c == '"' ? std::string("\\\"") : std::string(1, c);
    return q;
}

// Lines of a few persons, grouped or interleaved, with bad lines and comments among them.
std::string make_input(std::uint64_t seed, bool grouped, bool csv) {
    rng r{seed};
    std::vector<std::vector<gen_line>> persons;
    int n = 1 + int(r.below(7));
    for (int p = 0; p < n; ++p) {
        std::string id = ids[r.below(8)];
        if (grouped) id += std::to_string(p); // distinct persons (a NIR id stays NIR-like)
        persons.push_back(generate_person(r, id, 1 + int(r.below(5))));
    }
    std::vector<gen_line> lines;
    if (grouped) {
        for (auto& p : persons)
            for (auto& l : p) lines.push_back(l);
    } else {
        std::vector<std::size_t> next(persons.size(), 0);
        for (;;) {
            std::vector<std::size_t> left;
            for (std::size_t i = 0; i < next.size(); ++i)
                if (next[i] < persons[i].size()) left.push_back(i);
            if (left.empty()) break;
            std::size_t i = left[r.below(std::uint32_t(left.size()))];
            lines.push_back(persons[i][next[i]++]);
        }
    }
    std::string text = csv ? "person,at,event,role,territory,seq,born,department\n" : "";
    for (const auto& l : lines) {
        switch (r.below(12)) {
        case 0:
            text += "# a comment\n";
            break;
        case 1:
            text += csv ? "x,\"unterminated\n" : "{\"person\":\"x\",\"at\":\n";
            break;
        case 2:
            text += "\n";
            break;
        default:
            break;
        }
        if (csv) {
            text += csv_quoted(l.person) + "," + format_date(l.day) + "," + l.event + "," + l.role +
                    "," + l.territory + "," + (l.seq >= 0 ? std::to_string(l.seq) : "") + "," +
                    l.born + "," + l.department + "\n";
        } else {
            gen_line j = l;
            j.person = json_escaped(l.person);
            text += to_jsonl(j) + "\n";
        }
    }
    return text;
}

year_month_day day_of(std::uint64_t seed) {
    rng r{seed ^ 0x5eedu};
    return year_month_day(sys_days(year_month_day(date::year(2022), date::month(1), date::day(1))) +
                          date::days(r.below(365 * 6)));
}

// The summary of persons who each had one information_sent on 2024-01-10: open since the
// automatic creation six weeks and a day later (CSP R.1111-28).
std::string all_open(std::initializer_list<const char*> persons) {
    std::string s = "person,state,since,next_day,next_kind,next_rule,overdue\n";
    for (const char* p : persons) s += std::string(p) + ",open,2024-02-22,,,,0\n";
    return s;
}

} // namespace

TEST_CASE("the sweep writes what the whole-file reader writes, for any threads and chunks") {
    rc::prop("same bytes, same errors", [] {
        auto seed = *rc::gen::arbitrary<std::uint64_t>();
        bool grouped = *rc::gen::arbitrary<bool>();
        bool csv = *rc::gen::arbitrary<bool>();
        auto f = *rc::gen::element(report_format::text, report_format::json, report_format::summary,
                                   report_format::ics);
        std::string text = make_input(seed, grouped, csv);
        year_month_day as_of = day_of(seed);
        answer want = reference(text, f, as_of);
        sweep_options how;
        how.threads = *rc::gen::inRange(1u, 4u);
        how.chunk_bytes = *rc::gen::element<std::size_t>(1, 64, 300, std::size_t(1) << 20);
        // A budget of one person or two sends the persons met to the temporary file at once.
        how.persons_in_memory = *rc::gen::element<std::size_t>(1, 2, 5, std::size_t(1) << 20);
        // Not grouped: the persons who come back regrouped by their ranges, or (0, 1) read whole.
        how.returns_in_memory = *rc::gen::element<std::size_t>(0, 1, 3, std::size_t(1) << 16);
        answer got = swept(text, f, as_of, how);
        RC_ASSERT(got.out == want.out);
        RC_ASSERT(got.errors == want.errors);
        if (*rc::gen::inRange(0, 4) == 0) { // a file: mapped, its boundaries read with pread
            answer from_file = swept_file(text, f, as_of, how);
            RC_ASSERT(from_file.out == want.out);
            RC_ASSERT(from_file.errors == want.errors);
        }
        if (grouped) { // streaming only gives the same answer on a grouped input
            how.grouped = true;
            answer streamed = swept(text, f, as_of, how);
            RC_ASSERT(streamed.out == want.out);
            RC_ASSERT(streamed.errors == want.errors);
        }
    });
}

TEST_CASE("summary: a person id's control characters shown as \\xNN, then quoted for CSV") {
    // Ids read from JSON escapes: one plain, one with a control character, one with a control
    // character and a comma (printable() first, then RFC 4180 quoting).
    std::string text;
    for (const char* id : {"plain", "a\\u0001b", "x,\\ty"})
        text += std::string("{\"person\":\"") + id +
                "\",\"at\":\"2024-01-10\",\"event\":\"information_sent\",\"role\":\"cnam\"}\n";
    answer got = swept(text, report_format::summary, parse_date("2024-06-01"), sweep_options());
    CHECK(got.errors.empty());
    CHECK(got.out == all_open({"plain", "a\\x01b", "\"x,\\x09y\""}));
}

TEST_CASE("--grouped: a person who comes back is one error naming both lines, then skipped") {
    std::string text = "{\"person\":\"a\",\"at\":\"2024-01-10\",\"event\":\"information_sent\","
                       "\"role\":\"cnam\"}\n"
                       "{\"person\":\"b\",\"at\":\"2024-01-10\",\"event\":\"information_sent\","
                       "\"role\":\"cnam\"}\n"
                       "{\"person\":\"a\",\"at\":\"2024-02-10\",\"event\":\"activation\","
                       "\"role\":\"holder\"}\n"
                       "# still a's lines\n"
                       "{\"person\":\"c\",\"at\":\"2024-01-10\",\"event\":\"information_sent\","
                       "\"role\":\"cnam\"}\n";
    year_month_day as_of = parse_date("2024-06-01");
    for (unsigned threads : {1u, 2u})
        for (std::size_t chunk : {std::size_t(1), std::size_t(1) << 20}) {
            sweep_options how;
            how.grouped = true;
            how.threads = threads;
            how.chunk_bytes = chunk;
            answer got = swept(text, report_format::summary, as_of, how);
            CHECK(got.out == all_open({"a", "b", "c"}));
            REQUIRE(got.errors.size() == 1);
            CHECK(got.errors[0] ==
                  "h:3:12: error [echeance.history.regrouped]: person \"a\" comes back after "
                  "other persons (first seen on line 1); with --grouped each person's lines must "
                  "be consecutive: lines 3 to 4 skipped");
            // Without --grouped the same file is read whole: a's activation counts.
            how.grouped = false;
            answer whole = swept(text, report_format::summary, as_of, how);
            CHECK(whole.errors.empty());
            CHECK(whole.out.find("a,active,2024-02-10") != std::string::npos);
        }
}

TEST_CASE("--grouped: a person who comes back beyond the persons held in memory is found at the "
          "end") {
    auto line = [](const char* p) {
        return std::string("{\"person\":\"") + p +
               "\",\"at\":\"2024-01-10\",\"event\":\"information_sent\",\"role\":\"cnam\"}\n";
    };
    std::string text = line("a") + line("b") + line("c") + line("a") + line("d");
    year_month_day as_of = parse_date("2024-06-01");
    for (unsigned threads : {1u, 2u}) {
        sweep_options how;
        how.grouped = true;
        how.threads = threads;
        how.chunk_bytes = 1;
        how.persons_in_memory = 1; // the table holds the last person only
        answer got = swept(text, report_format::summary, as_of, how);
        // a's second line could not be skipped: it was reported as another person, then the
        // error says so, and the exit status is 1.
        CHECK(got.out == all_open({"a", "b", "c", "a", "d"}));
        REQUIRE(got.errors.size() == 1);
        CHECK(got.errors[0] ==
              "h:4: error [echeance.history.regrouped]: the person first seen on line 1 comes "
              "back after other persons; with --grouped each person's lines must be "
              "consecutive: found at the end of the input (too many persons in between to be "
              "held in memory), their lines from line 4 were reported as another person");
        // Held in memory, the same person is caught at once and skipped.
        how.persons_in_memory = 3;
        answer online = swept(text, report_format::summary, as_of, how);
        REQUIRE(online.errors.size() == 1);
        CHECK(online.errors[0].find("lines must be consecutive: line 4 skipped") !=
              std::string::npos);
        // Without --grouped, with any budget, the file is read whole.
        how.grouped = false;
        for (std::size_t budget : {std::size_t(1), std::size_t(2), std::size_t(100)}) {
            how.persons_in_memory = budget;
            answer whole = swept(text, report_format::summary, as_of, how);
            CHECK(whole.errors.empty());
            CHECK(whole.out == all_open({"a", "b", "c", "d"}));
        }
    }
}

TEST_CASE("more than a hundred persons found at the end: the first hundred, then their count") {
    std::string text;
    for (int round = 0; round < 2; ++round)
        for (int i = 0; i < 130; ++i)
            text += "{\"person\":\"p" + std::to_string(i) +
                    "\",\"at\":\"2024-01-10\",\"event\":\"information_sent\",\"role\":"
                    "\"cnam\"}\n";
    sweep_options how;
    how.grouped = true;
    how.threads = 1;
    how.persons_in_memory = 10;
    answer got = swept(text, report_format::summary, parse_date("2024-06-01"), how);
    REQUIRE(got.errors.size() == 101);
    CHECK(got.errors[0].rfind("h:131: error [echeance.history.regrouped]: the person first seen "
                              "on line 1 comes back",
                              0) == 0);
    CHECK(got.errors[99].rfind("h:230: ", 0) == 0);
    CHECK(got.errors[100] == "h: error [echeance.history.regrouped]: 30 more persons come back "
                             "after other persons (the first 100 are listed)");
}

TEST_CASE("a line that cannot be read does not end the lines of the person around it") {
    // The first boundary scan trusts the lines: line 3 seems to end a's lines and a to come back
    // on line 4; the second scan reads line 3 whole, finds no person in it, and the file is
    // streamed, not read whole.
    auto info = [](const char* p) {
        return std::string("{\"person\":\"") + p +
               "\",\"at\":\"2024-01-10\",\"event\":\"information_sent\",\"role\":\"cnam\"}\n";
    };
    std::string bad = "{\"person\":\"b\",\"at\":\n";
    std::string activation =
        "{\"person\":\"a\",\"at\":\"2024-02-10\",\"event\":\"activation\",\"role\":\"holder\"}\n";
    struct input {
        std::string text;
        bool regrouped;
    };
    for (const auto& in : {input{info("a") + bad + activation + info("c"), false},
                           input{info("a") + info("b") + activation + info("c"), true}})
        for (unsigned threads : {1u, 2u}) {
            sweep_options how;
            how.threads = threads;
            how.chunk_bytes = 1;
            replay_report report(fx().rules, fx().cal, report_format::summary, false);
            replay_options options(parse_date("2024-06-01"));
            auto reporter = replay_reporter(fx().rules, fx().cal, options, report);
            std::string out;
            std::vector<std::string> errors;
            sweep_stats stats = sweep_text(
                in.text, "h", fx().rules, fx().cal, *reporter, how,
                [&](std::string_view s) { out += s; },
                [&](const error& e) { errors.push_back(format(e)); });
            CHECK(stats.regrouped == in.regrouped);
            CHECK(out.find("a,active,2024-02-10") != std::string::npos);
            CHECK(out.find("c,open,2024-02-22") != std::string::npos);
            if (in.regrouped) {
                CHECK(errors.empty());
            } else {
                REQUIRE(errors.size() == 1);
                CHECK(errors[0].rfind("h:2:", 0) == 0);
            }
        }
}

TEST_CASE("not grouped: a person who comes back is read where the whole-file reader first takes "
          "one of their lines, in bounded memory") {
    auto info = [](const char* p, const char* at = "2024-01-10") {
        return std::string("{\"person\":\"") + p + "\",\"at\":\"" + at +
               "\",\"event\":\"information_sent\",\"role\":\"cnam\"}\n";
    };
    auto activation = [](const char* p) {
        return std::string("{\"person\":\"") + p +
               "\",\"at\":\"2024-02-10\",\"event\":\"activation\",\"role\":\"holder\"}\n";
    };
    // a: lines 1 and 4; b: a bad day on line 2 (read, but not taken), taken on line 5, so that
    // the reader takes c (line 3) before b; d: only a bad day, on lines 6 and 8 (never taken);
    // e: a NIR, written two ways, on lines 7 and 9.
    std::string text = info("a") + info("b", "2024-02-30") + info("c") + activation("a") +
                       info("b") + info("d", "2024-13-01") + info("2840375123456") +
                       info("d", "2024-00-01") + activation("2 84 03 75 123 456");
    answer want = reference(text, report_format::summary, parse_date("2024-06-01"));
    REQUIRE(want.errors.size() == 3);
    CHECK(want.out == "person,state,since,next_day,next_kind,next_rule,overdue\n"
                      "a,active,2024-02-10,,,,0\n"
                      "c,open,2024-02-22,,,,0\n"
                      "b,open,2024-02-22,,,,0\n"
                      "NIR-masked-1,active,2024-02-10,,,,0\n");
    for (unsigned threads : {1u, 2u})
        for (std::size_t chunk : {std::size_t(1), std::size_t(100), std::size_t(1) << 20})
            for (std::size_t returns : {std::size_t(0), std::size_t(1) << 16}) {
                sweep_options how;
                how.threads = threads;
                how.chunk_bytes = chunk;
                how.returns_in_memory = returns; // 0: read whole
                for (const answer& got :
                     {swept(text, report_format::summary, parse_date("2024-06-01"), how),
                      swept_file(text, report_format::summary, parse_date("2024-06-01"), how)}) {
                    CHECK(got.out == want.out);
                    CHECK(got.errors == want.errors);
                }
            }
}

TEST_CASE(
    "a line that begins as the last person's line did is theirs only if the name ends there") {
    // The splitter takes a line that begins as the last line that named a person, up to the end
    // of the name, as that person's without reading it: p12's lines begin as p1's do, but for the
    // quote (or comma) after the name.
    auto json = [](const char* p, const char* event = "information_sent",
                   const char* at = "2024-01-10") {
        return std::string("{\"person\":\"") + p + "\",\"at\":\"" + at + "\",\"event\":\"" + event +
               "\",\"role\":\"" + (std::string(event) == "activation" ? "holder" : "cnam") +
               "\"}\n";
    };
    auto csv = [](const char* p, const char* event = "information_sent",
                  const char* at = "2024-01-10") {
        return std::string(p) + "," + at + "," + event + "," +
               (std::string(event) == "activation" ? "holder" : "cnam") + "\n";
    };
    const std::string header = "person,at,event,role\n";
    year_month_day as_of = parse_date("2024-06-01");
    for (bool is_csv : {false, true}) {
        auto line = [&](const char* p, const char* event = "information_sent") {
            const char* at = std::string(event) == "activation" ? "2024-02-10" : "2024-01-10";
            return is_csv ? csv(p, event, at) : json(p, event, at);
        };
        std::string head = is_csv ? header : "";
        // p12 comes back after p3: read whole, p12 is one person with both lines.
        std::string back = head + line("p1") + line("p12") + line("p3") + line("p12", "activation");
        // p1 comes back after p12 for two lines: with --grouped, one error naming them all.
        std::string grouped =
            head + line("p1") + line("p12") + line("p1", "activation") + line("p1", "activation");
        for (unsigned threads : {1u, 2u})
            for (std::size_t chunk : {std::size_t(1), std::size_t(1) << 20}) {
                sweep_options how;
                how.threads = threads;
                how.chunk_bytes = chunk;
                answer want = reference(back, report_format::summary, as_of);
                CHECK(want.out == "person,state,since,next_day,next_kind,next_rule,overdue\n"
                                  "p1,open,2024-02-22,,,,0\n"
                                  "p12,active,2024-02-10,,,,0\n"
                                  "p3,open,2024-02-22,,,,0\n");
                for (const answer& got : {swept(back, report_format::summary, as_of, how),
                                          swept_file(back, report_format::summary, as_of, how)}) {
                    CHECK(got.out == want.out);
                    CHECK(got.errors.empty());
                }
                how.grouped = true;
                answer got = swept(grouped, report_format::summary, as_of, how);
                CHECK(got.out == all_open({"p1", "p12"}));
                REQUIRE(got.errors.size() == 1);
                std::size_t first = is_csv ? 2 : 1;
                CHECK(got.errors[0].find(fmt::format("comes back after other persons (first "
                                                     "seen on line {}); with --grouped each "
                                                     "person's lines must be consecutive: lines "
                                                     "{} to {} skipped",
                                                     first, first + 2, first + 3)) !=
                      std::string::npos);
            }
    }
}
