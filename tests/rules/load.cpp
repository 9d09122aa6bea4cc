// The rule-file loader: positions, compiled indexes, all errors in file order, one test per id
// (the corpus tests/rules/invalid covers the ids a file can show; the rest are here).
#include "echeance/check.hpp"
#include "echeance/io/rules.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <regex>
#include <set>

using namespace echeance;
using echeance::test::read_text;
using echeance::test::source_path;

namespace {

const char* minimal = R"({
  "ruleset": "tiny", "cite": "CSP L.1111-13-1",
  "versions": [ { "id": "v1", "from": "2022-01-01", "cite": "Décret 2021-1048" } ],
  "roles": { "holder": { "cite": "CSP L.1111-13-1" } },
  "states": { "none": { "kind": "initial", "cite": "CSP L.1111-13-1" },
              "closed": { "kind": "final", "cite": "CSP R.1111-36" } },
  "events": { "close": { "roles": ["holder"], "from": ["none"], "to": "closed", "cite": "CSP R.1111-36" } }
})";

std::string first_line(const load_result& r) {
    return r.errors.empty() ? std::string() : format(r.errors.front());
}

} // namespace

TEST_CASE("CSP R.1111-28: the small example loads with every reference resolved to an index") {
    load_result r = load_ruleset_file(source_path("tests/rules/valid/small.json"));
    REQUIRE(r.ok());
    const ruleset& rs = *r.rules;
    CHECK(rs.id == "ens-small");
    CHECK(rs.why.cite == "CSP L.1111-13-1");
    CHECK(rs.initial_state == rs.find_state("none"));
    const event_info& sent = rs.events[rs.find_event("information_sent")];
    REQUIRE(sent.transitions.size() == 1);
    CHECK(sent.transitions[0].to == rs.find_state("notified"));
    REQUIRE(sent.effects.size() == 2);
    CHECK(sent.effects[0].what == effect::kind::open_window);
    CHECK(sent.effects[0].target == rs.find_window("opposition_window"));
    const window_info& w = rs.windows[rs.find_window("opposition_window")];
    REQUIRE(w.readings.size() == 2);
    CHECK(w.readings[0].id == "six-weeks-from-sending");
    CHECK(w.readings[0].is_default);
    CHECK(w.readings[0].anchor == no_index);
    CHECK(w.readings[1].anchor == rs.find_event("information_received"));
    CHECK(w.readings[0].by_version.at(version_id(0)).length == period::parse("P6W"));
    const obligation_info& o = rs.obligations[obligation_id(0)];
    REQUIRE(o.readings.size() == 1);
    CHECK(o.readings[0].id.empty());
    CHECK(o.readings[0].by_version[version_id(0)].rule == convention::plain);
    CHECK(rs.timers[timer_id(0)].at_end_of == rs.find_window("opposition_window"));
    CHECK(rs.retentions[retention_id(0)].purge_event == rs.find_event("purge"));
    CHECK(rs.events[rs.find_event("closure")].why.at.line == 50);
    CHECK(check(rs).empty());
}

TEST_CASE("the error of the issue, word for word") {
    std::string text = read_text(source_path("tests/rules/valid/small.json"));
    auto at = text.find("\"to\": \"closed\"");
    text.replace(at, 14, "\"to\": \"closd\"");
    load_result r = load_ruleset_text(text, "rules/x.json");
    REQUIRE(r.errors.size() == 1);
    CHECK(first_line(r) ==
          "rules/x.json:51:52: error [echeance.rule.unknown_state]: event \"closure\" "
          "goes to unknown state \"closd\" (did you mean \"closed\"?)");
}

TEST_CASE("columns count characters, not bytes, and point inside a period") {
    std::string text = minimal;
    text.replace(text.find("\"from\": \"2022-01-01\""), 20, "\"from\": \"2022-13-01\"");
    load_result r = load_ruleset_text(text, "x.json");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].id() == "echeance.rule.bad_date");
    CHECK(r.errors[0].where().line == 3);
    // "from" value starts at column 39; the month is its 6th character.
    CHECK(r.errors[0].where().column == 39 + 6);

    load_result u = load_ruleset_text("{\n  \"title\": \"Décret é\", \"x\": 1 }", "u.json");
    REQUIRE(!u.errors.empty());
    bool found = false;
    for (const auto& e : u.errors)
        if (e.id() == "echeance.rule.unknown_key") {
            found = true;
            CHECK(e.where().column == 24); // two accented letters count one column each
        }
    CHECK(found);
}

TEST_CASE("all errors of a file are collected, in file order") {
    std::string text = minimal;
    text.replace(text.find("\"to\": \"closed\""), 14, "\"to\": \"gone\"");
    text.replace(text.find("\"kind\": \"final\""), 15, "\"kind\": \"over\"");
    text.replace(text.find("\"from\": \"2022-01-01\""), 20, "\"from\": \"2022\"");
    load_result r = load_ruleset_text(text, "x.json");
    REQUIRE(r.errors.size() == 3);
    CHECK(r.errors[0].id() == "echeance.rule.bad_date");
    CHECK(r.errors[1].id() == "echeance.rule.unknown_kind");
    CHECK(r.errors[2].id() == "echeance.rule.unknown_state");
    CHECK(!r.rules);
    // load_ruleset throws the first, with all of them in its message.
    std::string path =
        std::string(ECHEANCE_SOURCE_DIR) + "/tests/rules/invalid/unknown_key_period.json";
    try {
        (void)load_ruleset(path);
        FAIL("expected an error");
    } catch (const error& e) {
        CHECK(e.id() == "echeance.rule.missing_key");
        CHECK(std::string(e.what()).find("[echeance.rule.unknown_key]") != std::string::npos);
    }
}

TEST_CASE("echeance.rule.io: a file that cannot be read") {
    load_result r = load_ruleset_file(source_path("tests/rules/no-such-folder"));
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].id() == "echeance.rule.io");
    CHECK(r.errors[0].where().file == source_path("tests/rules/no-such-folder"));
    // A folder means its ruleset.json.
    load_result d = load_ruleset_file(source_path("tests/rules/valid"));
    REQUIRE(d.errors.size() == 1);
    CHECK(d.errors[0].where().file == source_path("tests/rules/valid") + "/ruleset.json");
}

TEST_CASE("echeance.rule.too_many: more states than an index can hold") {
    std::string text =
        R"({"ruleset": "big", "cite": "x", "versions": [{"id": "v", "from": "2022-01-01", "cite": "x"}],
                          "roles": {}, "events": {}, "states": {)";
    for (int i = 0; i < 65536; ++i) {
        if (i) text += ',';
        text += "\"s" + std::to_string(i) + "\": {\"kind\": \"" + (i ? "live" : "initial") +
                "\", \"cite\": \"x\"}";
    }
    text += "}}";
    load_result r = load_ruleset_text(text, "big.json");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].id() == "echeance.rule.too_many");
}

TEST_CASE("syntax: nesting depth is bounded, and invalid UTF-8 is refused") {
    std::string deep(200, '[');
    load_result r = load_ruleset_text(deep, "deep.json");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].id() == "echeance.rule.syntax");
    load_result u = load_ruleset_text("{\"title\": \"\xC3\x28\"}", "u.json");
    REQUIRE(u.errors.size() == 1);
    CHECK(u.errors[0].id() == "echeance.rule.syntax");
    CHECK(u.errors[0].where().column == 12);
    load_result e = load_ruleset_text("", "empty.json");
    REQUIRE(e.errors.size() == 1);
    CHECK(e.errors[0].message() == "invalid JSON: unexpected end of file (expected a value)");
}

TEST_CASE("issue 5 extensions: from_date, discharge, effects of one transition") {
    std::string text = minimal;
    text.replace(
        text.find("\"events\": {"), 11,
        R"J("obligations": { "answer": { "role": "holder", "event": "close", "period": "P1M",
        "from_date": "2022-01-01", "cite": "RGPD 12(3)" } },
      "events": { "extend": { "roles": ["holder"], "transitions": [ { "from": ["none"], "to": "none",
          "effects": [ { "discharge": "answer" } ] } ], "effects": [ { "oblige": "answer" } ], "cite": "RGPD 12(3)" },)J");
    load_result r = load_ruleset_text(text, "x.json");
    INFO(first_line(r));
    REQUIRE(r.ok());
    const ruleset& rs = *r.rules;
    CHECK(rs.obligations[obligation_id(0)].readings[0].anchor_day ==
          year_month_day{date::year(2022), date::January, date::day(1)});
    const event_info& ext = rs.events[rs.find_event("extend")];
    REQUIRE(ext.transitions[0].effects.size() == 1);
    CHECK(ext.transitions[0].effects[0].what == effect::kind::discharge);
    CHECK(ext.transitions[0].why.cite == "RGPD 12(3)");
    load_result again = load_ruleset_text(serialize(rs), "again.json");
    REQUIRE(again.ok());
    CHECK(test::same_model(rs, *again.rules));
}

TEST_CASE("the small example round-trips through serialize") {
    load_result r = load_ruleset_file(source_path("tests/rules/valid/small.json"));
    REQUIRE(r.ok());
    std::string text = serialize(*r.rules);
    load_result again = load_ruleset_text(text, "again.json");
    INFO(first_line(again));
    REQUIRE(again.ok());
    CHECK(test::same_model(*r.rules, *again.rules));
    CHECK(serialize(*again.rules) == text);
}

// Every id documented in docs/errors.md (section "Rule files") has a test: a corpus file whose
// golden output shows it, or a TEST_CASE above naming it.
TEST_CASE("every documented echeance.rule and echeance.check id has a test") {
    std::string doc = read_text(source_path("docs/errors.md"));
    auto start = doc.find("## Rule files");
    REQUIRE(start != std::string::npos);
    auto end = doc.find("\n## ", start + 1);
    doc = doc.substr(start, end == std::string::npos ? std::string::npos : end - start);
    std::set<std::string> ids;
    std::regex id_re(R"(`(echeance\.(rule|check)\.[a-z_]+)`)");
    for (auto it = std::sregex_iterator(doc.begin(), doc.end(), id_re);
         it != std::sregex_iterator(); ++it)
        ids.insert((*it)[1]);
    REQUIRE(ids.size() >= 40);
    std::string goldens;
    for (const char* dir : {"tests/rules/invalid", "tests/rules/flawed"})
        for (const auto& f : test::files_in(dir, ".expected")) goldens += read_text(f);
    std::string here = read_text(source_path("tests/rules/load.cpp"));
    for (const auto& id : ids) {
        INFO(id);
        bool tested = goldens.find("[" + id + "]") != std::string::npos ||
                      here.find("TEST_CASE(\"" + id) != std::string::npos;
        CHECK(tested);
    }
    // And the other way round: no id shows in a golden file without being documented.
    std::regex shown(R"(\[(echeance\.(rule|check)\.[a-z_]+)\])");
    for (auto it = std::sregex_iterator(goldens.begin(), goldens.end(), shown);
         it != std::sregex_iterator(); ++it) {
        INFO((*it)[1]);
        CHECK(ids.count((*it)[1]) == 1);
    }
}

// The documentation's example cannot rot: it is the valid fixture, word for word, and loads clean.
TEST_CASE(
    "rules/README.md: the complete example is tests/rules/valid/small.json and checks clean") {
    std::string readme = read_text(source_path("rules/README.md"));
    auto head = readme.find("## A complete example");
    REQUIRE(head != std::string::npos);
    auto open = readme.find("```jsonc\n", head);
    REQUIRE(open != std::string::npos);
    open += 9;
    auto close = readme.find("```", open);
    std::string example = readme.substr(open, close - open);
    CHECK(example == read_text(source_path("tests/rules/valid/small.json")));
    load_result r = load_ruleset_text(example, "README.md");
    REQUIRE(r.ok());
    CHECK(check(*r.rules).empty());
}
