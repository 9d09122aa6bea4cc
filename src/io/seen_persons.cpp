// The persons met by a sweep: marks sorted into runs, spilled to a temporary file, merged at the
// end; the online table of --grouped.
#include "detail/seen_persons.hpp"

#include "echeance/error.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <queue>
#include <string>
#include <string_view>

namespace echeance::detail {

namespace {

// A type, not a function: std::sort inlines it.
struct by_hash_t {
    bool operator()(const person_mark& a, const person_mark& b) const noexcept {
        return a.hash != b.hash ? a.hash < b.hash : a.line < b.line;
    }
};
constexpr by_hash_t by_hash{};

[[noreturn]] void cannot_spill() {
    throw error("echeance.io.write",
                std::string("cannot write the persons met to a temporary file: ") +
                    std::strerror(errno),
                location{"", 0, 0, ""});
}

// One run read back in blocks (from the file) or walked in memory.
class run_reader {
public:
    run_reader(const person_mark* in_memory, std::size_t size) : mem_(in_memory), left_(size) {}
    run_reader(std::FILE* f, long offset, std::size_t size)
        : file_(f), offset_(offset), left_(size) {}

    bool next(person_mark& m) {
        if (mem_ != nullptr) {
            if (left_ == 0) return false;
            m = *mem_++;
            --left_;
            return true;
        }
        if (at_ == block_.size()) {
            if (left_ == 0) return false;
            block_.resize(std::min<std::size_t>(left_, 4096));
            if (std::fseek(file_, offset_, SEEK_SET) != 0 ||
                std::fread(block_.data(), sizeof(person_mark), block_.size(), file_) !=
                    block_.size())
                throw error("echeance.io.read",
                            std::string("cannot read back the persons met from a temporary "
                                        "file: ") +
                                std::strerror(errno),
                            location{"", 0, 0, ""});
            offset_ += long(block_.size() * sizeof(person_mark));
            left_ -= block_.size();
            at_ = 0;
        }
        m = block_[at_++];
        return true;
    }

private:
    const person_mark* mem_ = nullptr;
    std::FILE* file_ = nullptr;
    long offset_ = 0;
    std::size_t left_ = 0;
    std::vector<person_mark> block_;
    std::size_t at_ = 0;
};

} // namespace

// std::sort's order, sooner: the marks are first dealt in place by the top bits of their hash
// (uniform) into about n / 1,024 buckets (American flag sort), then each bucket, which fits a
// core's first cache, dealt again by the next eight bits and its runs of a few marks sorted by
// insertion. 2^20 marks: 61.0 ms with std::sort, 18.1 ms here (tests/bench/sort_marks.cpp; with
// std::sort on each bucket instead of the second deal it was 52.0 ms against 76.5, on another VM).
void sort_by_hash(std::vector<person_mark>& a) {
    const std::size_t n = a.size();
    if (n < 4096) {
        std::sort(a.begin(), a.end(), by_hash);
        return;
    }
    int bits = 1;
    while (bits < 14 && (std::size_t(1) << (bits + 10)) < n) ++bits;
    const int shift = 64 - bits;
    const std::size_t buckets = std::size_t(1) << bits;
    std::vector<std::size_t> next(buckets + 1, 0), end(buckets, 0);
    for (const auto& m : a) ++next[(m.hash >> shift) + 1];
    for (std::size_t b = 1; b <= buckets; ++b) next[b] += next[b - 1];
    for (std::size_t b = 0; b < buckets; ++b) end[b] = next[b + 1];
    for (std::size_t b = 0; b < buckets; ++b)
        while (next[b] < end[b]) { // the mark at next[b] goes to its bucket, whose is taken on
            person_mark v = a[next[b]];
            std::size_t d = v.hash >> shift;
            while (d != b) {
                std::swap(v, a[next[d]++]);
                d = v.hash >> shift;
            }
            a[next[b]++] = v;
        }
    // Each bucket dealt again by the next eight bits (into a scratch copy), which leaves runs of
    // a few marks, each insertion sorted (std::sort for a long run: one person met many times).
    const int shift2 = shift - 8;
    std::vector<person_mark> tmp;
    std::size_t start[257];
    auto small_sort = [](person_mark* p, std::size_t m) {
        if (m > 16) {
            std::sort(p, p + m, by_hash);
            return;
        }
        for (std::size_t i = 1; i < m; ++i) {
            person_mark v = p[i];
            std::size_t j = i;
            for (; j > 0 && by_hash(v, p[j - 1]); --j) p[j] = p[j - 1];
            p[j] = v;
        }
    };
    std::size_t from = 0;
    for (std::size_t b = 0; b < buckets; ++b) {
        person_mark* p = a.data() + from;
        const std::size_t m = end[b] - from;
        from = end[b];
        if (m < 64) {
            small_sort(p, m);
            continue;
        }
        std::fill(std::begin(start), std::end(start), 0);
        for (std::size_t i = 0; i < m; ++i) ++start[((p[i].hash >> shift2) & 255) + 1];
        for (std::size_t d = 1; d <= 256; ++d) start[d] += start[d - 1];
        tmp.resize(m);
        std::size_t at[256];
        std::copy(start, start + 256, at);
        for (std::size_t i = 0; i < m; ++i) tmp[at[(p[i].hash >> shift2) & 255]++] = p[i];
        std::copy(tmp.begin(), tmp.end(), p);
        for (std::size_t d = 0; d < 256; ++d) small_sort(p + start[d], start[d + 1] - start[d]);
    }
}

std::uint64_t person_hash(const char* id, std::size_t size) noexcept {
    return std::uint64_t(std::hash<std::string_view>{}(std::string_view(id, size))) | 1u;
}

mark_runs::mark_runs(std::size_t budget) : budget_(std::max<std::size_t>(budget, 1)) {}

mark_runs::~mark_runs() {
    if (file_ != nullptr) std::fclose(file_);
}

mark_runs::mark_runs(mark_runs&& o) noexcept
    : budget_(o.budget_), buffer_(std::move(o.buffer_)), sorted_(o.sorted_),
      runs_(std::move(o.runs_)), file_(o.file_), spilled_(o.spilled_) {
    o.file_ = nullptr;
    o.spilled_ = 0;
}

void mark_runs::sort() {
    if (!sorted_) sort_by_hash(buffer_);
    sorted_ = true;
}

void mark_runs::spill() {
    if (buffer_.empty()) return;
    if (file_ == nullptr && (file_ = std::tmpfile()) == nullptr) cannot_spill();
    sort();
    if (std::fseek(file_, 0, SEEK_END) != 0) cannot_spill();
    long at = std::ftell(file_);
    if (at < 0 ||
        std::fwrite(buffer_.data(), sizeof(person_mark), buffer_.size(), file_) != buffer_.size())
        cannot_spill();
    if (std::fflush(file_) != 0) cannot_spill();
    runs_.push_back({at, buffer_.size()});
    spilled_ += buffer_.size();
    buffer_.clear();
}

std::vector<mark_runs::repeat> mark_runs::repeats(std::vector<mark_runs*> all, std::size_t most,
                                                  std::size_t& count) {
    for (mark_runs* r : all) r->sort();
    count = 0;
    // The `most` repeats of lowest `again` (a max-heap on it), when the caller wants them.
    auto later = [](const repeat& a, const repeat& b) { return a.again < b.again; };
    std::priority_queue<repeat, std::vector<repeat>, decltype(later)> kept(later);
    auto found = [&](std::size_t first, std::size_t again, std::uint64_t hash) {
        ++count;
        if (most == 0) return;
        kept.push({first, again, hash});
        if (kept.size() > most) kept.pop();
    };
    // Marks in the merged order: neighbours of one hash are a person met again.
    person_mark prev;
    std::size_t first = 0;
    bool have = false;
    auto visit = [&](const person_mark& m) { // false: stop
        if (have && m.hash == prev.hash) {
            found(first, m.line, m.hash);
            if (most == 0) return false;
        } else {
            first = m.line;
        }
        prev = m;
        have = true;
        return true;
    };
    bool in_memory = true;
    for (mark_runs* r : all) in_memory = in_memory && r->runs_.empty();
    if (in_memory) { // a few runs (one per range): the least head found by a scan, not a heap
        struct span {
            const person_mark *at, *end;
        };
        std::vector<span> spans;
        for (mark_runs* r : all)
            if (!r->buffer_.empty())
                spans.push_back({r->buffer_.data(), r->buffer_.data() + r->buffer_.size()});
        while (!spans.empty()) {
            std::size_t best = 0;
            for (std::size_t i = 1; i < spans.size(); ++i)
                if (by_hash(*spans[i].at, *spans[best].at)) best = i;
            if (!visit(*spans[best].at++)) break;
            if (spans[best].at == spans[best].end)
                spans.erase(spans.begin() + std::ptrdiff_t(best));
        }
    } else { // runs in a file too: read back in blocks, merged through a heap
        std::vector<run_reader> readers;
        for (mark_runs* r : all) {
            if (!r->buffer_.empty()) readers.emplace_back(r->buffer_.data(), r->buffer_.size());
            for (const run& s : r->runs_) readers.emplace_back(r->file_, s.offset, s.size);
        }
        using head = std::pair<person_mark, std::size_t>; // a run's next mark, the run
        auto after = [](const head& a, const head& b) { return by_hash(b.first, a.first); };
        std::priority_queue<head, std::vector<head>, decltype(after)> heads(after);
        for (std::size_t i = 0; i < readers.size(); ++i) {
            person_mark m;
            if (readers[i].next(m)) heads.push({m, i});
        }
        while (!heads.empty()) {
            head h = heads.top();
            heads.pop();
            if (!visit(h.first)) break;
            person_mark m;
            if (readers[h.second].next(m)) heads.push({m, h.second});
        }
    }
    std::vector<repeat> out;
    while (!kept.empty()) {
        out.push_back(kept.top());
        kept.pop();
    }
    std::reverse(out.begin(), out.end());
    return out;
}

namespace {
// Slots for `n` marks at most half full: a power of two, so that a probe is a mask.
std::size_t slots_for(std::size_t n) {
    std::size_t s = 2;
    while (s < 2 * n) s *= 2;
    return s;
}

// The home slot of `h`: not its lowest bit, which is always 1.
std::size_t home(std::uint64_t h, std::size_t mask) noexcept {
    return std::size_t(h >> 1) & mask;
}
} // namespace

seen_persons::seen_persons(std::size_t budget, std::size_t recent)
    : recent_(std::max<std::size_t>(std::min(budget, recent), 1)), current_(slots_for(recent_)),
      before_(slots_for(recent_)), runs_(std::max<std::size_t>(budget, 1)) {}

// The line of `h` in the table `t`, 0 when absent.
std::size_t seen_persons::find(const std::vector<person_mark>& t, std::uint64_t h) noexcept {
    std::size_t mask = t.size() - 1;
    for (std::size_t s = home(h, mask); t[s].hash != 0; s = (s + 1) & mask)
        if (t[s].hash == h) return t[s].line;
    return 0;
}

std::size_t seen_persons::insert(std::uint64_t h, std::size_t line) {
    if (std::size_t at = find(current_, h)) return at;
    if (before_used_)
        if (std::size_t at = find(before_, h)) return at;
    runs_.add({h, line});
    if (count_ >= recent_) { // a new generation; the one before the last is forgotten
        forgot_ = forgot_ || before_used_;
        before_used_ = true;
        current_.swap(before_);
        std::fill(current_.begin(), current_.end(), person_mark());
        count_ = 0;
    }
    std::size_t mask = current_.size() - 1;
    std::size_t s = home(h, mask);
    while (current_[s].hash != 0) s = (s + 1) & mask;
    current_[s] = {h, line};
    ++count_;
    return 0;
}

std::vector<mark_runs::repeat> seen_persons::repeats(std::size_t most, std::size_t& count) {
    count = 0;
    if (!forgot_) return {}; // every person met is in the tables: each repeat was caught online
    // Repeats caught online were not marked again: those left are the ones the tables forgot.
    return mark_runs::repeats({&runs_}, most, count);
}

} // namespace echeance::detail
