// The persons a sweep has met, in bounded memory: a 64-bit hash of each id with the line it was
// first met, kept in memory up to a budget and beyond it in sorted runs in a temporary file, all
// merged at the end to find a person who came back.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <utility>
#include <vector>

namespace echeance::detail {

// Two ids share a hash with probability n^2/2^65: 3e-8 for 10^6 persons, 3e-6 for 10^7. Then,
// without --grouped both are taken as persons who come back and regrouped by their exact ids (the
// same answer, one pass more); with it, one false error.
std::uint64_t person_hash(const char* id, std::size_t size) noexcept;

struct person_mark {
    std::uint64_t hash = 0; // odd: 0 marks an empty slot of seen_persons
    std::size_t line = 0;   // where the person was met
};

// Sorts by hash, then line: the order std::sort gives, sooner (src/io/seen_persons.cpp).
void sort_by_hash(std::vector<person_mark>& marks);

// Marks in sorted runs: the last in memory (at most `budget` marks), the others spilled to a
// temporary file as they fill.
class mark_runs {
public:
    explicit mark_runs(std::size_t budget);
    ~mark_runs();
    mark_runs(mark_runs&& o) noexcept;
    mark_runs& operator=(mark_runs&&) = delete;
    mark_runs(const mark_runs&) = delete;

    void add(person_mark m) {
        // The budget at once (up to 2^20 marks, the default): no copy as the buffer grows, and
        // pages are resident only once written.
        if (buffer_.capacity() == 0) buffer_.reserve(std::min<std::size_t>(budget_, 1U << 20));
        buffer_.push_back(m);
        sorted_ = false;
        if (buffer_.size() >= budget_) spill();
    }
    // Sorts the marks in memory now (on the thread that scanned them), not in repeats().
    void sort();
    // Sorts the marks in memory and writes them out as one run.
    void spill();
    std::size_t size() const noexcept { return spilled_ + buffer_.size(); }

    struct repeat {
        std::size_t first = 0, again = 0; // a person met on line `first`, met again on `again`
        std::uint64_t hash = 0;           // the person's (person_hash)
    };
    // Every mark whose hash an earlier mark (a lower line) of any of `all` has, by line `again`;
    // at most `most` of them, and their number in `count`.
    static std::vector<repeat> repeats(std::vector<mark_runs*> all, std::size_t most,
                                       std::size_t& count);

private:
    struct run {
        long offset = 0; // in file_
        std::size_t size = 0;
    };
    std::size_t budget_;
    std::vector<person_mark> buffer_;
    bool sorted_ = true;
    std::vector<run> runs_;
    std::FILE* file_ = nullptr;
    std::size_t spilled_ = 0;
};

// The online check of --grouped: the persons met most recently in two small hash tables (the
// current generation and the one before, `recent` persons each, so that they stay in a core's
// cache), and every person met in sorted runs. A person who comes back after fewer than `recent`
// others is recognised online; one who comes back later is found by repeats() at the end.
class seen_persons {
public:
    // `budget`: the marks held in memory before a run is spilled (also the most `recent`).
    explicit seen_persons(std::size_t budget, std::size_t recent = std::size_t(1) << 12);
    // Records `h` first met on `line`; returns the line it was first met when met before in the
    // tables, else 0.
    std::size_t insert(std::uint64_t h, std::size_t line);
    // The repeats that insert() could not see: mark_runs::repeats() over every person met.
    std::vector<mark_runs::repeat> repeats(std::size_t most, std::size_t& count);

private:
    static std::size_t find(const std::vector<person_mark>& t, std::uint64_t h) noexcept;
    std::size_t recent_;
    std::vector<person_mark> current_, before_;
    std::size_t count_ = 0;    // in current_
    bool before_used_ = false; // before_ holds the generation before
    bool forgot_ = false;      // a generation was dropped: repeats() has work
    mark_runs runs_;
};

} // namespace echeance::detail
