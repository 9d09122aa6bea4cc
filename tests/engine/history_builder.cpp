// The history builder (names and facts in, ids out): a history built from the same facts as a
// JSON Lines file replays to the same JSON, on every example history of the rule sets.
#include "example_files.hpp"
#include "fixtures.hpp"

#include <catch2/catch.hpp>
#include <echeance/engine.hpp>
#include <echeance/history_builder.hpp>
#include <echeance/io/history.hpp>
#include <echeance/io/report.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

using namespace echeance;
using echeance::testing::cal;
using echeance::testing::example_histories;
using echeance::testing::gdpr;
using echeance::testing::mes;

namespace {

std::string read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

channel channel_of(const std::string& s) {
    for (channel c : {channel::web, channel::phone, channel::post, channel::office, channel::email,
                      channel::other})
        if (to_string(c) == s) return c;
    return channel::none;
}

std::int32_t seconds_of(const std::string& hhmm) {
    return std::stoi(hhmm.substr(0, 2)) * 3600 + std::stoi(hhmm.substr(3, 2)) * 60 +
           (hhmm.size() == 8 ? std::stoi(hhmm.substr(6, 2)) : 0);
}

// The persons of a JSON Lines text, built line by line with the builder from the same fields.
// With `keep_lines`, each event gets its line in the file as its source position (the file
// interleaves persons and has comments); without, the builder numbers the events itself.
// An RFC 3339 "at" is converted to a local day and time by the reader, not the builder (which
// takes local days): those come from the parsed event.
std::map<std::string, history> build(const ruleset& rules, const std::string& text,
                                     const history_file& parsed, bool keep_lines) {
    std::map<std::string, history_builder> builders;
    std::istringstream in(text);
    std::string line;
    std::uint32_t no = 0;
    while (std::getline(in, line)) {
        ++no;
        if (line.empty() || line[0] == '#') continue;
        auto j = nlohmann::json::parse(line);
        // One NIR written in several ways is one person: the builder's key, as the reader's.
        std::string person = history_builder(rules, cal(), j.at("person")).current().person;
        auto it = builders.find(person);
        if (it == builders.end())
            it = builders.emplace(person, history_builder(rules, cal(), person)).first;
        history_builder& b = it->second;
        if (j.contains("born")) b.born(parse_date(j["born"].get<std::string>()));
        if (j.contains("department")) b.department(j["department"].get<std::string>());
        event_facts f;
        std::string territory = j.value("territory", "");
        f.territory = territory;
        if (j.contains("seq")) f.seq = j["seq"].get<std::int64_t>();
        if (j.contains("time")) f.time = seconds_of(j["time"]);
        if (j.contains("channel")) f.via = channel_of(j["channel"]);
        if (keep_lines) f.line = no;
        std::string at = j.at("at");
        year_month_day day;
        if (at.size() == 10) {
            day = parse_date(at);
        } else {
            for (const auto& h : parsed.persons)
                for (const auto& e : h.events)
                    if (e.line == no) {
                        day = e.day;
                        f.time = e.time;
                    }
        }
        b.add(j.at("event").get<std::string>(), j.at("role").get<std::string>(), day, f);
    }
    std::map<std::string, history> out;
    for (auto& [person, b] : builders) out.emplace(person, b.finish());
    return out;
}

// Each person's replay, as JSON, of the parsed and of the built histories.
void same_replays(const ruleset& rules, const std::string& text, year_month_day as_of,
                  bool keep_lines) {
    history_file parsed = parse_history(text, rules, cal(), "h.jsonl");
    REQUIRE(parsed.errors.empty());
    auto built = build(rules, text, parsed, keep_lines);
    REQUIRE(built.size() == parsed.persons.size());
    replay_options o(as_of);
    o.explain = true;
    for (std::size_t i = 0; i < parsed.persons.size(); ++i) {
        const history& p = parsed.persons[i];
        INFO(parsed.shown_ids[i]);
        const history& b = built.at(p.person);
        // The same model, field by field (some differences, e.g. a territory, show in the JSON
        // only when a deadline falls on a local holiday).
        CHECK(b.born == p.born);
        CHECK(b.department == p.department);
        CHECK(b.texts == p.texts);
        REQUIRE(b.events.size() == p.events.size());
        for (std::size_t k = 0; k < p.events.size(); ++k) {
            const history_event& x = p.events[k];
            const history_event& y = b.events[k];
            INFO("line " << x.line);
            CHECK((y.event == x.event && y.role == x.role && y.day == x.day));
            CHECK((y.time == x.time && y.seq == x.seq && y.via == x.via && y.line == x.line));
            CHECK(
                (y.where == x.where && y.event_text == x.event_text && y.role_text == x.role_text));
        }
        std::string a =
            to_json_line(rules, cal(), p, parsed.shown_ids[i], replay(rules, cal(), p, o), true);
        std::string c =
            to_json_line(rules, cal(), b, parsed.shown_ids[i], replay(rules, cal(), b, o), true);
        CHECK(a == c);
    }
}

} // namespace

TEST_CASE("history builder: every example replays as its JSON Lines file does") {
    int examples = 0;
    bool nir_masked = false;
    for (const ruleset* rules : {&mes(), &gdpr()}) {
        auto id = std::filesystem::path(rules->file).parent_path().filename().string();
        for (const auto& path : example_histories(id)) {
            std::string name = path.filename().string();
            auto args = path;
            args.replace_extension(".args");
            std::string a = read(args);
            REQUIRE(a.rfind("--as-of ", 0) == 0);
            INFO(name);
            same_replays(*rules, read(path), parse_date(a.substr(8, 10)), true);
            nir_masked = nir_masked || name == "nir-masked.jsonl";
            ++examples;
        }
    }
    CHECK(examples >= 20);
    CHECK(nir_masked);
}

TEST_CASE("history builder: events numbered by the builder replay as lines 1, 2, 3 do") {
    // Unknown names, same-day order (by time, by seq, and from input), facts of the person, a
    // territory given once and kept, all as a parsed file without comments.
    std::string text =
        R"({"person":"a","at":"2022-04-14","event":"information_sent","role":"cnam","born":"2010-03-02","department":"57"})"
        "\n"
        R"({"person":"a","at":"2022-04-19","event":"information_received","role":"representative","time":"10:05"})"
        "\n"
        R"({"person":"a","at":"2022-04-19","event":"opposition","role":"representative","time":"10:04"})"
        "\n"
        R"({"person":"a","at":"2022-04-20","event":"oppositoin","role":"holder","territory":"FR-971"})"
        "\n"
        R"({"person":"a","at":"2022-04-20","event":"opposition","role":"nobody","channel":"post"})"
        "\n"
        R"({"person":"a","at":"2022-04-21","event":"opposition","role":"holder","seq":2})"
        "\n"
        R"({"person":"a","at":"2022-04-21","event":"opposition","role":"holder","seq":1})"
        "\n";
    same_replays(mes(), text, parse_date("2022-07-01"), false);
}

TEST_CASE("history builder: a rejection of an unknown name quotes it, a NIR masked") {
    history_builder b(mes(), cal(), "p");
    b.add("informaton_sent", "cnam", parse_date("2022-04-14"));
    b.add("information_sent", "2 84 12 75 123 456 78", parse_date("2022-04-15"));
    history h = b.finish();
    REQUIRE(h.events.size() == 2);
    CHECK(h.events[0].line == 1);
    CHECK(h.events[1].line == 2);
    auto r = replay(mes(), cal(), h, parse_date("2022-05-01"));
    REQUIRE(r.rejected.size() == 2);
    CHECK(r.rejected[0].id == "echeance.replay.unknown_event");
    CHECK(reason(mes(), h, r.rejected[0]).find("\"informaton_sent\"") != std::string::npos);
    CHECK(r.rejected[1].id == "echeance.replay.unknown_role");
    std::string why = reason(mes(), h, r.rejected[1]);
    CHECK(why.find("NIR-masked") != std::string::npos);
    CHECK(why.find("123 456") == std::string::npos);
}

TEST_CASE("history builder: bad facts are errors with the readers' ids") {
    auto id_of = [](auto&& f) {
        try {
            f();
        } catch (const error& e) {
            return e.id();
        }
        return std::string("none");
    };
    history_builder b(mes(), cal(), "p");
    b.born(parse_date("2010-03-02")).department("2A");
    CHECK(id_of([&] { b.department("20"); }) == "echeance.history.department");
    CHECK(id_of([&] { b.department("57"); }) == "echeance.history.conflicting_fact");
    CHECK(id_of([&] { b.born(parse_date("2010-03-03")); }) == "echeance.history.conflicting_fact");
    CHECK(id_of([&] { b.born(parse_date("2010-03-02")); }) == "none"); // the same fact again
    event_facts f;
    f.territory = "FR-99";
    CHECK(id_of([&] { b.add("death", "cnam", parse_date("2022-01-01"), f); }) ==
          "echeance.history.territory");
    f = {};
    f.time = 86400;
    CHECK(id_of([&] { b.add("death", "cnam", parse_date("2022-01-01"), f); }) ==
          "echeance.history.time");
    f = {};
    f.line = 10;
    b.add("death", "cnam", parse_date("2022-01-01"), f);
    CHECK(id_of([&] { b.add("death", "cnam", parse_date("2022-01-02"), f); }) ==
          "echeance.history.line");
    b.add("death", "cnam", parse_date("2022-01-02"));
    CHECK(b.current().events.back().line == 11);
    CHECK(b.current().events.front().where == *cal().try_find("FR")); // 2A: the default
}

TEST_CASE("docs/replay.md and README: the history builder examples say what they print") {
    const ruleset& rules = mes();
    {
        echeance::history_builder b(rules, cal(), "person-id");
        b.born(date::year(2010) / 3 / 2).department("57");
        b.add("information_sent", "cnam", date::year(2022) / 4 / 14);
        b.add("opposition", "representative", date::year(2022) / 4 / 20,
              {/*time*/ 10 * 3600, /*seq*/ -1, /*territory*/ "", echeance::channel::post});
        echeance::history h = b.finish();
        echeance::replay_options options(date::year(2022) / 7 / 1);
        options.explain = true;
        echeance::replay_result r = echeance::replay(rules, cal(), h, options);
        CHECK(r.rejected.empty());
        CHECK(rules.name(r.state) == "opposed");
        CHECK(h.events[1].where == *cal().try_find("FR-57"));
    }
    {
        echeance::history_builder b(rules, cal(), "person-id");
        b.add("information_sent", "cnam", date::year(2022) / 4 / 14);
        auto r = echeance::replay(rules, cal(), b.finish(),
                                  echeance::replay_options(date::year(2022) / 7 / 1));
        CHECK(rules.name(r.state) == "open");
        CHECK(&rules.states[r.state] == &rules.states[rules.find_state("open")]);
    }
}
