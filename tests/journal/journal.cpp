// The journal: append (batches, idempotence, keyed NIRs), replay equal to a file replay, apply.
#include "../engine/example_files.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <echeance/engine.hpp>
#include <echeance/io/history.hpp>
#include <echeance/io/journal.hpp>
#include <echeance/io/report.hpp>
#include <fstream>
#include <set>
#include <sstream>
#include <sys/wait.h>

using namespace echeance;
using namespace echeance::testing;

namespace {

journal_options with_key() {
    journal_options o;
    o.key = "a test key of thirty-two bytes..";
    return o;
}

std::string report_of(const ruleset& rules, const history_file& f, year_month_day as_of,
                      report_format shown = report_format::json) {
    replay_report report(rules, cal(), shown, false);
    std::string out;
    render_replays(rules, cal(), f, replay_options(as_of), report, out);
    return out;
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("append stores each event once and hands back receipts of the stored ones") {
    std::string db = temp_dir() + "/j.db";
    journal j(db, journal::mode::create);
    std::string text = generated_history(10);
    auto first = j.append(text, "h.jsonl", mes(), cal());
    REQUIRE(first.errors.empty());
    CHECK(first.receipts.size() == first.events);
    CHECK(first.duplicates == 0);
    CHECK(first.receipts.front().entry == 1);
    CHECK(first.receipts.back().entry == j.entries());
    // Re-running the same batch (after a crash, say) stores nothing.
    auto again = j.append(text, "h.jsonl", mes(), cal());
    CHECK(again.receipts.empty());
    CHECK(again.duplicates == first.events);
    // The same instant written with another offset is the same act.
    auto at = j.append("{\"person\":\"q\",\"at\":\"2022-04-14T09:00:00Z\",\"event\":"
                       "\"opposition\",\"role\":\"holder\"}\n"
                       "{\"person\":\"q\",\"at\":\"2022-04-14T11:00:00+02:00\",\"event\":"
                       "\"opposition\",\"role\":\"holder\"}\n",
                       "o.jsonl", mes(), cal());
    REQUIRE(at.errors.empty());
    CHECK(at.receipts.size() == 1);
    CHECK(at.duplicates == 1);
    auto ids = j.append("{\"person\":\"r\",\"at\":\"2022-05-01\",\"event\":\"opposition\","
                        "\"role\":\"holder\",\"id\":\"call-77\"}\n"
                        "{\"person\":\"r\",\"at\":\"2022-05-02\",\"event\":\"opposition\","
                        "\"role\":\"holder\",\"id\":\"call-77\"}\n",
                        "i.jsonl", mes(), cal());
    REQUIRE(ids.errors.empty());
    CHECK(ids.receipts.size() == 1);
    CHECK(ids.duplicates == 1);
    auto v = j.verify();
    CHECK(v.ok());
    CHECK(v.entries == j.entries());
}

TEST_CASE("a bad line rejects its whole batch, with its position") {
    std::string db = temp_dir() + "/j.db";
    journal j(db, journal::mode::create);
    std::string text = generated_history(3);
    text +=
        "{\"person\":\"x\",\"at\":\"2022-02-30\",\"event\":\"opposition\",\"role\":\"holder\"}\n";
    text += generated_history(2, 10);
    auto r = j.append(text, "bad.jsonl", mes(), cal());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].id() == "echeance.date.invalid");
    CHECK(r.errors[0].where().file == "bad.jsonl");
    CHECK(r.errors[0].where().line == 5);
    CHECK(r.errors[0].where().column == 29); // at the day
    CHECK(r.receipts.empty());
    CHECK(j.entries() == 0);
    // CSV batches too, with an "id" column.
    auto csv = j.append("person,at,event,role,id,data\np,2022-03-01,opposition,holder,c1,by "
                        "phone\np,2022-03-01,opposition,holder,c1,again\n",
                        "c.csv", mes(), cal());
    REQUIRE(csv.errors.empty());
    CHECK(csv.receipts.size() == 1);
    CHECK(sql_value(db, "SELECT canonical FROM entries WHERE entry=1")
              .find("\"data\":\"by phone\",\"id\":\"c1\"}") != std::string::npos);
}

TEST_CASE("an \"id\" anywhere in a line is the journal's; the parser's positions stay those of "
          "the line as written") {
    std::string db = temp_dir() + "/j.db";
    journal j(db, journal::mode::create);
    // First, in the middle, last, with spaces, and beside a nested "data".
    auto r = j.append(
        "{\"id\":\"a1\",\"person\":\"p\",\"at\":\"2022-05-01\",\"event\":\"opposition\","
        "\"role\":\"holder\"}\n"
        "{\"person\":\"p\",\"id\":\"a2\",\"at\":\"2022-05-02\",\"event\":\"opposition\","
        "\"role\":\"holder\"}\n"
        "{\"person\":\"p\",\"at\":\"2022-05-03\",\"event\":\"opposition\",\"role\":\"holder\","
        "\"id\":\"a3\"}\n"
        "{ \"person\" : \"p\" , \"at\":\"2022-05-04\",\"event\":\"opposition\",\"role\":\"holder\""
        " , \"id\" : \"a4\" }\n"
        "{\"person\":\"p\",\"data\":{\"z\":[1,{\"id\":2}],\"a\":\"x,}\"},\"id\":\"a5\",\"at\":"
        "\"2022-05-05\",\"event\":\"opposition\",\"role\":\"holder\"}\n",
        "ids.jsonl", mes(), cal());
    REQUIRE(r.errors.empty());
    REQUIRE(r.receipts.size() == 5);
    CHECK(sql_value(db, "SELECT canonical FROM entries WHERE entry=5")
              .find("\"data\":{\"a\":\"x,}\",\"z\":[1,{\"id\":2}]},\"id\":\"a5\"}") !=
          std::string::npos);
    CHECK(j.verify().ok());
    CHECK(j.events(mes(), cal()).errors.empty());
    // A bad date after an "id": the column of the line as written.
    auto bad = j.append("{\"id\":\"b1\",\"person\":\"p\",\"at\":\"2022-02-30\",\"event\":"
                        "\"opposition\",\"role\":\"holder\"}\n",
                        "b.jsonl", mes(), cal());
    REQUIRE(bad.errors.size() == 1);
    CHECK(bad.errors[0].where().column == 39); // the day
    // An "id" that is not a string is refused.
    auto number = j.append("{\"person\":\"p\",\"at\":\"2022-05-09\",\"event\":\"opposition\","
                           "\"role\":\"holder\",\"id\":7}\n",
                           "n.jsonl", mes(), cal());
    REQUIRE(number.errors.size() == 1);
    CHECK(number.errors[0].id() == "echeance.journal.id");
    CHECK(number.errors[0].where().column == 75);
    // CSV: the id column is cut from what the parser reads; columns after it are placed back.
    auto csv = j.append("person,id,at,event,role\np,c9,2022-02-30,opposition,holder\n", "c.csv",
                        mes(), cal());
    REQUIRE(csv.errors.size() == 1);
    CHECK(csv.errors[0].id() == "echeance.date.invalid");
    CHECK(csv.errors[0].where().column == 14); // the day, after "p,c9,"
    CHECK(j.entries() == 5);
}

TEST_CASE("a NIR is stored only as its keyed hash, and refused without a key") {
    std::string dir = temp_dir(), db = dir + "/j.db";
    std::string nir_line = "{\"person\":\"1 84 12 76 451 089 46\",\"at\":\"2022-04-14\",\"event\":"
                           "\"information_sent\",\"role\":\"cnam\"}\n";
    {
        journal j(db, journal::mode::create);
        auto r = j.append(generated_history(2) + nir_line, "n.jsonl", mes(), cal());
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].id() == "echeance.journal.no_key");
        CHECK(r.errors[0].where().line == 4);
        CHECK(r.errors[0].where().column == 11);
        CHECK(j.entries() == 0);
    }
    journal j(db, journal::mode::open, with_key());
    auto r = j.append(nir_line, "n.jsonl", mes(), cal());
    REQUIRE(r.errors.empty());
    CHECK(r.receipts[0].person == "NIR-masked");
    // Written another way (no spaces), the same NIR is the same person and the same act.
    auto same = j.append("{\"person\":\"184127645108946\",\"at\":\"2022-04-14\",\"event\":"
                         "\"information_sent\",\"role\":\"cnam\"}\n",
                         "n2.jsonl", mes(), cal());
    CHECK(same.duplicates == 1);
    std::string file = read(db) + read(db + "-wal");
    CHECK(file.find("184127645108946") == std::string::npos);
    CHECK(file.find("1 84 12 76 451 089 46") == std::string::npos);
    CHECK(sql_value(db, "SELECT person FROM entries").rfind("hmac-sha256:", 0) == 0);
    // A NIR anywhere else would be stored in clear: refused.
    auto data = j.append("{\"person\":\"p\",\"at\":\"2022-04-14\",\"event\":\"opposition\","
                         "\"role\":\"holder\",\"data\":{\"caller\":\"2 84 12 2B 451 089\"}}\n",
                         "d.jsonl", mes(), cal());
    REQUIRE(data.errors.size() == 1);
    CHECK(data.errors[0].id() == "echeance.journal.nir_in_text");
    CHECK(data.errors[0].message().find("2B") == std::string::npos);
    // The replay masks as a file replay does.
    history_file f = j.events(mes(), cal());
    REQUIRE(f.shown_ids.size() == 1);
    CHECK(f.shown_ids[0] == "NIR-masked-1");
}

TEST_CASE("journal replay gives the answers of a file replay, for every example history") {
    std::size_t compared = 0;
    bool nir_masked = false;
    for (const char* set : {"mon-espace-sante", "gdpr-requests"}) {
        ruleset rules = load_ruleset(std::string(ECHEANCE_SOURCE_DIR) + "/rules/" + set);
        for (const auto& path : example_histories(set)) {
            const std::string name = path.stem().string();
            std::string text, raw = read(path.string()), line;
            std::istringstream in(raw);
            while (std::getline(in, line))
                if (!line.empty() && line[0] != '#') text += line + "\n";
            auto args_path = path;
            std::string args = read(args_path.replace_extension(".args").string());
            auto p = args.find("--as-of ");
            year_month_day as_of = parse_date(p == std::string::npos ? std::string("2030-01-01")
                                                                     : args.substr(p + 8, 10));
            history_file file = parse_history(text, rules, cal(), "f.jsonl");
            if (!file.errors.empty()) continue; // a bad line: the batch would be refused
            journal j(temp_dir() + "/j.db", journal::mode::create, with_key());
            auto r = j.append(text, "f.jsonl", rules, cal());
            REQUIRE(r.errors.empty());
            history_file stored = j.events(rules, cal());
            CHECK(stored.errors.empty());
            INFO(set << "/" << name);
            for (report_format shown : {report_format::text, report_format::json,
                                        report_format::summary, report_format::ics})
                CHECK(report_of(rules, stored, as_of, shown) ==
                      report_of(rules, file, as_of, shown));
            nir_masked = nir_masked || name == "nir-masked";
            ++compared;
        }
    }
    CHECK(compared > 40);
    CHECK(nir_masked);
}

TEST_CASE("apply records each due automatic event once, whatever the transaction size") {
    std::string dir = temp_dir();
    std::string text = generated_history(60);
    year_month_day as_of = parse_date("2023-01-01");
    std::vector<std::string> dedups;
    for (std::size_t per : {std::size_t(1), std::size_t(7), std::size_t(1000)}) {
        std::string db = dir + "/j" + std::to_string(per) + ".db";
        journal j(db, journal::mode::create);
        REQUIRE(j.append(text, "h.jsonl", mes(), cal()).errors.empty());
        std::size_t printed = 0;
        auto r = j.apply(
            mes(), cal(), as_of,
            [&](const std::vector<journal_receipt>& rs) { printed += rs.size(); }, per);
        CHECK(r.errors.empty());
        CHECK(r.persons == 60);
        CHECK(r.recorded == 40); // the 40 who did not oppose: automatic creation
        CHECK(printed == r.recorded);
        auto again = j.apply(mes(), cal(), as_of, {}, per);
        CHECK(again.recorded == 0);
        CHECK(again.already == 40);
        CHECK(j.verify().ok());
        CHECK(sql_value(db, "SELECT count(*) FROM applies") == "2");
        CHECK(sql_value(db, "SELECT version FROM applies WHERE run=1") == "general-2022");
        CHECK(sql_value(db, "SELECT rules FROM applies WHERE run=1") == "mon-espace-sante");
        dedups.push_back(
            sql_value(db, "SELECT group_concat(hex(dedup)) FROM (SELECT dedup FROM entries WHERE "
                          "kind='automatic' ORDER BY dedup)"));
        // The automatic entries are not fed back: the replay is the same as before apply.
        history_file f = j.events(mes(), cal());
        CHECK(report_of(mes(), f, as_of) ==
              report_of(mes(), parse_history(text, mes(), cal(), "h"), as_of));
    }
    CHECK(dedups[0] == dedups[1]);
    CHECK(dedups[1] == dedups[2]);
}

TEST_CASE("two processes appending at once lose nothing and duplicate nothing") {
    std::string db = temp_dir() + "/j.db";
    { journal j(db, journal::mode::create); }
    std::string shared = generated_history(150);
    auto child = [&](int which) {
        pid_t pid = fork();
        if (pid != 0) return pid;
        int status = 0;
        try {
            journal j(db, journal::mode::open);
            std::string own = generated_history(50, 1000 + 100 * which);
            // Interleave small batches of the shared history and of each own one.
            std::istringstream a(shared), b(own);
            std::string line, batch;
            int n = 0;
            while (std::getline(a, line)) {
                batch += line + "\n";
                if (++n % 10 == 0) {
                    if (!j.append(batch, "s", mes(), cal()).errors.empty()) status = 1;
                    batch.clear();
                    if (std::getline(b, line) && !j.append(line, "o", mes(), cal()).errors.empty())
                        status = 1;
                }
            }
            while (std::getline(b, line)) batch += line + "\n";
            if (!j.append(batch, "s", mes(), cal()).errors.empty()) status = 1;
        } catch (...) {
            status = 2;
        }
        _exit(status);
    };
    pid_t p1 = child(1), p2 = child(2);
    int s1 = 0, s2 = 0;
    waitpid(p1, &s1, 0);
    waitpid(p2, &s2, 0);
    CHECK(WEXITSTATUS(s1) == 0);
    CHECK(WEXITSTATUS(s2) == 0);
    journal j(db, journal::mode::open);
    std::size_t distinct = 0;
    for (char c : shared + generated_history(50, 1100) + generated_history(50, 1200))
        distinct += c == '\n';
    CHECK(j.entries() == std::int64_t(distinct));
    CHECK(j.verify().ok());
}

TEST_CASE("files that are not journals give clear errors, never a crash, and stay untouched") {
    std::string dir = temp_dir();
    auto id_of = [](const std::string& path, journal::mode m) -> std::string {
        try {
            journal j(path, m);
            j.verify();
        } catch (const error& e) {
            return e.id();
        }
        return "";
    };
    CHECK(id_of(dir + "/missing.db", journal::mode::open) == "echeance.journal.open");
    CHECK(id_of(dir, journal::mode::create) == "echeance.journal.open");
    std::ofstream(dir + "/text.db") << "{\"person\":\"a\"}\n";
    CHECK(id_of(dir + "/text.db", journal::mode::create) == "echeance.journal.not_a_journal");
    CHECK(read(dir + "/text.db") == "{\"person\":\"a\"}\n");
    sql(dir + "/other.db", "CREATE TABLE t(x); INSERT INTO t VALUES(1);");
    CHECK(id_of(dir + "/other.db", journal::mode::create) == "echeance.journal.not_a_journal");
    CHECK(id_of(dir + "/other.db", journal::mode::open) == "echeance.journal.not_a_journal");
    // An empty file becomes a journal on append.
    std::ofstream(dir + "/empty.db").close();
    CHECK(id_of(dir + "/empty.db", journal::mode::create) == "");
    // A newer schema.
    std::string newer = dir + "/newer.db";
    { journal j(newer, journal::mode::create); }
    sql(newer, "UPDATE meta SET value='2' WHERE key='schema_version'");
    CHECK(id_of(newer, journal::mode::open) == "echeance.journal.newer_schema");
    // Damaged pages: a journal cut short, and one with garbage over its tables.
    std::string good = dir + "/good.db";
    {
        journal j(good, journal::mode::create);
        j.append(generated_history(400), "h", mes(), cal());
    }
    sql(good, "PRAGMA wal_checkpoint(TRUNCATE)");
    std::string bytes = read(good);
    REQUIRE(bytes.size() > 8192);
    std::ofstream(dir + "/cut.db", std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    std::string cut = id_of(dir + "/cut.db", journal::mode::open);
    CHECK((cut == "echeance.journal.corrupt" || cut == "echeance.journal.altered" ||
           cut == "echeance.journal.removed"));
    std::string garbled = bytes;
    for (std::size_t i = 4096; i < garbled.size(); i += 7) garbled[i] = char(i * 31);
    std::ofstream(dir + "/garbled.db", std::ios::binary) << garbled;
    std::string g = id_of(dir + "/garbled.db", journal::mode::open);
    CHECK(g.rfind("echeance.journal.", 0) == 0);
    CHECK(g != "");
}
