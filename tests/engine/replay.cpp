// The lifecycle engine: semantics on small rule sets built in C++, and the law on the
// Mon espace santé and GDPR rule sets.
#include "fixtures.hpp"
#include "generate.hpp"

#include <catch2/catch.hpp>
#include <echeance/engine.hpp>
#include <echeance/history.hpp>
#include <echeance/io/history.hpp>
#include <echeance/io/nir.hpp>
#include <echeance/io/report.hpp>
#include <echeance/io/rules.hpp>
#include <string>

using namespace echeance;
using date::days;
using echeance::testing::cal;
using echeance::testing::gdpr;
using echeance::testing::mes;

namespace {

year_month_day d(const char* s) {
    return parse_date(s);
}

history one(const ruleset& rules, const std::string& text) {
    history_file f = parse_history(text, rules, cal(), "test.jsonl");
    REQUIRE(f.errors.empty());
    REQUIRE(f.persons.size() == 1);
    return f.persons[0];
}

std::string line(const char* at, const char* event, const char* role, const char* extra = "") {
    return std::string("{\"person\":\"p\",\"at\":\"") + at + "\",\"event\":\"" + event +
           "\",\"role\":\"" + role + "\"" + extra + "}\n";
}

// A rule set written in C++ (no loader): a -> b by "go" within a two-day window opened by
// "start", and a timer that moves to c after P3D plain.
ruleset tiny() {
    ruleset r;
    r.id = "tiny";
    r.versions.push_back({"v1", d("2020-01-01"), std::nullopt, {"art. 1", "", "", {}}});
    r.roles.push_back({"actor", "", {"art. 1", "", "", {}}});
    r.roles.push_back({"system", "", {"art. 1", "", "", {}}});
    for (const char* s : {"a", "s", "b", "c"}) {
        state_info st;
        st.id = s;
        st.kind = std::string(s) == "a" ? state_kind::initial : state_kind::live;
        r.states.push_back(st);
    }
    r.initial_state = state_id(0);
    interpretation two_days;
    two_days.id = "";
    two_days.is_default = true;
    two_days.by_version.push_back({period::parse("P2D"), convention::plain, month_end::clamp});
    window_info w;
    w.id = "w";
    w.events = {event_id(2)};
    w.roles = {role_id(0)};
    w.readings = {two_days};
    r.windows.push_back(w);
    interpretation three = two_days;
    three.by_version[version_id(0)].length = period::parse("P3D");
    timer_info t;
    t.id = "t";
    t.event = event_id(3);
    t.readings = {three};
    r.timers.push_back(t);
    event_info start;
    start.id = "start";
    start.roles = {role_id(0)};
    start.transitions.push_back({{state_id(0)}, state_id(1), no_index, {}, {}});
    start.effects = {{effect::kind::open_window, window_id(0)},
                     {effect::kind::start_timer, timer_id(0)}};
    event_info go;
    go.id = "go";
    go.roles = {role_id(0)};
    go.transitions.push_back({{state_id(1)}, state_id(2), window_id(0), {}, {}});
    go.effects = {{effect::kind::cancel_timer, timer_id(0)}};
    event_info late;
    late.id = "late";
    late.automatic = true;
    late.roles = {role_id(1)};
    late.transitions.push_back({{state_id(1)}, state_id(3), no_index, {}, {}});
    // indexes: start 0, (unused 1), go 2, late 3
    event_info unused;
    unused.id = "unused";
    unused.roles = {role_id(0)};
    r.events = {start, unused, go, late};
    return r;
}

} // namespace

TEST_CASE("engine: a window is open through its last day; a timer fires at 24:00 on its last day") {
    ruleset r = tiny();
    history h = one(r, line("2022-03-01", "start", "actor") + line("2022-03-03", "go", "actor"));
    auto res = replay(r, cal(), h, d("2022-03-10"));
    REQUIRE(res.rejected.empty());
    CHECK(r.states[res.state].id == "b");
    CHECK(*res.since == d("2022-03-03"));

    history late = one(r, line("2022-03-01", "start", "actor") + line("2022-03-04", "go", "actor"));
    res = replay(r, cal(), late, d("2022-03-10"));
    REQUIRE(res.rejected.size() == 1);
    CHECK(res.rejected[0].id == "echeance.replay.window_closed");
    CHECK(r.states[res.state].id == "c"); // P3D from 1 Mar: fires at 24:00 on 4 Mar, c from 5 Mar
    CHECK(*res.since == d("2022-03-05"));

    res = replay(r, cal(), late, d("2022-03-04"));
    CHECK(r.states[res.state].id == "s");
    REQUIRE(res.scheduled.size() == 1);
    CHECK(res.scheduled[0].last_day == d("2022-03-04"));
    CHECK(res.scheduled[0].effective == d("2022-03-05"));
}

TEST_CASE("engine: an event takes the version in force on its day, the first day of a version "
          "included, whatever was asked before") {
    // v2 applies from 5 March: the day before is v1's, 5 March and after are v2's, and a day
    // before v1 has none; asked in any order, as one replay asks for the days of its events.
    ruleset r = tiny();
    r.versions.push_back({"v2", d("2022-03-05"), std::nullopt, {"art. 2", "", "", {}}});
    for (auto& w : r.windows)
        for (auto& i : w.readings) i.by_version.push_back(i.by_version[version_id(0)]);
    for (auto& t : r.timers)
        for (auto& i : t.readings) i.by_version.push_back(i.by_version[version_id(0)]);
    auto version_of = [&](const char* start, const char* go) {
        history h = one(r, line(start, "start", "actor") + line(go, "go", "actor"));
        auto res = replay(r, cal(), h, d("2022-04-01"));
        REQUIRE(res.rejected.empty());
        REQUIRE(res.timeline.size() == 3);
        return r.versions[res.timeline[1].version].id + "," +
               r.versions[res.timeline[2].version].id;
    };
    CHECK(version_of("2022-03-04", "2022-03-05") == "v1,v2");
    CHECK(version_of("2022-03-03", "2022-03-04") == "v1,v1");
    CHECK(version_of("2022-03-05", "2022-03-06") == "v2,v2");
    history early =
        one(r, line("2019-12-31", "start", "actor") + line("2020-01-01", "start", "actor"));
    auto res = replay(r, cal(), early, d("2022-04-01"));
    REQUIRE(res.rejected.size() == 1);
    CHECK(res.rejected[0].id == "echeance.replay.no_rules");
    REQUIRE(res.timeline.size() == 3); // then the timer: c from 2020-01-05
    CHECK(r.versions[res.timeline[1].version].id == "v1");
}

TEST_CASE(
    "engine: nothing throws for bad history content; every rejection has an id and a reason") {
    ruleset r = tiny();
    history h =
        one(r, line("2019-01-01", "start", "actor") + line("2022-03-01", "nope", "actor") +
                   line("2022-03-01", "start", "who") + line("2022-02-01", "start", "actor") +
                   line("2022-03-02", "late", "system") + line("2022-03-02", "unused", "actor"));
    replay_result res;
    REQUIRE_NOTHROW(res = replay(r, cal(), h, d("2022-04-01")));
    REQUIRE(res.rejected.size() == 6);
    CHECK(res.rejected[0].id == "echeance.replay.no_rules");
    CHECK(res.rejected[1].id == "echeance.replay.unknown_event");
    CHECK(res.rejected[2].id == "echeance.replay.unknown_role");
    CHECK(res.rejected[3].id == "echeance.replay.out_of_order");
    CHECK(res.rejected[4].id == "echeance.replay.automatic_event");
    CHECK(res.rejected[5].id == "echeance.replay.wrong_state");
    for (const auto& x : res.rejected) CHECK(!reason(r, h, x).empty());
    // The texts written without a format string (append_reason), word for word.
    CHECK(reason(r, h, res.rejected[0]) ==
          "no version of tiny is in force on 2019-01-01 (the first applies from 2020-01-01)");
    CHECK(reason(r, h, res.rejected[3]) ==
          "dated 2022-02-01, before the event of line 3 (2022-03-01)");
    CHECK(reason(r, h, res.rejected[5]) == "unused is allowed in state ; the state is a");
}

TEST_CASE(
    "DOMAIN.md §3 / CPC 642: information sent 14 Apr 2022, the window ends Friday 27 May 2022") {
    history h = one(mes(), line("2022-04-14", "information_sent", "cnam"));
    auto res = replay(mes(), cal(), h, d("2022-05-27"));
    REQUIRE(res.windows.size() == 1);
    CHECK(*res.windows[0].last_day == d("2022-05-27"));
    CHECK(date::format("%FT%TZ", res.windows[0].end_utc) == "2022-05-27T22:00:00Z");
    REQUIRE(res.scheduled.size() == 1);
    CHECK(res.scheduled[0].effective == d("2022-05-28"));
    res = replay(mes(), cal(), h, d("2022-05-28"));
    CHECK(mes().states[res.state].id == "open");
    CHECK(*res.since == d("2022-05-28"));
}

TEST_CASE(
    "DOMAIN.md §3 / CPC 642 in Guadeloupe: the window ends Monday 30 May 2022 (04:00Z on 31 May)") {
    history h = one(mes(), line("2022-04-14", "information_sent", "cnam", ",\"territory\":\"GP\""));
    auto res = replay(mes(), cal(), h, d("2022-05-01"));
    REQUIRE(res.windows.size() == 1);
    CHECK(*res.windows[0].last_day == d("2022-05-30"));
    CHECK(date::format("%FT%TZ", res.windows[0].end_utc) == "2022-05-31T04:00:00Z");
}

TEST_CASE("CSP R.1111-28: the most protective reading is computed (six weeks from receipt)") {
    history h = one(mes(), line("2022-04-14", "information_sent", "cnam") +
                               line("2022-04-19", "information_received", "holder"));
    auto res = replay(mes(), cal(), h, d("2022-05-20"));
    REQUIRE(res.readings.size() == 1);
    const auto& c = res.readings[0];
    REQUIRE(c.results.size() == 3);
    CHECK(*c.results[0].last_day == d("2022-05-27"));
    CHECK(*c.results[1].last_day == d("2022-05-19"));
    CHECK(*c.results[2].last_day == d("2022-05-31"));
    REQUIRE(c.most_protective);
    CHECK(mes().windows[c.rule.window()].readings[*c.most_protective].id ==
          "six-weeks-from-receipt");
}

TEST_CASE("CSP R.1111-28: no reading is named most protective while one has not started") {
    // Without a recorded receipt, a "from receipt" reading could still end latest.
    history h = one(mes(), line("2022-04-14", "information_sent", "cnam"));
    auto res = replay(mes(), cal(), h, d("2022-05-20"));
    REQUIRE(res.readings.size() == 1);
    CHECK(*res.readings[0].results[0].last_day == d("2022-05-27"));
    CHECK_FALSE(res.readings[0].results[1].last_day);
    CHECK_FALSE(res.readings[0].most_protective);
}

TEST_CASE("engine: a copy of a result never shares its scratch buffers") {
    history h = one(mes(), line("2022-04-14", "information_sent", "cnam"));
    replay_options o(d("2022-05-20"));
    replay_result a;
    replay(mes(), cal(), h, o, a);
    replay_result b = a;
    CHECK(b.work.p == nullptr);
    replay(mes(), cal(), h, o, b);
    CHECK(b.work.p != a.work.p);
    CHECK(b.timeline.size() == a.timeline.size());
}

TEST_CASE("history: a NIR inside any field is redacted from messages") {
    CHECK(redact_nirs("at 2850578006084x") == "at NIR-masked"
                                              "x");
    CHECK(redact_nirs("1 85 05 78 006 084 36 then") == "NIR-masked then");
    CHECK(redact_nirs("184122A45108946") == "NIR-masked");
    CHECK(redact_nirs("2022-04-14 and 123456789012") == "2022-04-14 and 123456789012");
}

TEST_CASE("CSP R.1111-36: deletion on request within three months, plain; overdue after") {
    std::string text = line("2022-02-01", "information_sent", "cnam") +
                       line("2022-09-05", "closure", "holder") +
                       line("2022-09-06", "deletion_request", "holder");
    history h = one(mes(), text);
    auto res = replay(mes(), cal(), h, d("2022-12-06"));
    REQUIRE(res.obligations.size() == 1);
    CHECK(*res.obligations[0].due == d("2022-12-06"));
    CHECK(res.obligations[0].state == obligation_status::status::due);
    CHECK(res.obligations[0].days == 0);
    res = replay(mes(), cal(), h, d("2022-12-07"));
    CHECK(res.obligations[0].state == obligation_status::status::overdue);
    CHECK(res.obligations[0].days == 1);
}

TEST_CASE("GDPR art. 12(3): one month of receipt under Reg. 1182/71, extension to three months") {
    history h = one(gdpr(), std::string("{\"person\":\"p\",\"at\":\"2022-04-15\",\"event\":"
                                        "\"request_received\",\"role\":\"data_subject\"}\n") +
                                "{\"person\":\"p\",\"at\":\"2022-05-16\",\"event\":\"extension_"
                                "notice\",\"role\":\"controller\"}\n");
    auto res = replay(gdpr(), cal(), h, d("2022-06-01"));
    REQUIRE(res.rejected.empty());
    REQUIRE(res.obligations.size() == 2);
    CHECK(*res.obligations[0].due == d("2022-05-16")); // Sunday 15 May -> Monday 16 May
    CHECK(res.obligations[0].state == obligation_status::status::discharged);
    CHECK(*res.obligations[1].due == d("2022-07-15"));
}

TEST_CASE("history: bad lines are errors with file:line:col and the rest is processed") {
    std::string text =
        line("2022-04-14", "information_sent", "cnam") +
        "{\"person\":\"p\",\"at\":\"2022-02-30\",\"event\":\"x\",\"role\":\"y\"}\n"
        "not json\n"
        "{\"person\":\"p\",\"at\":\"2022-04-15\",\"event\":\"x\",\"role\":\"y\",\"colour\":1}\n"
        "{\"person\":\"p\",\"at\":\"2022-04-15\",\"event\":\"x\",\"role\":\"y\",\"time\":\"25:00\"}"
        "\n"
        "{\"person\":\"q\",\"at\":\"2022-04-16\",\"event\":\"opposition\",\"role\":\"holder\"}\n";
    history_file f = parse_history(text, mes(), cal(), "h.jsonl");
    REQUIRE(f.errors.size() == 4);
    CHECK(f.errors[0].id() == "echeance.date.invalid");
    CHECK(f.errors[0].where().to_string() == "h.jsonl:2:29");
    CHECK(f.errors[1].id() == "echeance.history.json");
    CHECK(f.errors[1].where().line == 3);
    CHECK(f.errors[2].id() == "echeance.history.unknown_key");
    CHECK(f.errors[3].id() == "echeance.history.time");
    REQUIRE(f.persons.size() == 2);
    CHECK(f.persons[0].events.size() == 1);
    CHECK(f.persons[1].person == "q");
}

TEST_CASE("history: CSV with the same columns gives the same histories as JSON Lines") {
    std::string csv = "person,at,event,role,territory\n"
                      "p,2022-04-14,information_sent,cnam,FR-971\n"
                      "\"p\",2022-05-30,opposition,holder,\n";
    std::string jsonl =
        "# the CSV header takes line 1\n" +
        line("2022-04-14", "information_sent", "cnam", ",\"territory\":\"FR-971\"") +
        line("2022-05-30", "opposition", "holder");
    history_file a = parse_history(csv, mes(), cal(), "h.csv");
    history_file b = parse_history(jsonl, mes(), cal(), "h.jsonl");
    REQUIRE(a.errors.empty());
    REQUIRE(b.errors.empty());
    auto ra = replay(mes(), cal(), a.persons[0], d("2022-06-15"));
    auto rb = replay(mes(), cal(), b.persons[0], d("2022-06-15"));
    CHECK(to_json_line(mes(), cal(), a.persons[0], "p", ra, true) ==
          to_json_line(mes(), cal(), b.persons[0], "p", rb, true));
    CHECK(mes().states[ra.state].id == "opposed");
}

TEST_CASE("history: RFC 3339 instants are placed on the local day of the territory") {
    history h = one(mes(), line("2022-04-14", "information_sent", "cnam") +
                               line("2022-05-27T22:30:00Z", "opposition", "holder"));
    CHECK(h.events[1].day == d("2022-05-28"));
    CHECK(h.events[1].time == 30 * 60);
}

TEST_CASE("history: NIRs are masked, never printed") {
    CHECK(looks_like_nir("184127645108946"));
    CHECK(looks_like_nir("1 84 12 76 451 089 46"));
    CHECK(looks_like_nir("2841220B4510891") == false);
    CHECK(looks_like_nir("184122B45108946"));
    CHECK(looks_like_nir("1841276451089"));
    CHECK_FALSE(looks_like_nir("p-42"));
    CHECK_FALSE(looks_like_nir("18412764510894612"));
    history_file f = parse_history("{\"person\":\"184127645108946\",\"at\":\"2022-04-14\","
                                   "\"event\":\"184127645108946\",\"role\":\"cnam\"}\n",
                                   mes(), cal(), "h.jsonl");
    REQUIRE(f.shown_ids.size() == 1);
    CHECK(f.shown_ids[0] == "NIR-masked-1");
    auto r = replay(mes(), cal(), f.persons[0], d("2022-06-01"));
    std::string out = to_json_line(mes(), cal(), f.persons[0], f.shown_ids[0], r, true) +
                      to_text(mes(), cal(), f.persons[0], f.shown_ids[0], r, true);
    CHECK(out.find("184127645108946") == std::string::npos);
}

TEST_CASE("engine: same-day events without time or seq are flagged; with time they are sorted") {
    history h = one(mes(), line("2022-02-01", "information_sent", "cnam") +
                               line("2023-01-10", "closure", "holder", ",\"time\":\"10:00\"") +
                               line("2023-01-10", "reopening", "holder", ",\"time\":\"09:00\""));
    auto res = replay(mes(), cal(), h, d("2023-02-01"));
    CHECK(res.warnings.empty());
    REQUIRE(res.rejected.size() == 1);
    CHECK(res.rejected[0].line == 3);
    history g = one(mes(), line("2022-02-01", "information_sent", "cnam") +
                               line("2023-01-10", "closure", "holder") +
                               line("2023-01-10", "reopening", "holder"));
    res = replay(mes(), cal(), g, d("2023-02-01"));
    CHECK(res.warnings.size() == 2);
    CHECK(res.rejected.empty());
}

TEST_CASE("engine: a choice of reading replays under it; an unknown reading is an error") {
    replay_options o(d("2022-06-01"));
    choose_reading(mes(), o, "opposition_window", "one-month-from-receipt");
    history h = one(mes(), line("2022-04-14", "information_sent", "cnam") +
                               line("2022-04-19", "information_received", "holder"));
    auto res = replay(mes(), cal(), h, o);
    CHECK(*res.since == d("2022-05-20"));
    CHECK_THROWS_AS(choose_reading(mes(), o, "opposition_window", "two-weeks"), error);
    CHECK_THROWS_AS(choose_reading(mes(), o, "nothing", "x"), error);
}
