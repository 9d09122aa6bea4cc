// Internals of the journal shared by its source files: a thin SQLite wrapper whose failures are
// echeance errors, the hashes, and the canonical form of entries (docs/journal.md).
#pragma once

#include "echeance/io/journal.hpp"

#include <sqlite3.h>
#include <string>
#include <string_view>
#include <vector>

namespace echeance::journal_detail {

// Throws the echeance error for an SQLite result code (busy, corrupt, not a database, ...).
[[noreturn]] void fail(sqlite3* db, int rc, const std::string& path, std::string_view doing);

class statement {
public:
    statement(sqlite3* db, const std::string& path, std::string_view sql);
    ~statement();
    statement(const statement&) = delete;
    statement& operator=(const statement&) = delete;

    statement& bind(int i, std::string_view text);
    // Not copied: `text` must live until the next bind or reset.
    statement& bind_static(int i, std::string_view text);
    statement& bind_blob(int i, std::string_view bytes); // not copied either
    statement& bind(int i, std::int64_t v);
    statement& bind_null(int i);
    bool step(); // true: a row; false: done
    void reset();
    std::string text(int col) const;
    std::int64_t integer(int col) const;
    bool is_null(int col) const;

private:
    sqlite3* db_;
    const std::string& path_;
    sqlite3_stmt* s_ = nullptr;
};

void exec(sqlite3* db, const std::string& path, const char* sql,
          std::string_view doing = "writing the journal");

// Hashes, lowercase hex.
std::string hex(const unsigned char* p, std::size_t n);
bool unhex(std::string_view s, unsigned char* out, std::size_t n); // false: not n bytes of hex
void sha256(std::string_view data, unsigned char* out);            // 32 bytes
std::string sha256_bytes(std::string_view data);                   // the 32 bytes
std::string sha256_hex(std::string_view data);
std::string hmac_sha256_hex(std::string_view key, std::string_view data);
// SHA-256 over the 32 bytes of `previous` then the 32 bytes of `hash` (both hex).
std::string chain_hex(std::string_view previous, std::string_view hash);
// chain_0: SHA-256 of the empty string.
const std::string& genesis_chain();

// A JSON string literal (UTF-8 kept, control characters escaped).
void append_json_string(std::string& out, std::string_view s);

// Now in UTC, "YYYY-MM-DDTHH:MM:SS.mmmZ"; `fixed` when set.
std::string stored_at_now(const std::string& fixed);

// The canonical form of an entry: {"entry":N,"stored_at":"...","kind":"...","<kind>":BODY}.
void canonical_entry(std::string& out, std::int64_t entry, std::string_view stored_at,
                     std::string_view kind, std::string_view body);

// The shown person of a receipt.
std::string receipt_person(std::string_view person_key, bool nir);

// The state shared by the journal's source files.
struct db_handle {
    sqlite3* db = nullptr;
    std::string path;
    journal_options options;
};

struct head {
    std::int64_t entry = 0;
    std::string chain;
};
head read_head(db_handle& h);                    // last entry and its chain
void write_head(db_handle& h, const head& last); // meta row "head"

// Runs `body` in BEGIN IMMEDIATE ... COMMIT; rolls back when it throws.
template <class F>
void in_transaction(db_handle& h, F&& body) {
    exec(h.db, h.path, "BEGIN IMMEDIATE");
    try {
        body();
        exec(h.db, h.path, "COMMIT");
    } catch (...) {
        sqlite3_exec(h.db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

// Opens (and creates, in mode create) the file, checks format and schema version.
void open_journal(db_handle& h, journal::mode m);

// One stored entry being inserted.
struct new_entry {
    std::string kind;   // "event" or "automatic"
    std::string person; // person key
    bool nir = false;
    std::string dedup;    // SHA-256 of the act's identity, 32 bytes
    std::string body;     // JSON object of the act
    std::int64_t run = 0; // apply run (automatic)
};

// Inside a transaction: skips an entry whose dedup is stored, else stores it after `last`.
// Returns true when stored (then `receipt` is filled and `last` moves on). One prepared
// statement for every entry; the dedup index is looked up once, by the insert itself.
class inserter {
public:
    explicit inserter(db_handle& h);
    bool insert(const new_entry& e, const std::string& stored_at, head& last,
                journal_receipt& receipt);

private:
    db_handle& h_;
    statement add_;
    std::string canonical_;        // reused
    unsigned char previous_[32]{}; // the raw bytes of last.chain
    std::string previous_hex_;     // which last.chain previous_ holds
    bool previous_raw_ = false;    // last.chain is 32 bytes of hex
};

// Inside a transaction: every entry not yet stored, after the head, then the head row; the
// receipts of those stored replace `receipts`.
void store(db_handle& h, const std::vector<new_entry>& entries,
           std::vector<journal_receipt>& receipts);

} // namespace echeance::journal_detail

namespace echeance {
struct journal::impl : journal_detail::db_handle {
    impl() = default;
    impl(const impl&) = delete;
    impl& operator=(const impl&) = delete;
    ~impl() {
        if (db) sqlite3_close_v2(db);
    }
};
} // namespace echeance
