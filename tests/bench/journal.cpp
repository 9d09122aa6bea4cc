// The journal: append in batches of 10,000 events against raw SQLite inserts of the same rows
// (same pragmas, one transaction per batch, prepared statement) in the same run; apply over many
// persons. Compare items_per_second as ratios.
#include <benchmark/benchmark.h>
#include <cstdio>
#include <echeance/calendar.hpp>
#include <echeance/io/calendar.hpp>
#include <echeance/io/journal.hpp>
#include <echeance/io/rules.hpp>
#include <sqlite3.h>
#include <string>
#include <unistd.h>

namespace {

using namespace echeance;

const calendar& cal() {
    static calendar c = builtin_calendar();
    return c;
}
const ruleset& mes() {
    static ruleset r = load_ruleset(ECHEANCE_BENCH_SOURCE_DIR "/rules/mon-espace-sante");
    return r;
}

std::string batch(int first, int n) {
    std::string t;
    char line[256];
    for (int i = first; i < first + n; ++i) {
        std::snprintf(line, sizeof line,
                      "{\"person\":\"p%d\",\"at\":\"2022-%02d-%02d\",\"event\":"
                      "\"information_sent\",\"role\":\"cnam\"}\n",
                      i, 1 + i % 12, 1 + i % 28);
        t += line;
    }
    return t;
}

std::string temp_db() {
    char dir[] = "/tmp/echeance-bench-XXXXXX";
    if (!mkdtemp(dir)) return "/tmp/echeance-bench.db";
    return std::string(dir) + "/j.db";
}

constexpr int batch_size = 10000;

void BM_journal_append(benchmark::State& state) {
    journal j(temp_db(), journal::mode::create);
    int next = 0;
    for (auto _ : state) {
        auto r = j.append(batch(next, batch_size), "b", mes(), cal());
        if (r.receipts.size() != std::size_t(batch_size)) state.SkipWithError("not stored");
        next += batch_size;
    }
    state.SetItemsProcessed(state.iterations() * batch_size);
}
BENCHMARK(BM_journal_append)->Unit(benchmark::kMillisecond);

// The baseline: the same rows (canonical text, hashes as text, the 32-byte dedup spread like
// SHA-256 values), the same schema and pragmas, one plain INSERT each, nothing computed.
void BM_sqlite_raw_insert(benchmark::State& state) {
    std::string path = temp_db();
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-65536; "
                 "CREATE TABLE entries(entry INTEGER PRIMARY KEY, kind TEXT NOT NULL, person "
                 "TEXT NOT NULL, dedup BLOB NOT NULL UNIQUE, stored_at TEXT NOT NULL, canonical "
                 "TEXT NOT NULL, hash TEXT NOT NULL, chain TEXT NOT NULL, run INTEGER)",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO entries VALUES(?, 'event', ?, ?, ?, ?, ?, ?, NULL)", -1, &s,
                       nullptr);
    std::int64_t entry = 0;
    const std::string hex(64, 'a');
    char buf[320];
    for (auto _ : state) {
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        for (int i = 0; i < batch_size; ++i) {
            ++entry;
            std::string person = "p" + std::to_string(entry);
            int n = std::snprintf(buf, sizeof buf,
                                  "{\"entry\":%lld,\"stored_at\":\"2026-04-12T08:00:00.000Z\","
                                  "\"kind\":\"event\",\"event\":{\"person\":\"%s\",\"at\":\"2022-"
                                  "01-01\",\"event\":\"information_sent\",\"role\":\"cnam\"}}",
                                  static_cast<long long>(entry), person.c_str());
            // Spread like SHA-256 values over the unique index (the journal's dedup column).
            unsigned char dedup[32];
            std::uint64_t x = std::uint64_t(entry) * 0x9E3779B97F4A7C15ull;
            for (int k = 0; k < 32; ++k, x = x * 6364136223846793005ull + 1442695040888963407ull)
                dedup[k] = static_cast<unsigned char>(x >> 56);
            sqlite3_bind_int64(s, 1, entry);
            sqlite3_bind_text(s, 2, person.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_blob(s, 3, dedup, 32, SQLITE_TRANSIENT);
            sqlite3_bind_text(s, 4, "2026-04-12T08:00:00.000Z", -1, SQLITE_STATIC);
            sqlite3_bind_text(s, 5, buf, n, SQLITE_TRANSIENT);
            sqlite3_bind_text(s, 6, hex.c_str(), -1, SQLITE_STATIC);
            sqlite3_bind_text(s, 7, hex.c_str(), -1, SQLITE_STATIC);
            sqlite3_step(s);
            sqlite3_reset(s);
        }
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    state.SetItemsProcessed(state.iterations() * batch_size);
}
BENCHMARK(BM_sqlite_raw_insert)->Unit(benchmark::kMillisecond);

// apply over state.range(0) persons, each notified (one automatic creation each).
void BM_journal_apply(benchmark::State& state) {
    int persons = int(state.range(0));
    std::string path = temp_db();
    {
        journal j(path, journal::mode::create);
        for (int first = 0; first < persons; first += 100000)
            j.append(batch(first, std::min(100000, persons - first)), "b", mes(), cal());
    }
    year_month_day as_of = parse_date("2023-01-01");
    for (auto _ : state) {
        state.PauseTiming();
        std::string copy = temp_db();
        std::string cmd = "cp '" + path + "' '" + copy + "'";
        if (std::system(cmd.c_str()) != 0) state.SkipWithError("cp failed");
        journal j(copy, journal::mode::open);
        state.ResumeTiming();
        auto r = j.apply(mes(), cal(), as_of, {}, 10000);
        if (r.recorded + r.already == 0) state.SkipWithError("nothing recorded");
        state.counters["recorded"] = double(r.recorded);
    }
    state.SetItemsProcessed(state.iterations() * persons);
}
BENCHMARK(BM_journal_apply)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

} // namespace
