// Facts of a person in a history: "born" (YYYY-MM-DD) and "department" (INSEE code of the
// department of the health-insurance fund), on any line, in JSON Lines and CSV; the department
// gives the territory of lines without "territory".
#include "fixtures.hpp"

#include <catch2/catch.hpp>
#include <echeance/engine.hpp>
#include <echeance/history.hpp>
#include <echeance/io/history.hpp>
#include <echeance/io/nir.hpp>
#include <echeance/io/report.hpp>
#include <string>

using namespace echeance;
using echeance::testing::cal;
using echeance::testing::mes;

namespace {

std::string ev(const char* at, const std::string& extra = "", const char* person = "p") {
    return std::string("{\"person\":\"") + person + "\",\"at\":\"" + at +
           "\",\"event\":\"information_sent\",\"role\":\"cnam\"" + extra + "}";
}

history_file parse(const std::string& text) {
    return parse_history(text, mes(), cal(), "h.jsonl");
}

// 1-based column of the first character of the string value of key in line.
std::size_t col_of_value(const std::string& line, const std::string& key) {
    return line.find("\"" + key + "\":\"") + key.size() + 4 + 1;
}

std::string where(const history& h, std::size_t i) {
    return cal().id(h.events[i].where);
}

} // namespace

TEST_CASE("history facts: born and department are read on any line and kept on the person") {
    history_file f = parse(ev("2022-04-14") + "\n" +
                           ev("2022-04-15", ",\"born\":\"2004-02-29\",\"department\":\"31\"") +
                           "\n" + ev("2022-04-16", ",\"born\":\"2004-02-29\"") + "\n" +
                           ev("2022-04-17", ",\"department\":\"31\"") + "\n");
    REQUIRE(f.errors.empty());
    REQUIRE(f.persons.size() == 1);
    const history& h = f.persons[0];
    CHECK(h.events.size() == 4);
    REQUIRE(h.born);
    CHECK(format_date(*h.born) == "2004-02-29");
    CHECK(h.department == "31");
}

TEST_CASE("history facts: unknown facts stay unknown, and each person has their own") {
    history_file f =
        parse(ev("2022-04-14", ",\"department\":\"2A\"", "a") + "\n" + ev("2022-04-14", "", "b") +
              "\n" + ev("2022-04-14", ",\"born\":\"1950-12-31\"", "c") + "\n");
    REQUIRE(f.errors.empty());
    REQUIRE(f.persons.size() == 3);
    CHECK_FALSE(f.persons[0].born);
    CHECK(f.persons[0].department == "2A");
    CHECK_FALSE(f.persons[1].born);
    CHECK(f.persons[1].department.empty());
    CHECK(f.persons[2].born);
    CHECK(f.persons[2].department.empty());
}

TEST_CASE("echeance.history.conflicting_fact: a different born or department on a later line") {
    const std::string l1 = ev("2022-04-14", ",\"born\":\"2004-02-29\",\"department\":\"971\"");
    const std::string l3 = ev("2022-04-16", ",\"born\":\"2005-01-01\"");
    const std::string l4 = ev("2022-04-17", ",\"department\":\"972\"");
    history_file f = parse(l1 + "\n" + ev("2022-04-15") + "\n" + l3 + "\n" + l4 + "\n" +
                           ev("2022-04-18") + "\n");
    REQUIRE(f.errors.size() == 2);
    CHECK(f.errors[0].id() == "echeance.history.conflicting_fact");
    CHECK(f.errors[0].where().line == 3);
    CHECK(f.errors[0].where().column == col_of_value(l3, "born"));
    CHECK_THAT(f.errors[0].message(),
               Catch::Matchers::Contains("\"born\" is 2004-02-29 on line 1 but 2005-01-01 here"));
    CHECK(f.errors[1].id() == "echeance.history.conflicting_fact");
    CHECK(f.errors[1].where().line == 4);
    CHECK(f.errors[1].where().column == col_of_value(l4, "department"));
    CHECK_THAT(f.errors[1].message(),
               Catch::Matchers::Contains("\"department\" is 971 on line 1 but 972 here"));
    // The bad lines are rejected whole; the lines around them are kept, with the first facts.
    REQUIRE(f.persons.size() == 1);
    const history& h = f.persons[0];
    REQUIRE(h.events.size() == 3);
    CHECK(h.events[0].line == 1);
    CHECK(h.events[1].line == 2);
    CHECK(h.events[2].line == 5);
    CHECK(format_date(*h.born) == "2004-02-29");
    CHECK(h.department == "971");
}

TEST_CASE("echeance.history.department: codes that are not departments are rejected") {
    for (const char* bad : {"20", "979", "2C", "00", "96", "970", "2a", "1", "031", " 31", "3l",
                            "9711", "", "FR-31"}) {
        INFO(bad);
        const std::string l = ev("2022-04-14", std::string(",\"department\":\"") + bad + "\"");
        history_file f = parse(ev("2022-04-13") + "\n" + l + "\n");
        if (std::string(bad).empty()) { // an empty value is no value, as for other fields
            CHECK(f.errors.empty());
            continue;
        }
        REQUIRE(f.errors.size() == 1);
        CHECK(f.errors[0].id() == "echeance.history.department");
        CHECK(f.errors[0].where().line == 2);
        CHECK(f.errors[0].where().column == col_of_value(l, "department"));
        CHECK_THAT(f.errors[0].message(),
                   Catch::Matchers::Contains("01 to 95 except 20, 2A, 2B, or 971 to 978"));
        REQUIRE(f.persons.size() == 1);
        CHECK(f.persons[0].events.size() == 1);
        CHECK(f.persons[0].department.empty());
    }
    history_file f = parse(ev("2022-04-14", ",\"department\":\"20\"") + "\n");
    REQUIRE(f.errors.size() == 1);
    CHECK_THAT(f.errors[0].message(), Catch::Matchers::Contains("2A or 2B since 1976"));
    CHECK(f.persons.empty());
}

TEST_CASE("history facts: every department code form is accepted") {
    for (const char* good : {"01", "19", "21", "2A", "2B", "31", "75", "95", "971", "972", "973",
                             "974", "975", "976", "977", "978"}) {
        INFO(good);
        history_file f = parse(ev("2022-04-14", std::string(",\"department\":\"") + good + "\""));
        CHECK(f.errors.empty());
        REQUIRE(f.persons.size() == 1);
        CHECK(f.persons[0].department == good);
    }
}

TEST_CASE("history facts: a bad born is a date error at the offending character") {
    const std::string l = ev("2022-04-14", ",\"born\":\"2022-02-30\"");
    history_file f = parse(l + "\n" + ev("2022-04-15") + "\n");
    REQUIRE(f.errors.size() == 1);
    CHECK(f.errors[0].id() == "echeance.date.invalid");
    CHECK(f.errors[0].where().line == 1);
    CHECK(f.errors[0].where().column == col_of_value(l, "born") + 8); // the day, "30"
    CHECK_THAT(f.errors[0].message(), Catch::Matchers::Contains("2022-02-30"));
    REQUIRE(f.persons.size() == 1);
    CHECK(f.persons[0].events.size() == 1);
    CHECK_FALSE(f.persons[0].born);

    for (const char* bad :
         {"2004-2-29", "29/02/2004", "2004-02-29T00:00:00Z", "1 84 12 76 451 089"}) {
        INFO(bad);
        history_file g = parse(ev("2022-04-14", std::string(",\"born\":\"") + bad + "\""));
        REQUIRE(g.errors.size() == 1);
        CHECK(g.errors[0].id().rfind("echeance.date.", 0) == 0);
        CHECK(g.errors[0].message().find("451") == std::string::npos); // never a NIR echoed
    }
    // Not a string: a type error, as for the other fields.
    history_file g = parse(ev("2022-04-14", ",\"department\":31"));
    REQUIRE(g.errors.size() == 1);
    CHECK(g.errors[0].id() == "echeance.history.type");
}

TEST_CASE("history facts: the department gives the territory of lines without one") {
    struct {
        const char* department;
        const char* territory;
    } cases[] = {{"57", "FR-57"},   {"67", "FR-67"},   {"68", "FR-68"},   {"971", "FR-971"},
                 {"972", "FR-972"}, {"973", "FR-973"}, {"974", "FR-974"}, {"976", "FR-976"},
                 {"977", "FR-BL"},  {"978", "FR-MF"},  {"975", "FR"}, // not in the calendar
                 {"31", "FR"},      {"2A", "FR"},      {"2B", "FR"},      {"75", "FR"}};
    for (const auto& c : cases) {
        INFO(c.department);
        history_file f =
            parse(ev("2022-04-14", std::string(",\"department\":\"") + c.department + "\"") + "\n" +
                  ev("2022-04-15") + "\n");
        REQUIRE(f.errors.empty());
        REQUIRE(f.persons.size() == 1);
        REQUIRE(f.persons[0].events.size() == 2);
        CHECK(where(f.persons[0], 0) == c.territory);
        CHECK(where(f.persons[0], 1) == c.territory);
    }
}

TEST_CASE("history facts: an explicit territory wins over the department and is kept") {
    history_file f = parse(ev("2022-04-14", ",\"department\":\"971\"") + "\n" +
                           ev("2022-04-15", ",\"territory\":\"FR-974\"") + "\n" + ev("2022-04-16") +
                           "\n" + ev("2022-04-17", ",\"territory\":\"FR\",\"department\":\"971\"") +
                           "\n" + ev("2022-04-18") + "\n");
    REQUIRE(f.errors.empty());
    const history& h = f.persons[0];
    REQUIRE(h.events.size() == 5);
    CHECK(where(h, 0) == "FR-971");
    CHECK(where(h, 1) == "FR-974");
    CHECK(where(h, 2) == "FR-974"); // the last explicit territory of the person
    CHECK(where(h, 3) == "FR");
    CHECK(where(h, 4) == "FR");
}

TEST_CASE("history facts: a department first given on a later line leaves earlier lines") {
    history_file f = parse(ev("2022-04-14") + "\n" + ev("2022-04-15", ",\"department\":\"972\"") +
                           "\n" + ev("2022-04-16") + "\n");
    REQUIRE(f.errors.empty());
    const history& h = f.persons[0];
    REQUIRE(h.events.size() == 3);
    CHECK(where(h, 0) == "FR"); // parsed before the department was known
    CHECK(where(h, 1) == "FR-972");
    CHECK(where(h, 2) == "FR-972");
}

TEST_CASE("history facts: an RFC 3339 at is placed on the local day of the department") {
    // 2022-04-15T02:00:00Z is 14 April 22:00 in Guadeloupe (UTC-4), 15 April in Paris.
    history_file f = parse(ev("2022-04-15T02:00:00Z", ",\"department\":\"971\"", "a") + "\n" +
                           ev("2022-04-15T02:00:00Z", ",\"department\":\"31\"", "b") + "\n");
    REQUIRE(f.errors.empty());
    REQUIRE(f.persons.size() == 2);
    CHECK(format_date(f.persons[0].events[0].day) == "2022-04-14");
    CHECK(format_date(f.persons[1].events[0].day) == "2022-04-15");
}

TEST_CASE("history facts: CSV columns born and department, in any order") {
    history_file f = parse_history("department,person,at,event,role,born\n"
                                   "974,p,2022-04-14,information_sent,cnam,2004-02-29\n"
                                   ",p,2022-04-15,information_sent,cnam,\n"
                                   "974,p,2022-04-16,information_sent,cnam,2004-02-29\n"
                                   "975,p,2022-04-17,information_sent,cnam,\n"
                                   ",p,2022-04-18,information_sent,cnam,2004-03-01\n"
                                   "2C,q,2022-04-18,information_sent,cnam,\n"
                                   ",q,2022-04-18,information_sent,cnam,2022-02-30\n",
                                   mes(), cal(), "h.csv");
    REQUIRE(f.errors.size() == 4);
    CHECK(f.errors[0].id() == "echeance.history.conflicting_fact");
    CHECK(f.errors[0].where().line == 5);
    CHECK(f.errors[0].where().column == 1);
    CHECK_THAT(f.errors[0].message(), Catch::Matchers::Contains("on line 2 but 975 here"));
    CHECK(f.errors[1].id() == "echeance.history.conflicting_fact");
    CHECK(f.errors[1].where().line == 6);
    CHECK(f.errors[1].where().column == 37);
    CHECK(f.errors[2].id() == "echeance.history.department");
    CHECK(f.errors[2].where().line == 7);
    CHECK(f.errors[2].where().column == 1);
    CHECK(f.errors[3].id() == "echeance.date.invalid");
    CHECK(f.errors[3].where().line == 8);
    CHECK(f.errors[3].where().column == 37 + 8);
    REQUIRE(f.persons.size() == 1);
    const history& h = f.persons[0];
    CHECK(h.events.size() == 3);
    CHECK(h.department == "974");
    CHECK(format_date(*h.born) == "2004-02-29");
    for (std::size_t i = 0; i < h.events.size(); ++i) CHECK(where(h, i) == "FR-974");

    history_file g = parse_history("person,at,event,role,birth\n", mes(), cal(), "h.csv");
    REQUIRE(g.errors.size() == 1);
    CHECK(g.errors[0].id() == "echeance.history.unknown_key");
    CHECK_THAT(g.errors[0].message(),
               Catch::Matchers::Contains("territory, channel, data, born, department)"));
}

TEST_CASE("history facts: --json prints born and department after person, only when known") {
    history_file f =
        parse(ev("2022-04-14", ",\"born\":\"2004-02-29\",\"department\":\"2B\"", "a") + "\n" +
              ev("2022-04-14", "", "b") + "\n" +
              ev("2022-04-14", ",\"department\":\"976\"", "1 84 12 76 451 089 46") + "\n");
    REQUIRE(f.errors.empty());
    REQUIRE(f.persons.size() == 3);
    auto json = [&](std::size_t i) {
        auto r = replay(mes(), cal(), f.persons[i], parse_date("2022-04-20"));
        return to_json_line(mes(), cal(), f.persons[i], f.shown_ids[i], r, false);
    };
    CHECK(
        json(0).rfind("{\"person\":\"a\",\"born\":\"2004-02-29\",\"department\":\"2B\",\"rules\":",
                      0) == 0);
    CHECK(json(1).rfind("{\"person\":\"b\",\"rules\":", 0) == 0);
    CHECK(json(1).find("\"born\"") == std::string::npos);
    CHECK(json(1).find("\"department\"") == std::string::npos);
    std::string masked = json(2);
    CHECK(masked.rfind("{\"person\":\"NIR-masked-1\",\"department\":\"976\",\"rules\":", 0) == 0);
    CHECK(masked.find("\"territory\":\"FR-976\"") != std::string::npos);
    CHECK(masked.find("451") == std::string::npos);
}
