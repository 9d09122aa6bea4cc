// The sweep: every person of a history file replayed and reported in one streamed pass, on every
// core, with the output byte for byte that of one thread. What `echeance replay` runs; the C API
// and the Python module read whole texts through render_replays() (report.hpp) instead.
#pragma once

#include "echeance/calendar.hpp"
#include "echeance/engine.hpp"
#include "echeance/error.hpp"
#include "echeance/io/history.hpp"
#include "echeance/io/report.hpp"
#include "echeance/ruleset.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace echeance {

struct sweep_options {
    history_parser::format format = history_parser::format::detect;
    // Worker threads that replay and render; 0: one per core. The output does not depend on it.
    unsigned threads = 0;
    // Streaming only: each person's lines must be consecutive. A person whose lines come back
    // after another person's is an error (echeance.history.regrouped, naming both lines) and
    // those lines are skipped. Without it, such an input is still read correctly (see sweep()).
    bool grouped = false;
    // Bytes of input per chunk, cut on the next person boundary: the unit of work of a thread.
    // Tests make it tiny to put boundaries everywhere; the default suits a sweep.
    std::size_t chunk_bytes = std::size_t(512) << 10;
    // Persons whose first line is held in memory to recognise one who comes back (16 bytes
    // each); beyond, they go to a temporary file. Tests make it tiny; with --grouped, a person
    // who comes back after more than 4,096 others (or this many, if fewer) is found at the end
    // of the input (see sweep_file()).
    std::size_t persons_in_memory = std::size_t(1) << 20;
    // Not --grouped: the returns (a range of a person's lines after another person's) held, three
    // offsets each, to read each such person's lines where they first appear; with more, the
    // input is read whole. Tests make it 0 to read whole.
    std::size_t returns_in_memory = std::size_t(1) << 16;
};

struct sweep_stats {
    std::size_t persons = 0; // persons reported
    std::size_t errors = 0;  // errors passed to on_error
    std::size_t lines = 0;   // lines read
    bool regrouped = false;  // not grouped: persons gathered (not --grouped)
};

// What the sweep does with each person: a copy (clone(), from any thread) per chunk of persons,
// fed in input order. begin() and end() are called once, on the one given.
class sweep_reporter {
public:
    virtual ~sweep_reporter() = default;
    virtual std::unique_ptr<sweep_reporter> clone() const = 0;
    virtual void begin(std::string& out) = 0;
    // `person` is the id to print (already masked).
    virtual void add(const history& h, std::string_view person, std::string& out) = 0;
    virtual void end(std::string& out) = 0;
    // Written between two persons' outputs rendered by two copies (text: a blank line).
    virtual std::string_view between() const { return {}; }
};

// The replay report of each person (report.hpp) as of `options`.
std::unique_ptr<sweep_reporter> replay_reporter(const ruleset& rules, const calendar& cal,
                                                const replay_options& options,
                                                const replay_report& report);

// Called in input order from the calling thread: write(text) with the report as it grows,
// on_error(e) for each bad line (file:line:col).
using sweep_writer = std::function<void(std::string_view)>;
using sweep_error_sink = std::function<void(const error&)>;

// Reports every person of the history file `path` ("-": standard input) through `reporter`:
// begin, one add per person in order of first appearance, end; with replay_reporter(), exactly
// what render_replays() over parse_history() of the whole file writes.
// A regular file is mapped in memory and read in chunks that end on a person boundary; a pipe is
// read in blocks with `grouped`, else spooled to a temporary file first. Unless `grouped`, the
// persons' boundaries are scanned before any output (a cheap pass over the person ids, by byte
// ranges on every thread, reading a file with pread rather than through its mapping): when a
// person's lines are not consecutive, a pass more finds the ranges of lines of each person who
// comes back, and each such person's ranges are read together where the whole-file reader first
// takes one of their lines (their errors held, to be given in the order of their lines); with
// more than returns_in_memory such ranges, the file is read whole and persons gathered, as before
// (memory then grows with the file). Memory otherwise holds the largest person, a few chunks per
// thread, and persons_in_memory persons met (16 bytes each; the others in a temporary file, 16
// bytes each): bounded whatever the number of persons. With `grouped`, a person who comes back
// after fewer than 4,096 others (the persons met last, in two tables that stay in a core's cache)
// is an error and skipped at once; after more, the error comes at the end of the input (naming both
// lines) and their lines were reported as another person. Throws echeance.history.open when the
// file cannot be read.
sweep_stats sweep_file(const std::string& path, const std::string& shown_name, const ruleset& rules,
                       const calendar& cal, sweep_reporter& reporter, const sweep_options& how,
                       const sweep_writer& write, const sweep_error_sink& on_error);

// The same over a text in memory (its name for messages: `file`).
sweep_stats sweep_text(std::string_view text, const std::string& file, const ruleset& rules,
                       const calendar& cal, sweep_reporter& reporter, const sweep_options& how,
                       const sweep_writer& write, const sweep_error_sink& on_error);

} // namespace echeance
