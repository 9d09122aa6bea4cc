// The journal: a crash-safe SQLite record of every act, receipts a holder can show, and the
// daily apply that never acts twice. Schema, canonical form and hashes: docs/journal.md.
// Built with the CMake option ECHEANCE_JOURNAL (defines ECHEANCE_HAS_JOURNAL).
#pragma once

#include "echeance/calendar.hpp"
#include "echeance/date.hpp"
#include "echeance/error.hpp"
#include "echeance/io/history.hpp"
#include "echeance/ruleset.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace echeance {

// Proof that one act was stored: printed only after its transaction committed.
struct journal_receipt {
    std::int64_t entry = 0; // journal sequence number, from 1
    std::string kind;       // "event" (appended) or "automatic" (recorded by apply)
    std::string person;     // as outputs print it: "NIR-masked" for a NIR
    std::string stored_at;  // UTC, "YYYY-MM-DDTHH:MM:SS.mmmZ"
    std::string hash;       // SHA-256 of the entry's canonical form, lowercase hex
    std::string chain;      // SHA-256(previous chain hash || hash), lowercase hex
};

// One JSON object on one line (with '\n'): entry, kind, person, stored_at, hash, chain.
std::string to_json_line(const journal_receipt& r);
// The receipt on one line of a receipt file; throws "echeance.journal.receipt" (column 1).
journal_receipt parse_receipt(std::string_view line);

struct journal_options {
    // The operator's key for the keyed hash (HMAC-SHA-256) of NIR-like person ids. Empty: a
    // line whose person id is or holds a NIR is refused (echeance.journal.no_key).
    std::string key;
    std::chrono::milliseconds busy_timeout{10000}; // wait for another writer, then
                                                   // echeance.journal.busy
    std::string now; // fixed "stored_at" (reproducible tests); empty: the system clock
};

struct journal_append_result {
    std::vector<journal_receipt> receipts; // entries newly stored, in journal order
    std::vector<error> errors;  // bad lines, in input order; when any, nothing was stored
    std::size_t events = 0;     // events read
    std::size_t duplicates = 0; // already in the journal, or earlier in the same batch
};

struct journal_verify_result {
    std::int64_t entries = 0;          // entries read
    std::optional<error> problem;      // the first altered, removed, inserted or reordered one
    std::vector<error> receipt_errors; // receipts that the journal does not prove
    std::size_t receipts = 0;          // receipts checked
    bool ok() const noexcept { return !problem && receipt_errors.empty(); }
};

struct journal_apply_result {
    std::int64_t run = 0;      // the apply run's number (table applies)
    std::size_t persons = 0;   // persons replayed
    std::size_t recorded = 0;  // automatic events newly recorded
    std::size_t already = 0;   // due automatic events recorded by an earlier run
    std::vector<error> errors; // stored events the parser refuses (then nothing is applied)
};

// A journal file. Every method throws echeance::error "echeance.journal.*" when the file is not
// a journal, is corrupt, is locked past the busy timeout, or cannot be written.
class journal {
public:
    static constexpr int schema_version = 1;
    enum class mode { open, create }; // create: a missing (or empty) file becomes a new journal

    journal(const std::string& path, mode m, journal_options options = {});
    ~journal();
    journal(journal&&) noexcept;
    journal& operator=(journal&&) noexcept;

    // One batch: every line is read and checked first; a bad line rejects the whole batch
    // (nothing of it is stored). Then the new events are stored in one transaction; events
    // already stored are skipped (idempotent). `rules` only resolves names and the default
    // territory (an event unknown to it is stored: the replay rejects it, as from a file).
    journal_append_result append(std::string_view text, const std::string& file_name,
                                 const ruleset& rules, const calendar& cal,
                                 history_parser::format f = history_parser::format::detect);

    // Recomputes every hash and the chain; then checks each receipt line of each (name, text).
    journal_verify_result
    verify(const std::vector<std::pair<std::string, std::string>>& receipt_files = {});

    // The stored events (not the automatic ones) as a history file: the n-th stored event is
    // line n; NIR persons shown as "NIR-masked-<k>" in order of first appearance. Errors name
    // "<journal>:entry N" positions.
    history_file events(const ruleset& rules, const calendar& cal);

    // Records every automatic event due by `as_of` (entered on or before it) not yet recorded,
    // persons_per_transaction persons per transaction; on_commit gets the receipts of each
    // transaction after it committed. The run (as_of, rule set id, SHA-256 and version in force)
    // is a row of table applies, and each automatic entry names it.
    journal_apply_result
    apply(const ruleset& rules, const calendar& cal, year_month_day as_of,
          const std::function<void(const std::vector<journal_receipt>&)>& on_commit = {},
          std::size_t persons_per_transaction = 1000);

    std::int64_t entries(); // entries stored
    const std::string& path() const noexcept;

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

// The key from a key file (its bytes, a final newline dropped), or, when `file` is empty, from
// the environment variable ECHEANCE_JOURNAL_KEY. Empty when neither is given. Throws
// "echeance.journal.key" for an unreadable or empty key file.
std::string journal_key(const std::string& file);

} // namespace echeance
