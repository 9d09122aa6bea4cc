// The SQLite wrapper of the journal: every failure becomes an echeance error with a stable id.
#include "journal_db.hpp"

#include <fmt/format.h>

namespace echeance::journal_detail {

void fail(sqlite3* db, int rc, const std::string& path, std::string_view doing) {
    int primary = rc & 0xFF;
    std::string what = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    location at{path, 0, 0, ""};
    switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw error("echeance.journal.busy",
                    fmt::format("the journal stayed locked by another process for the whole busy "
                                "timeout (while {}); nothing of this batch was stored: try "
                                "again, or raise --busy-timeout",
                                doing),
                    at);
    case SQLITE_NOTADB:
        throw error("echeance.journal.not_a_journal",
                    "not a journal: the file is not an SQLite database", at);
    case SQLITE_CORRUPT:
        throw error("echeance.journal.corrupt",
                    fmt::format("the journal file is corrupt ({} while {}); restore it from a "
                                "copy: nothing was changed",
                                what, doing),
                    at);
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_AUTH:
        throw error("echeance.journal.open",
                    fmt::format("cannot open the journal for writing: {}", what), at);
    case SQLITE_FULL:
    case SQLITE_IOERR:
        throw error("echeance.journal.io",
                    fmt::format("cannot write the journal ({} while {}); the last batch was "
                                "not stored",
                                what, doing),
                    at);
    default:
        throw error("echeance.journal.sqlite", fmt::format("{} while {}", what, doing), at);
    }
}

statement::statement(sqlite3* db, const std::string& path, std::string_view sql)
    : db_(db), path_(path) {
    int rc = sqlite3_prepare_v2(db, sql.data(), int(sql.size()), &s_, nullptr);
    if (rc != SQLITE_OK) fail(db, rc, path, "reading the journal");
}

statement::~statement() {
    sqlite3_finalize(s_);
}

statement& statement::bind(int i, std::string_view text) {
    int rc = sqlite3_bind_text(s_, i, text.data(), int(text.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) fail(db_, rc, path_, "binding a value");
    return *this;
}

statement& statement::bind_static(int i, std::string_view text) {
    int rc = sqlite3_bind_text(s_, i, text.data(), int(text.size()), SQLITE_STATIC);
    if (rc != SQLITE_OK) fail(db_, rc, path_, "binding a value");
    return *this;
}

statement& statement::bind_blob(int i, std::string_view bytes) {
    int rc = sqlite3_bind_blob(s_, i, bytes.data(), int(bytes.size()), SQLITE_STATIC);
    if (rc != SQLITE_OK) fail(db_, rc, path_, "binding a value");
    return *this;
}

statement& statement::bind(int i, std::int64_t v) {
    int rc = sqlite3_bind_int64(s_, i, v);
    if (rc != SQLITE_OK) fail(db_, rc, path_, "binding a value");
    return *this;
}

statement& statement::bind_null(int i) {
    int rc = sqlite3_bind_null(s_, i);
    if (rc != SQLITE_OK) fail(db_, rc, path_, "binding a value");
    return *this;
}

bool statement::step() {
    int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, rc, path_, "reading or writing the journal");
}

void statement::reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
}

std::string statement::text(int col) const {
    const unsigned char* p = sqlite3_column_text(s_, col);
    if (!p) return {};
    return std::string(reinterpret_cast<const char*>(p),
                       std::size_t(sqlite3_column_bytes(s_, col)));
}

std::int64_t statement::integer(int col) const {
    return sqlite3_column_int64(s_, col);
}

bool statement::is_null(int col) const {
    return sqlite3_column_type(s_, col) == SQLITE_NULL;
}

void exec(sqlite3* db, const std::string& path, const char* sql, std::string_view doing) {
    int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) fail(db, rc, path, doing);
}

} // namespace echeance::journal_detail
