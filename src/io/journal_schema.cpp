// The journal file: opening, the schema (created once, versioned), the head row, the key.
#include "journal_db.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <sys/stat.h>

namespace echeance::journal_detail {

namespace {

constexpr const char* schema_sql = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE applies(
  run INTEGER PRIMARY KEY,
  as_of TEXT NOT NULL,
  rules TEXT NOT NULL,
  rules_sha256 TEXT NOT NULL,
  version TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  recorded INTEGER NOT NULL DEFAULT 0);
CREATE TABLE entries(
  entry INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  person TEXT NOT NULL,
  dedup BLOB NOT NULL UNIQUE,
  stored_at TEXT NOT NULL,
  canonical TEXT NOT NULL,
  hash TEXT NOT NULL,
  chain TEXT NOT NULL,
  run INTEGER);
)sql";

constexpr const char* format_name = "echeance-journal";

bool has_table(db_handle& h, const char* name) {
    statement s(h.db, h.path, "SELECT 1 FROM sqlite_schema WHERE type='table' AND name=?");
    s.bind(1, std::string_view(name));
    return s.step();
}

std::optional<std::string> meta(db_handle& h, std::string_view key) {
    statement s(h.db, h.path, "SELECT value FROM meta WHERE key=?");
    s.bind(1, key);
    if (!s.step()) return std::nullopt;
    return s.text(0);
}

error not_a_journal(const std::string& path, const std::string& why) {
    return error("echeance.journal.not_a_journal",
                 "not a journal: " + why + " (create one with echeance journal append)",
                 location{path, 0, 0, ""});
}

void create_schema(db_handle& h) {
    in_transaction(h, [&] {
        if (has_table(h, "meta")) return; // another process created it first
        statement any(h.db, h.path, "SELECT 1 FROM sqlite_schema");
        if (any.step()) throw not_a_journal(h.path, "an SQLite database with other tables");
        exec(h.db, h.path, schema_sql, "creating the journal");
        statement put(h.db, h.path, "INSERT INTO meta(key, value) VALUES(?, ?)");
        for (auto [k, v] : {std::pair<std::string, std::string>{"format", format_name},
                            {"schema_version", std::to_string(journal::schema_version)},
                            {"head", "0:" + genesis_chain()}}) {
            put.bind(1, k).bind(2, v);
            put.step();
            put.reset();
        }
    });
}

} // namespace

void open_journal(db_handle& h, journal::mode m) {
    struct stat st {};
    bool exists = ::stat(h.path.c_str(), &st) == 0;
    if (!exists && m == journal::mode::open)
        throw error("echeance.journal.open",
                    fmt::format("no journal at this path: {}", std::strerror(errno)),
                    location{h.path, 0, 0, ""});
    if (exists && S_ISDIR(st.st_mode))
        throw error("echeance.journal.open", "is a directory, not a journal file",
                    location{h.path, 0, 0, ""});
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
                (m == journal::mode::create ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(h.path.c_str(), &h.db, flags, nullptr);
    if (rc != SQLITE_OK) fail(h.db, rc, h.path, "opening the journal");
    sqlite3_extended_result_codes(h.db, 0);
    sqlite3_busy_timeout(h.db, int(h.options.busy_timeout.count()));
    // WAL: readers never block the writer; FULL: a committed batch survives a power cut.
    exec(h.db, h.path, "PRAGMA journal_mode=WAL", "opening the journal");
    exec(h.db, h.path, "PRAGMA synchronous=FULL", "opening the journal");
    // 64 MiB of page cache (SQLite's default is 2 MiB): the dedup index is written at random
    // places, and its pages re-read from the OS on every insert cost more than the insert.
    exec(h.db, h.path, "PRAGMA cache_size=-65536", "opening the journal");
    if (!has_table(h, "meta")) {
        statement any(h.db, h.path, "SELECT 1 FROM sqlite_schema");
        if (m == journal::mode::create && !any.step())
            create_schema(h);
        else
            throw not_a_journal(h.path, "an SQLite database without the journal's meta table");
    }
    auto f = meta(h, "format");
    if (!f || *f != format_name)
        throw not_a_journal(h.path, "its meta table does not name the format echeance-journal");
    auto v = meta(h, "schema_version");
    int version = 0;
    if (v) version = std::atoi(v->c_str());
    if (version > journal::schema_version)
        throw error("echeance.journal.newer_schema",
                    fmt::format("the journal has schema version {}, newer than this echeance "
                                "reads ({}): use a newer echeance",
                                *v, journal::schema_version),
                    location{h.path, 0, 0, ""});
    if (version < 1 || !has_table(h, "entries") || !has_table(h, "applies"))
        throw error("echeance.journal.corrupt",
                    "the journal's schema is incomplete (schema version row or tables missing)",
                    location{h.path, 0, 0, ""});
}

head read_head(db_handle& h) {
    head out{0, genesis_chain()};
    statement s(h.db, h.path, "SELECT entry, chain FROM entries ORDER BY entry DESC LIMIT 1");
    if (s.step()) {
        out.entry = s.integer(0);
        out.chain = s.text(1);
    }
    return out;
}

void write_head(db_handle& h, const head& last) {
    statement s(h.db, h.path, "UPDATE meta SET value=? WHERE key='head'");
    s.bind(1, std::to_string(last.entry) + ":" + last.chain);
    s.step();
}

} // namespace echeance::journal_detail

namespace echeance {

journal::journal(const std::string& path, mode m, journal_options options)
    : impl_(std::make_unique<impl>()) {
    impl_->path = path;
    impl_->options = std::move(options);
    journal_detail::open_journal(*impl_, m);
}

journal::~journal() = default;
journal::journal(journal&&) noexcept = default;
journal& journal::operator=(journal&&) noexcept = default;

const std::string& journal::path() const noexcept {
    return impl_->path;
}

std::int64_t journal::entries() {
    journal_detail::statement s(impl_->db, impl_->path, "SELECT count(*) FROM entries");
    s.step();
    return s.integer(0);
}

std::string journal_key(const std::string& file) {
    auto short_key = [](std::size_t n, const char* where) {
        return error("echeance.journal.key",
                     fmt::format("the key holds {} bytes; a key needs at least 16 (e.g. 32 random "
                                 "bytes: head -c 32 /dev/urandom | base64)",
                                 n),
                     location{"", 0, 0, where});
    };
    if (file.empty()) {
        const char* env = std::getenv("ECHEANCE_JOURNAL_KEY");
        std::string key = env ? std::string(env) : std::string();
        if (!key.empty() && key.size() < 16) throw short_key(key.size(), "ECHEANCE_JOURNAL_KEY");
        return key;
    }
    std::FILE* in = std::fopen(file.c_str(), "rb");
    if (!in)
        throw error("echeance.journal.key",
                    fmt::format("cannot read the key file: {}", std::strerror(errno)),
                    location{"", 0, 0, "--key-file"});
    std::string key;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, in)) > 0) key.append(buf, n);
    bool bad = std::ferror(in);
    std::fclose(in);
    if (bad)
        throw error("echeance.journal.key", "cannot read the key file",
                    location{"", 0, 0, "--key-file"});
    while (!key.empty() && (key.back() == '\n' || key.back() == '\r')) key.pop_back();
    if (key.size() < 16) throw short_key(key.size(), "--key-file");
    return key;
}

} // namespace echeance
