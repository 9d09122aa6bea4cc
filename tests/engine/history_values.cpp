// History values read with range checks (issue 9, hardening): duplicate keys, seq beyond 2^63,
// numbers beyond double; and the explanation of a transition back to the previous state.
#include "fixtures.hpp"

#include <catch2/catch.hpp>
#include <echeance/engine.hpp>
#include <echeance/io/history.hpp>
#include <echeance/io/report.hpp>
#include <set>
#include <string>

using namespace echeance;
using echeance::testing::cal;
using echeance::testing::mes;

namespace {

const std::string head =
    R"({"person":"p","at":"2022-04-14","event":"information_sent","role":"cnam")";

history_file jsonl(const std::string& text) {
    return parse_history(text, mes(), cal(), "h.jsonl", history_parser::format::jsonl);
}
history_file csv(const std::string& text) {
    return parse_history(text, mes(), cal(), "h.csv", history_parser::format::csv);
}

} // namespace

TEST_CASE("history: a key given twice is an error at the second, naming both columns") {
    history_file f = jsonl(head + R"(,"role":"holder"})" + "\n");
    REQUIRE(f.errors.size() == 1);
    CHECK(f.errors[0].id() == "echeance.history.duplicate_key");
    CHECK(f.errors[0].where().to_string() == "h.jsonl:1:74");
    CHECK(f.errors[0].message() ==
          "duplicate key \"role\" (first at column 60, again at column 74; a key is given once "
          "per line)");
    CHECK(f.persons.empty()); // the line is rejected, not read with the last value
}

TEST_CASE("history: seq is range-checked in both formats (2^63 - 1 is the largest)") {
    history_file ok = jsonl(head + R"(,"seq":9223372036854775807})" + "\n");
    REQUIRE(ok.errors.empty());
    CHECK(ok.persons.at(0).events.at(0).seq == 9223372036854775807);
    for (const char* s :
         {"9223372036854775808", "9999999999999999999", "1234567890123456789012345"}) {
        INFO(s);
        history_file j = jsonl(head + ",\"seq\":" + s + "}\n");
        REQUIRE(j.errors.size() == 1);
        CHECK(j.errors[0].id() == "echeance.history.seq");
        CHECK(j.errors[0].where().column == 80);
        CHECK(j.errors[0].message() ==
              "\"seq\" is out of range (a non-negative integer below 2^63)");
        history_file c =
            csv(std::string("person,at,event,role,seq\np,2022-04-14,information_sent,cnam,") + s +
                "\n");
        REQUIRE(c.errors.size() == 1);
        CHECK(c.errors[0].id() == "echeance.history.seq");
        CHECK(c.errors[0].where().to_string() == "h.csv:2:36");
    }
    history_file c =
        csv("person,at,event,role,seq\np,2022-04-14,information_sent,cnam,1000000000000000000\n");
    REQUIRE(c.errors.empty());
    CHECK(c.persons.at(0).events.at(0).seq == 1000000000000000000);
    for (const char* s : {"-1", "1.0", "1e3", "\"3\"", "1e999"}) {
        INFO(s);
        history_file j = jsonl(head + ",\"seq\":" + s + "}\n");
        REQUIRE(j.errors.size() == 1);
        CHECK(j.errors[0].message() == "\"seq\" must be a non-negative integer");
    }
}

TEST_CASE("history: a number beyond double is valid JSON, not an escaped exception") {
    history_file f = jsonl(head + R"(,"data":{"x":1e999}})" + "\n" + head + "}\n");
    CHECK(f.errors.empty());
    REQUIRE(f.persons.size() == 1);
    CHECK(f.persons[0].events.size() == 2);
}

TEST_CASE("history: a column is the value's, not the first match of the key in the line") {
    history_file f = jsonl(
        R"({"person":"seq","at":"2022-04-14","event":"information_sent","role":"cnam","seq":-1})"
        "\n");
    REQUIRE(f.errors.size() == 1);
    CHECK(f.errors[0].where().column == 82);
}

// Found by the history fuzzer: the explanation of suspension_lifted (to_previous) read the state
// at index no_index.
TEST_CASE("explain: a transition back to the previous state names the state entered") {
    history_file f = jsonl(
        R"({"person":"s","at":"2022-02-01","event":"information_sent","role":"cnam"}
{"person":"s","at":"2022-03-20","event":"activation","role":"holder"}
{"person":"s","at":"2023-03-01","event":"suspension","role":"cnam","seq":1}
{"person":"s","at":"2023-03-01","event":"suspension_information_sent","role":"cnam","seq":2}
{"person":"s","at":"2023-04-12","event":"suspension_opposition","role":"holder"}
{"person":"s","at":"2023-05-02","event":"suspension_lifted","role":"cnam"}
)");
    REQUIRE(f.errors.empty());
    replay_options opt(parse_date("2024-01-01"));
    opt.explain = true;
    replay_result r = replay(mes(), cal(), f.persons.at(0), opt);
    bool found = false;
    for (const auto& l : explanation_lines(mes(), cal(), r))
        if (l.rule == "suspension_lifted") {
            found = true;
            CHECK(l.text == "line 6: suspension_lifted by cnam: suspended -> active");
        }
    CHECK(found);
}

TEST_CASE("history: an unknown name repeated beyond 65,535 lines keeps its text") {
    // Each distinct unknown name is kept once per person (before, one text per line: the
    // 65,536th unknown line was shown as "?").
    std::string text;
    for (int i = 0; i < 70'000; ++i)
        text += R"({"person":"p","at":"2022-04-14","event":"no_such_event","role":"holder"})"
                "\n";
    text += R"({"person":"p","at":"2022-04-15","event":"other_unknown","role":"nobody"})"
            "\n";
    history_file f = jsonl(text);
    REQUIRE(f.errors.empty());
    REQUIRE(f.persons.size() == 1);
    CHECK(f.persons[0].texts.size() == 3); // no_such_event, other_unknown, nobody
    replay_result r = replay(mes(), cal(), f.persons[0], replay_options(parse_date("2022-06-01")));
    REQUIRE(r.rejected.size() == 70'001);
    std::string json = to_json_line(mes(), cal(), f.persons[0], "p", r, false);
    CHECK(json.find(R"("line":70000,"on":"2022-04-14","event":"no_such_event","role":"holder")") !=
          std::string::npos);
    CHECK(json.find(R"("line":70001,"on":"2022-04-15","event":"other_unknown","role":"nobody")") !=
          std::string::npos);
}

TEST_CASE(
    "history: unknown names of interleaved persons, past the linear search, keep their text") {
    // Two persons in turn, each with more than 16 distinct unknown names, repeated: each person's
    // first names go by a linear search, the rest by a table rebuilt when the other person's line
    // comes in. Lines 1-60 repeat 7 names (found by the linear search), the rest bring more.
    auto name_of = [](std::size_t k) { return "u" + std::to_string(k < 60 ? k % 7 : k * 7 % 23); };
    std::string text;
    for (std::size_t k = 0; k < 120; ++k)
        text += R"({"person":")" + std::string(k % 3 == 0 ? "q" : "p") +
                R"(","at":"2022-04-14","event":")" + name_of(k) + R"(","role":"holder"})" + "\n";
    history_file f = jsonl(text);
    REQUIRE(f.errors.empty());
    REQUIRE(f.persons.size() == 2);
    for (const history& h : f.persons) {
        std::set<std::string> expected;
        for (std::size_t k = 0; k < 120; ++k)
            if ((k % 3 == 0) == (h.person == "q")) expected.insert(name_of(k));
        REQUIRE(expected.size() > 16); // past the linear search
        std::set<std::string> distinct(h.texts.begin(), h.texts.end());
        CHECK(distinct == expected);
        CHECK(distinct.size() == h.texts.size());
        for (const history_event& e : h.events) {
            REQUIRE(e.event_text < h.texts.size());
            CHECK(h.texts[e.event_text] == name_of(e.line - 1));
        }
    }
}

TEST_CASE("history: a parser given a spent file's lists reads as a fresh parser") {
    // Persons of 1 to 70 events, some unknown names: a list of 70 events (room past 64) is not
    // lent, the others are, emptied; the second file must not keep a trace of the first.
    auto lines = [](const std::string& who, std::size_t persons, std::size_t salt) {
        std::string text;
        for (std::size_t p = 0; p < persons; ++p)
            for (std::size_t k = 0; k < (p * 7 + salt) % 9 + 1 + (p == 2 ? 69 : 0); ++k)
                text += R"({"person":")" + who + std::to_string(p) + R"(","at":"2022-04-)" +
                        std::to_string(10 + k % 19) + R"(","event":")" +
                        ((k + p + salt) % 4 == 0 ? "u" + std::to_string(k % 5)
                                                 : std::string("information_sent")) +
                        R"(","role":")" + (k % 6 == 5 ? "nobody" : "cnam") + R"("})" + "\n";
        return text;
    };
    history_file first = jsonl(lines("a", 12, 0));
    REQUIRE(first.persons.size() == 12);
    REQUIRE(first.persons[2].events.size() > 64);
    std::string second_text = lines("b", 20, 3);
    history_file fresh = jsonl(second_text);
    history_parser p(mes(), cal(), "h.jsonl", history_parser::format::jsonl);
    p.recycle(std::move(first));
    std::size_t no = 0, at = 0;
    while (at < second_text.size()) {
        std::size_t nl = second_text.find('\n', at);
        p.add_line(std::string_view(second_text).substr(at, nl - at), ++no);
        at = nl + 1;
    }
    history_file lent = p.finish();
    REQUIRE(lent.persons.size() == fresh.persons.size());
    CHECK(lent.shown_ids == fresh.shown_ids);
    std::size_t unknown = 0;
    for (std::size_t i = 0; i < fresh.persons.size(); ++i) {
        const history& a = lent.persons[i];
        const history& b = fresh.persons[i];
        CHECK(a.person == b.person);
        CHECK(a.texts == b.texts);
        unknown += b.texts.size();
        REQUIRE(a.events.size() == b.events.size());
        for (std::size_t k = 0; k < b.events.size(); ++k) {
            CHECK(a.events[k].event == b.events[k].event);
            CHECK(a.events[k].role == b.events[k].role);
            CHECK(a.events[k].day == b.events[k].day);
            CHECK(a.events[k].line == b.events[k].line);
            CHECK(a.events[k].event_text == b.events[k].event_text);
            CHECK(a.events[k].role_text == b.events[k].role_text);
        }
    }
    CHECK(unknown > 20); // the lent lists of names were used
}
