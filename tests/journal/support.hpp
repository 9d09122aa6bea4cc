// Shared pieces of the journal tests: temporary files, raw SQL on a journal, generated histories.
#pragma once

#include "../engine/fixtures.hpp"

#include <cstdlib>
#include <echeance/calendar.hpp>
#include <echeance/io/calendar.hpp>
#include <echeance/io/rules.hpp>
#include <fmt/format.h>
#include <sqlite3.h>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace echeance::testing {

// A fresh directory per call, removed by nobody: under the build's temporary directory.
inline std::string temp_dir() {
    std::string t = (std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp");
    t += "/echeance-journal-XXXXXX";
    if (!mkdtemp(t.data())) throw std::runtime_error("mkdtemp failed");
    return t;
}

// Runs SQL on the journal file behind the library's back (the tamperer).
inline void sql(const std::string& db, const std::string& statements) {
    sqlite3* h = nullptr;
    if (sqlite3_open(db.c_str(), &h) != SQLITE_OK) throw std::runtime_error("open failed");
    char* msg = nullptr;
    int rc = sqlite3_exec(h, statements.c_str(), nullptr, nullptr, &msg);
    std::string why = msg ? msg : "";
    sqlite3_free(msg);
    sqlite3_close(h);
    if (rc != SQLITE_OK) throw std::runtime_error("sql failed: " + why);
}

// One value of a query on the journal file.
inline std::string sql_value(const std::string& db, const std::string& query) {
    sqlite3* h = nullptr;
    sqlite3_open(db.c_str(), &h);
    sqlite3_stmt* s = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(h, query.c_str(), -1, &s, nullptr) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    sqlite3_close(h);
    return out;
}

// `persons` persons, each notified on a day of 2022, a third of them opposing a week later.
inline std::string generated_history(int persons, int first = 0) {
    std::string text;
    for (int i = first; i < first + persons; ++i) {
        int day = 1 + i % 28, month = 1 + (i / 28) % 12;
        text += fmt::format(
            "{{\"person\":\"p{}\",\"at\":\"2022-{:02}-{:02}\",\"event\":\"information_sent\","
            "\"role\":\"cnam\"}}\n",
            i, month, day);
        if (i % 3 == 0)
            text += fmt::format("{{\"person\":\"p{}\",\"at\":\"2022-{:02}-{:02}\",\"event\":"
                                "\"opposition\",\"role\":\"holder\",\"channel\":\"phone\"}}\n",
                                i, month, std::min(day + 7, 28));
    }
    return text;
}

} // namespace echeance::testing
