// The C API (include/echeance/echeance.h), compiled here as C++: return codes, error strings
// with their ids first, the golden replays of every rule set, bad lines, usage errors, and one
// rules handle shared by many threads (run under ASan+UBSan by scripts/test.sh).
#include "../engine/example_files.hpp"
#include "echeance/echeance.h"

#include <catch2/catch.hpp>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

namespace fs = std::filesystem;
const std::string source_dir = ECHEANCE_SOURCE_DIR;

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Owns the strings the library returns.
struct owned {
    char* p = nullptr;
    owned() = default;
    owned(const owned&) = delete;
    owned& operator=(const owned&) = delete;
    ~owned() { echeance_free(p); }
    std::string str() const { return p == nullptr ? std::string("<NULL>") : std::string(p); }
};

struct rules_handle {
    echeance_rules* h = nullptr;
    explicit rules_handle(const std::string& path) {
        owned err;
        h = echeance_rules_load(path.c_str(), &err.p);
        INFO(err.str());
        REQUIRE(h != nullptr);
        CHECK(err.p == nullptr);
    }
    rules_handle(const rules_handle&) = delete;
    rules_handle& operator=(const rules_handle&) = delete;
    ~rules_handle() { echeance_rules_free(h); }
};

struct replayed {
    int rc = -1;
    std::string result; // "<NULL>" when the library left it NULL
    std::size_t length = 0;
    std::string error; // "<NULL>" when none
};

replayed replay(const echeance_rules* rules, const std::string& history, const char* format,
                const char* as_of, const char* output) {
    owned result, err;
    replayed r;
    r.rc = echeance_replay(rules, history.data(), history.size(), format, as_of, output, &result.p,
                           &r.length, &err.p);
    r.result = result.str();
    r.error = err.str();
    if (result.p != nullptr) CHECK(r.length == r.result.size());
    return r;
}

struct deadline_result {
    int rc = -1;
    std::string day;
    std::string error;
};

deadline_result deadline(const char* date, const char* period, const char* convention,
                         const char* territory) {
    char out[11] = "xxxxxxxxxx";
    owned err;
    deadline_result r;
    r.rc = echeance_deadline(date, period, convention, territory, out, &err.p);
    r.day = out;
    r.error = err.str();
    return r;
}

bool starts_with(const std::string& s, const std::string& prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

std::size_t count_lines(const std::string& s) {
    std::size_t n = 0;
    for (char c : s) n += c == '\n';
    return n;
}

// "answered-in-time" of rules/gdpr-requests: ds-1's request answered on time.
const std::string gdpr_history =
    read_file(fs::path(source_dir) / "rules/gdpr-requests/examples/answered-in-time.jsonl");

} // namespace

TEST_CASE("C API: the version is the project's") {
    CHECK(std::string(echeance_version()) == ECHEANCE_PROJECT_VERSION);
}

TEST_CASE("C API: CPC 642, six weeks from 14 April 2022 end on Friday 27 May (Ascension)") {
    auto r = deadline("2022-04-14", "P6W", "cpc", "FR");
    CHECK(r.rc == ECHEANCE_OK);
    CHECK(r.day == "2022-05-27");
    CHECK(r.error == "<NULL>");
    // Guadeloupe: 27 May is the abolition of slavery, then a weekend: Monday 30 May.
    CHECK(deadline("2022-04-14", "P6W", "cpc", "FR-971").day == "2022-05-30");
    CHECK(deadline("2022-04-14", "P6W", "cpc", "GP").day == "2022-05-30");
    // plain: the nominal day, Ascension or not; NULL convention and territory: cpc in FR.
    CHECK(deadline("2022-04-14", "P6W", "plain", "FR").day == "2022-05-26");
    CHECK(deadline("2022-04-14", "P6W", nullptr, nullptr).day == "2022-05-27");
}

TEST_CASE("C API: deadline errors start with their id, then the field") {
    auto r = deadline("2022-02-30", "P6W", "cpc", "FR");
    CHECK(r.rc == ECHEANCE_BAD_INPUT);
    CHECK(r.day.empty());
    CHECK_THAT(r.error, Catch::Matchers::StartsWith("[echeance.date.invalid] date: invalid date "
                                                    "\"2022-02-30\""));
    CHECK_THAT(deadline("2022-04-14", "P-1M", "cpc", "FR").error,
               Catch::Matchers::StartsWith("[echeance.period.invalid] period"));
    CHECK_THAT(deadline("2022-04-14", "P6W", "cpc", "FR-99").error,
               Catch::Matchers::StartsWith("[echeance.calendar.unknown_territory] territory: "));
    CHECK_THAT(deadline("9999-12-01", "P1M", "cpc", "FR").error,
               Catch::Matchers::StartsWith("[echeance.date.out_of_range]"));

    auto u = deadline("2022-04-14", "P6W", "cpd", "FR");
    CHECK(u.rc == ECHEANCE_USAGE);
    CHECK(u.error ==
          "[echeance.capi.usage] unknown convention \"cpd\" (expected plain, cpc or eu)");
    CHECK(deadline(nullptr, "P6W", "cpc", "FR").rc == ECHEANCE_USAGE);
    CHECK(deadline(nullptr, "P6W", "cpc", "FR").error == "[echeance.capi.usage] date is NULL");
    CHECK(deadline("2022-04-14", nullptr, "cpc", "FR").rc == ECHEANCE_USAGE);
    CHECK(echeance_deadline("2022-04-14", "P6W", "cpc", "FR", nullptr, nullptr) == ECHEANCE_USAGE);
    // Without an error pointer the code still says what happened.
    char out[11];
    CHECK(echeance_deadline("2022-13-01", "P6W", "cpc", "FR", out, nullptr) == ECHEANCE_BAD_INPUT);
}

TEST_CASE("C API: a rule set that cannot be loaded gives NULL and every error, positioned") {
    owned err;
    CHECK(echeance_rules_load((source_dir + "/tests/rules/invalid/bad_date.json").c_str(),
                              &err.p) == nullptr);
    CHECK(err.str() == "[echeance.rule.bad_date] " + source_dir +
                           "/tests/rules/invalid/bad_date.json:9:46: \"from\" of version "
                           "\"general-2022\": invalid date \"2022-02-30\": February 2022 has 28 "
                           "days (expected YYYY-MM-DD)");
    owned missing;
    CHECK(echeance_rules_load((source_dir + "/no/such/rules").c_str(), &missing.p) == nullptr);
    CHECK_THAT(missing.str(), Catch::Matchers::StartsWith("[echeance."));
    owned null_path;
    CHECK(echeance_rules_load(nullptr, &null_path.p) == nullptr);
    CHECK(null_path.str() == "[echeance.capi.usage] path is NULL");
    CHECK(echeance_rules_load(nullptr, nullptr) == nullptr);
    echeance_rules_free(nullptr);
    echeance_free(nullptr);
}

TEST_CASE("C API: json replays equal the golden output of every rule set's examples") {
    std::size_t compared = 0;
    bool nir_masked = false;
    for (const char* id : {"gdpr-requests", "mon-espace-sante"}) {
        rules_handle rules(source_dir + "/rules/" + id);
        for (const fs::path& p : echeance::testing::example_histories(id)) {
            fs::path args = p;
            args.replace_extension(".args");
            std::string a = read_file(args);
            while (!a.empty() && (a.back() == '\n' || a.back() == '\r')) a.pop_back();
            // Only --as-of DATE is an argument of the C API (no --reading, no --explain).
            if (a.size() != 18 || !starts_with(a, "--as-of ")) continue;
            fs::path expected = p;
            expected.replace_extension().replace_extension(".expected.jsonl");
            INFO(p.string());
            auto r = replay(rules.h, read_file(p), "jsonl", a.substr(8).c_str(), "json");
            CHECK(r.rc == ECHEANCE_OK);
            CHECK(r.error == "<NULL>");
            CHECK(r.result == read_file(expected));
            nir_masked = nir_masked || p.stem() == "nir-masked";
            ++compared;
        }
    }
    CHECK(compared >= 20);
    CHECK(nir_masked); // the only NIR-masking case here, from tests/engine/examples/
}

TEST_CASE("C API: text, CSV input and format detection") {
    rules_handle rules(source_dir + "/rules/gdpr-requests");
    auto json = replay(rules.h, gdpr_history, "jsonl", "2022-03-01", "json");
    REQUIRE(json.rc == ECHEANCE_OK);
    CHECK(replay(rules.h, gdpr_history, nullptr, "2022-03-01", "json").result == json.result);
    CHECK(replay(rules.h, gdpr_history, "detect", "2022-03-01", "json").result == json.result);

    const std::string csv = "person,at,event,role,channel\n"
                            "ds-1,2022-01-31,request_received,data_subject,email\n"
                            "ds-1,2022-02-20,answer,controller,\n";
    // The CSV history has no "data": the request is of no kind, which json shows.
    auto from_csv = replay(rules.h, csv, "csv", "2022-03-01", "json");
    CHECK(from_csv.rc == ECHEANCE_OK);
    CHECK_THAT(from_csv.result, Catch::Matchers::StartsWith("{\"person\":\"ds-1\""));
    CHECK(count_lines(from_csv.result) == 1);

    auto text = replay(rules.h, gdpr_history, "jsonl", "2022-03-01", "text");
    CHECK(text.rc == ECHEANCE_OK);
    CHECK_THAT(text.result,
               Catch::Matchers::StartsWith("ds-1 (FR), rules gdpr-requests, as of 2022-03-01\n"));

    // An empty history is no person: an empty report, not an error.
    owned result, err;
    std::size_t length = 99;
    CHECK(echeance_replay(rules.h, nullptr, 0, nullptr, "2022-03-01", "json", &result.p, &length,
                          &err.p) == ECHEANCE_OK);
    CHECK(result.str().empty());
    CHECK(length == 0);
    CHECK(err.p == nullptr);
}

TEST_CASE("C API: summary and ics come from the io layer") {
    rules_handle rules(source_dir + "/rules/gdpr-requests");
    const std::string two = gdpr_history + "{\"person\":\"ds-2\",\"at\":\"2022-02-01\",\"event\":"
                                           "\"request_received\",\"role\":\"data_subject\"}\n";
    auto summary = replay(rules.h, two, "jsonl", "2022-03-01", "summary");
    REQUIRE(summary.rc == ECHEANCE_OK);
    CHECK_THAT(summary.result, Catch::Matchers::StartsWith(
                                   "person,state,since,next_day,next_kind,next_rule,overdue\n"));
    CHECK(count_lines(summary.result) == 3); // a header, then one line per person
    auto ics = replay(rules.h, two, "jsonl", "2022-03-01", "ics");
    REQUIRE(ics.rc == ECHEANCE_OK);
    CHECK_THAT(ics.result, Catch::Matchers::StartsWith("BEGIN:VCALENDAR\r\n"));
    CHECK_THAT(ics.result, Catch::Matchers::EndsWith("END:VCALENDAR\r\n"));
}

// A JSON value without its members whose value is null, "", [] or {} (at every depth).
nlohmann::ordered_json pruned(const nlohmann::ordered_json& j) {
    if (j.is_array()) {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const auto& x : j) out.push_back(pruned(x));
        return out;
    }
    if (!j.is_object()) return j;
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const auto& [k, v] : j.items()) {
        auto p = pruned(v);
        bool empty = p.is_null() || (p.is_string() && p.get<std::string>().empty()) ||
                     ((p.is_array() || p.is_object()) && p.empty());
        if (!empty) out[k] = p;
    }
    return out;
}

TEST_CASE("C API: json-compact is json without its null and empty members") {
    rules_handle rules(source_dir + "/rules/mon-espace-sante");
    std::size_t lines = 0;
    bool nir_masked = false;
    for (const fs::path& p : echeance::testing::example_histories("mon-espace-sante")) {
        std::string text = read_file(p);
        nir_masked = nir_masked || p.stem() == "nir-masked";
        auto full = replay(rules.h, text, "jsonl", "2030-01-01", "json");
        auto compact = replay(rules.h, text, "jsonl", "2030-01-01", "json-compact");
        REQUIRE(compact.rc == full.rc);
        CHECK(compact.result.size() < full.result.size());
        std::istringstream a(full.result), b(compact.result);
        std::string la, lb;
        while (std::getline(a, la)) {
            REQUIRE(std::getline(b, lb));
            auto want = pruned(nlohmann::ordered_json::parse(la));
            CHECK(nlohmann::ordered_json::parse(lb).dump() == want.dump());
            ++lines;
        }
        CHECK_FALSE(std::getline(b, lb));
    }
    CHECK(lines >= 20);
    CHECK(nir_masked);
}

TEST_CASE("C API: bad history lines are all listed; the valid persons are still replayed") {
    rules_handle rules(source_dir + "/rules/gdpr-requests");
    const std::string history = gdpr_history +
                                "{\"person\":\"ds-2\",\"at\":\"2022-02-01\",\"event\":\"x\"}\n"
                                "{\"person\":\"ds-3\",\"at\":\"2022-02-30\",\"event\":"
                                "\"request_received\",\"role\":\"data_subject\"}\n";
    auto good = replay(rules.h, gdpr_history, "jsonl", "2022-03-01", "json");
    auto r = replay(rules.h, history, "jsonl", "2022-03-01", "json");
    CHECK(r.rc == ECHEANCE_BAD_INPUT);
    CHECK(r.result == good.result);
    // The two comment lines of the example come first: the bad lines are 5 and 6.
    CHECK(r.error ==
          "[echeance.history.missing] <history>:5:1: missing \"role\" (each line needs "
          "person, at, event and role)\n"
          "[echeance.date.invalid] <history>:6:32: invalid date \"2022-02-30\": February "
          "2022 has 28 days (expected YYYY-MM-DD)");
}

TEST_CASE("C API: as_of and usage errors leave no result") {
    rules_handle rules(source_dir + "/rules/gdpr-requests");
    auto bad_day = replay(rules.h, gdpr_history, "jsonl", "2022-02-30", "json");
    CHECK(bad_day.rc == ECHEANCE_BAD_INPUT);
    CHECK(bad_day.result == "<NULL>");
    CHECK_THAT(bad_day.error, Catch::Matchers::StartsWith("[echeance.date.invalid] as_of: "));

    auto xml = replay(rules.h, gdpr_history, "jsonl", "2022-03-01", "xml");
    CHECK(xml.rc == ECHEANCE_USAGE);
    CHECK(xml.result == "<NULL>");
    CHECK(xml.error ==
          "[echeance.capi.usage] unknown output \"xml\" (expected json, json-compact, summary, "
          "text or ics)");
    auto yaml = replay(rules.h, gdpr_history, "yaml", "2022-03-01", "json");
    CHECK(yaml.rc == ECHEANCE_USAGE);
    CHECK(yaml.error ==
          "[echeance.capi.usage] unknown input_format \"yaml\" (expected jsonl, csv or detect)");
    CHECK(replay(nullptr, gdpr_history, "jsonl", "2022-03-01", "json").error ==
          "[echeance.capi.usage] rules is NULL");
    CHECK(replay(rules.h, gdpr_history, "jsonl", nullptr, "json").error ==
          "[echeance.capi.usage] as_of is NULL");
    CHECK(replay(rules.h, gdpr_history, "jsonl", "2022-03-01", nullptr).error ==
          "[echeance.capi.usage] output is NULL");

    std::size_t length = 0;
    owned err;
    CHECK(echeance_replay(rules.h, gdpr_history.data(), gdpr_history.size(), "jsonl", "2022-03-01",
                          "json", nullptr, &length, &err.p) == ECHEANCE_USAGE);
    CHECK(err.str() == "[echeance.capi.usage] result is NULL");
    owned result, err2;
    CHECK(echeance_replay(rules.h, nullptr, 3, "jsonl", "2022-03-01", "json", &result.p, &length,
                          &err2.p) == ECHEANCE_USAGE);
    CHECK(err2.str() == "[echeance.capi.usage] history is NULL");
}

TEST_CASE("C API: one rules handle replayed from many threads at once gives the same reports") {
    rules_handle rules(source_dir + "/rules/mon-espace-sante");
    std::vector<std::pair<std::string, std::string>> inputs; // history, reference output
    bool nir_masked = false;
    for (const fs::path& p : echeance::testing::example_histories("mon-espace-sante")) {
        nir_masked = nir_masked || p.stem() == "nir-masked";
        std::string h = read_file(p);
        auto ref = replay(rules.h, h, "jsonl", "2030-01-01", "text");
        REQUIRE(ref.rc == ECHEANCE_OK);
        inputs.emplace_back(std::move(h), std::move(ref.result));
    }
    REQUIRE(inputs.size() >= 10);
    CHECK(nir_masked);

    constexpr int threads = 8, rounds = 6;
    std::vector<int> mismatches(threads, 0);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            for (int round = 0; round < rounds; ++round) {
                for (std::size_t i = 0; i < inputs.size(); ++i) {
                    const auto& in = inputs[(i + std::size_t(t)) % inputs.size()];
                    char* result = nullptr;
                    char* err = nullptr;
                    std::size_t length = 0;
                    int rc = echeance_replay(rules.h, in.first.data(), in.first.size(), "jsonl",
                                             "2030-01-01", "text", &result, &length, &err);
                    if (rc != ECHEANCE_OK || err != nullptr ||
                        std::string(result, length) != in.second)
                        ++mismatches[std::size_t(t)];
                    echeance_free(result);
                    echeance_free(err);
                }
            }
        });
    }
    for (auto& th : pool) th.join();
    for (int t = 0; t < threads; ++t) CHECK(mismatches[std::size_t(t)] == 0);
}

TEST_CASE("C API: every echeance.capi id of capi/echeance.cpp is documented in docs/errors.md") {
    const std::string source = read_file(fs::path(source_dir) / "capi/echeance.cpp");
    const std::string doc = read_file(fs::path(source_dir) / "docs/errors.md");
    const std::regex id_re(R"(\[(echeance\.capi\.[a-z_]+)\])");
    std::size_t ids = 0;
    for (auto it = std::sregex_iterator(source.begin(), source.end(), id_re);
         it != std::sregex_iterator(); ++it, ++ids) {
        INFO((*it)[1].str());
        CHECK(doc.find("`" + (*it)[1].str() + "`") != std::string::npos);
    }
    CHECK(ids >= 3);
}

namespace {

// The stdout of the command `command` in the CLI transcript `name` (tests/cli/cases/NAME.t).
std::string transcript_output(const std::string& name, const std::string& command) {
    std::istringstream in(read_file(source_dir + "/tests/cli/cases/" + name + ".t"));
    std::string line, out;
    bool inside = false;
    while (std::getline(in, line)) {
        if (inside && (line.rfind("[exit", 0) == 0 || line.rfind("2> ", 0) == 0)) break;
        if (inside) out += line + "\n";
        inside = inside || line == "$ echeance " + command;
    }
    REQUIRE(inside);
    return out;
}

replayed due(const echeance_rules* rules, const std::string& history, const char* from,
             const char* to, const char* output) {
    owned result, err;
    replayed r;
    r.rc = echeance_due(rules, history.data(), history.size(), "detect", from, to, output,
                        &result.p, &r.length, &err.p);
    r.result = result.str();
    r.error = err.str();
    if (result.p != nullptr) CHECK(r.length == r.result.size());
    return r;
}

const char* const due_args = "due --rules rules/mon-espace-sante tests/cli/fixtures/due.jsonl "
                             "--from 2024-02-01 --to 2024-03-31";

} // namespace

TEST_CASE("C API: echeance_due prints what `echeance due` prints (CSV and JSON Lines)") {
    rules_handle rules(source_dir + "/rules/mon-espace-sante");
    const std::string history = read_file(source_dir + "/tests/cli/fixtures/due.jsonl");
    auto csv = due(rules.h, history, "2024-02-01", "2024-03-31", "csv");
    CHECK(csv.rc == ECHEANCE_OK);
    CHECK(csv.error == "<NULL>");
    CHECK(csv.result == transcript_output("due", due_args));
    auto json = due(rules.h, history, "2024-02-01", "2024-03-31", "json");
    CHECK(json.rc == ECHEANCE_OK);
    CHECK(json.result == transcript_output("due", std::string(due_args) + " --output json"));
    // CSP R.1111-28: sent on 2024-01-10, six weeks to oppose, to 2024-02-21.
    CHECK(csv.result.find("2024-02-21,sent-2024-01-10,window_end,opposition_window,opposition,"
                          "holder representative,CSP R.1111-28\n") != std::string::npos);
}

TEST_CASE("C API: echeance_due errors: bad lines keep the valid persons, bad days none") {
    rules_handle rules(source_dir + "/rules/mon-espace-sante");
    const std::string history =
        "{\"person\":\"p1\",\"at\":\"2024-01-10\",\"event\":\"information_sent\",\"role\":"
        "\"cnam\"}\n"
        "{\"person\":\"p2\",\"at\":\"2024-01-10\",\"event\":\"information_sent\"}\n";
    auto r = due(rules.h, history, "2024-02-01", "2024-02-29", "csv");
    CHECK(r.rc == ECHEANCE_BAD_INPUT);
    CHECK(r.result == "day,person,what,rule,event,role,cite\n"
                      "2024-02-21,p1,window_end,opposition_window,opposition,holder "
                      "representative,CSP R.1111-28\n"
                      "2024-02-22,p1,move,automatic_creation,automatic_creation,system,CSP "
                      "R.1111-28\n");
    CHECK(r.error == "[echeance.history.missing] <history>:2:1: missing \"role\" (each line "
                     "needs person, at, event and role)");

    auto empty = due(rules.h, history, "2024-03-01", "2024-02-01", "csv");
    CHECK(empty.rc == ECHEANCE_BAD_INPUT);
    CHECK(empty.result == "<NULL>");
    CHECK_THAT(empty.error, Catch::Matchers::StartsWith("[echeance.due.range] "));
    auto bad = due(rules.h, history, "2024-02-01", "2024-02-30", "csv");
    CHECK(bad.rc == ECHEANCE_BAD_INPUT);
    CHECK(bad.result == "<NULL>");
    CHECK_THAT(bad.error, Catch::Matchers::StartsWith("[echeance.date.invalid] to: "));
    auto text = due(rules.h, history, "2024-02-01", "2024-02-29", "text");
    CHECK(text.rc == ECHEANCE_USAGE);
    CHECK(text.error == "[echeance.capi.usage] unknown output \"text\" (expected csv or json)");
    CHECK(due(rules.h, history, nullptr, "2024-02-29", "csv").error ==
          "[echeance.capi.usage] from is NULL");
    CHECK(due(nullptr, history, "2024-02-01", "2024-02-29", "csv").error ==
          "[echeance.capi.usage] rules is NULL");
}
