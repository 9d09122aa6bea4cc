// The sweep: split into chunks of whole persons (sweep_split.cpp), each chunk parsed, replayed and
// rendered by a worker, the chunks written in input order by the calling thread.
#include "echeance/io/sweep.hpp"

#include "detail/mapped_file.hpp"
#include "detail/sweep_split.hpp"
#include "detail/text_lines.hpp"
#include "echeance/io/lines.hpp"
#include "echeance/io/nir.hpp"

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <exception>
#include <fcntl.h>
#include <fmt/format.h>
#include <memory>
#include <mutex>
#include <thread>
#include <unistd.h>
#include <unordered_map>

namespace echeance {

namespace {

struct work {
    detail::split_chunk in;
    std::size_t index = 0;
    std::string input; // the chunk's bytes read from the file (pread), when not owned
    std::string out;
    std::vector<error> errors;
    std::size_t persons = 0;
    std::exception_ptr failed; // thrown by a worker, rethrown by the writer
    bool chained = false;      // its place in the NIR numbering is taken
    bool done = false;
};

[[noreturn]] void cannot_read(const std::string& file) {
    throw error("echeance.io.read", fmt::format("cannot read {}: {}", file, std::strerror(errno)),
                location{file, 0, 0, ""});
}

struct context {
    const ruleset& rules;
    const calendar& cal;
    sweep_reporter& reporter;
    std::string file;
    std::string_view text;                       // the mapped input, for chunks of offsets
    const detail::mapped_file* mapped = nullptr; // its file, read with pread when there is one
    history_parser::format format = history_parser::format::detect;
    std::string header; // CSV
    std::size_t header_line = 0;
    // NIR-masked ids are numbered in order of first appearance over the whole input: each
    // chunk takes its first number once the chunk before it has counted its own.
    std::mutex chain_mutex;
    std::condition_variable chain_cv;
    std::size_t chain_next = 0;
    std::size_t nirs = 0;

    // n bytes at `at` in the file into `out`, with pread (the mapping is left untouched).
    void read(std::size_t at, char* out, std::size_t n) const {
        if (!mapped->read(at, out, n)) cannot_read(file);
    }
    // The lines of a regrouped chunk's range: read into `buffer` from a file, else a view.
    std::string_view part_text(const detail::split_chunk::part& part, std::string& buffer) const {
        if (mapped == nullptr) return text.substr(part.begin, part.end - part.begin);
        buffer.resize(part.end - part.begin);
        if (!buffer.empty()) read(part.begin, &buffer[0], buffer.size());
        return buffer;
    }
};

using detail::for_each_text_line;

// This thread's last chunk: its number of persons sizes the next chunk's parser, its lists are
// lent to it. Kept per thread, as lists freed on another thread's heap made --threads 2 slower
// (user 1.34 s -> 1.56 s).
thread_local history_file spent_chunk;

// One chunk, with a fresh copy of the reporter (a report counts its persons from the chunk's
// first).
void process(context& c, work& w) {
    history_parser p(c.rules, c.cal, c.file, c.format);
    // The persons of this thread's last chunk and an eighth more: chunks are of a size.
    if (std::size_t last = spent_chunk.persons.size(); last != 0) p.expect_persons(last + last / 8);
    p.recycle(std::move(spent_chunk));
    bool fed_header = c.header_line != 0 && w.in.first_line > c.header_line;
    if (fed_header) p.add_line(c.header, c.header_line);
    auto feed = [&](std::string_view text, std::size_t first_line) {
        for_each_text_line(text, first_line,
                           [&](std::string_view line, std::size_t no, std::size_t, std::size_t) {
                               p.add_line(line, no);
                               return true;
                           });
    };
    if (w.in.is_owned)
        feed(w.in.owned, w.in.first_line);
    else if (w.in.parts.empty()) // a copy from the page cache: no page of the mapping touched
        feed(c.part_text({w.in.begin, w.in.end, w.in.first_line}, w.input), w.in.first_line);
    else // regrouped: each range in turn
        for (const auto& part : w.in.parts) feed(c.part_text(part, w.input), part.first_line);
    history_file f = p.finish();
    if (fed_header) // reported once, by the chunk that holds the header
        f.errors.erase(
            std::remove_if(f.errors.begin(), f.errors.end(),
                           [&](const error& e) { return e.where().line == c.header_line; }),
            f.errors.end());
    // A masked person is one whose shown id is not their id (must_mask() once, by the parser).
    auto masked = [&](std::size_t i) { return f.shown_ids[i] != f.persons[i].person; };
    std::size_t local = 0;
    for (std::size_t i = 0; i < f.persons.size(); ++i) local += masked(i) ? 1 : 0;
    std::size_t base = 0;
    {
        std::unique_lock<std::mutex> lock(c.chain_mutex);
        c.chain_cv.wait(lock, [&] { return c.chain_next == w.index; });
        base = c.nirs;
        c.nirs += local;
        ++c.chain_next;
        w.chained = true;
    }
    c.chain_cv.notify_all();
    if (local != 0 && base != 0) {
        std::size_t k = base;
        for (std::size_t i = 0; i < f.persons.size(); ++i)
            if (masked(i)) f.shown_ids[i] = mask_person(f.persons[i].person, ++k);
    }
    w.out.clear();
    std::unique_ptr<sweep_reporter> reporter = c.reporter.clone();
    for (std::size_t i = 0; i < f.persons.size(); ++i)
        reporter->add(f.persons[i], f.shown_ids[i], w.out);
    w.persons = f.persons.size();
    w.errors = std::move(f.errors);
    spent_chunk = std::move(f);
}

// Runs the chunks on `threads` workers (inline for one) and writes them in order.
class pipeline {
public:
    pipeline(context& c, unsigned threads, const sweep_writer& write,
             const sweep_error_sink& on_error, detail::mapped_file* mapped, sweep_stats& stats)
        : c_(c), write_(write), on_error_(on_error), mapped_(mapped), stats_(stats),
          limit_(2 * std::size_t(threads) + 2) {
        if (threads > 1)
            for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { run(); });
    }
    ~pipeline() {
        stop();
        spent_chunk = history_file{}; // the calling thread's (one thread): not held past the sweep
    }

    void submit(detail::split_chunk&& in) {
        auto w = std::make_unique<work>();
        w->in = std::move(in);
        if (!spare_.empty()) { // buffers used before: their pages are mapped already
            w->out = std::move(spare_.back().out);
            w->input = std::move(spare_.back().input);
            spare_.pop_back();
        }
        w->index = next_index_++;
        if (threads_.empty()) {
            process(c_, *w);
            write(*w);
            keep(*w);
            return;
        }
        {
            std::lock_guard<std::mutex> lock(m_);
            queue_.push_back(w.get());
        }
        cv_work_.notify_one();
        inflight_.push_back(std::move(w));
        while (inflight_.size() > limit_) write_front();
    }

    void drain() {
        while (!inflight_.empty()) write_front();
    }

    void stop() {
        {
            std::lock_guard<std::mutex> lock(m_);
            stopping_ = true;
            queue_.clear(); // after an error: what is not started is dropped
        }
        cv_work_.notify_all();
        for (auto& t : threads_) t.join();
        threads_.clear();
    }

private:
    void run() {
        for (;;) {
            work* w = nullptr;
            {
                std::unique_lock<std::mutex> lock(m_);
                cv_work_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
                if (queue_.empty()) return;
                w = queue_.front();
                queue_.pop_front();
            }
            try {
                process(c_, *w);
            } catch (...) {
                w->failed = std::current_exception();
                if (!w->chained) { // the chunks after it must not wait for it
                    std::unique_lock<std::mutex> lock(c_.chain_mutex);
                    c_.chain_cv.wait(lock, [&] { return c_.chain_next == w->index; });
                    ++c_.chain_next;
                }
                c_.chain_cv.notify_all();
            }
            {
                std::lock_guard<std::mutex> lock(m_);
                w->done = true;
            }
            cv_done_.notify_all();
        }
    }

    void write_front() {
        work& w = *inflight_.front();
        {
            std::unique_lock<std::mutex> lock(m_);
            cv_done_.wait(lock, [&] { return w.done; });
        }
        write(w);
        keep(w);
        inflight_.pop_front();
    }

    void keep(work& w) { spare_.push_back({std::move(w.input), std::move(w.out)}); }

    void write(work& w) {
        if (w.failed) std::rethrow_exception(w.failed);
        for (const auto& e : w.in.before) on_error_(e);
        for (const auto& e : w.errors) on_error_(e);
        stats_.errors += w.in.before.size() + w.errors.size();
        if (w.persons != 0) {
            // Text puts a blank line between persons; a chunk's renderer starts afresh.
            if (stats_.persons != 0) write_(c_.reporter.between());
            write_(w.out);
        }
        stats_.persons += w.persons;
        if (mapped_ != nullptr && !w.in.is_owned && w.in.parts.empty()) mapped_->release(w.in.end);
    }

    context& c_;
    const sweep_writer& write_;
    const sweep_error_sink& on_error_;
    detail::mapped_file* mapped_;
    sweep_stats& stats_;
    std::size_t limit_;
    std::size_t next_index_ = 0;
    std::vector<std::thread> threads_;
    std::deque<std::unique_ptr<work>> inflight_;
    struct buffers {
        std::string input, out;
    };
    std::vector<buffers> spare_; // to reuse (main thread only)
    std::deque<work*> queue_;
    std::mutex m_;
    std::condition_variable cv_work_, cv_done_;
    bool stopping_ = false;
};

unsigned thread_count(unsigned asked) {
    if (asked != 0) return asked;
    unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : n;
}

void begin_report(sweep_reporter& reporter, const sweep_writer& write) {
    std::string s;
    reporter.begin(s);
    if (!s.empty()) write(s);
}

void end_report(sweep_reporter& reporter, const sweep_writer& write) {
    std::string s;
    reporter.end(s);
    if (!s.empty()) write(s);
}

// A text not grouped by person, read whole as before: persons gathered in order of first
// appearance.
void gather_whole(std::string_view text, context& c, const sweep_writer& write,
                  const sweep_error_sink& on_error, sweep_stats& stats) {
    history_file f = parse_history(text, c.rules, c.cal, c.file, c.format);
    for (const auto& e : f.errors) on_error(e);
    stats.errors += f.errors.size();
    stats.persons = f.persons.size();
    stats.regrouped = true;
    std::unique_ptr<sweep_reporter> reporter = c.reporter.clone();
    std::string out;
    begin_report(c.reporter, write);
    for (std::size_t i = 0; i < f.persons.size(); ++i) {
        reporter->add(f.persons[i], f.shown_ids[i], out);
        write(out);
        out.clear();
    }
    end_report(c.reporter, write);
}

// The lines [from, to) of `body` (at `bom` in the mapped text), numbered from `first`, into
// `split` a block at a time: read with pread from a file (the mapping is first touched by the
// replay), else the text itself. The number of lines.
std::size_t split_lines(const context& c, std::string_view body, std::size_t bom,
                        detail::splitter& split, std::size_t from, std::size_t to,
                        std::size_t first) {
    if (c.mapped == nullptr) return split.lines(body.substr(from, to - from), first, from + bom);
    std::size_t no = first;
    auto read = [&](std::size_t at, char* out, std::size_t n) { c.read(at + bom, out, n); };
    detail::for_each_read_block(read, from, to, std::size_t(1) << 20,
                                [&](std::string_view lines, std::size_t at) {
                                    no += split.lines(lines, no, at + bom);
                                    return true;
                                });
    return no - first;
}

void adopt_split(context& c, const detail::splitter& split) {
    if (c.format != split.format()) c.format = split.format();
    if (c.header_line == 0 && split.header_line() != 0) {
        c.header = split.header();
        c.header_line = split.header_line();
    }
}

// One pass, grouped: feed(splitter) gives it the lines; each chunk is submitted as it is cut,
// `owned` when its lines must be copied (a pipe's buffer is reused).
template <class Feed>
void stream(context& c, const sweep_options& how, bool owned, detail::mapped_file* mapped,
            const sweep_writer& write, const sweep_error_sink& on_error, sweep_stats& stats,
            Feed&& feed) {
    begin_report(c.reporter, write);
    {
        pipeline run(c, thread_count(how.threads), write, on_error, mapped, stats);
        detail::splitter* sp = nullptr;
        detail::splitter split(c.file, how.format, detail::splitter::check::online, owned,
                               how.chunk_bytes, how.persons_in_memory,
                               [&](detail::split_chunk&& k) {
                                   adopt_split(c, *sp);
                                   run.submit(std::move(k));
                               });
        sp = &split;
        feed(split);
        split.finish();
        run.drain();
    }
    end_report(c.reporter, write);
}

// The persons' boundaries of `body` (at `bom` in the mapped text) into `chunks`, in up to
// `threads` byte ranges scanned in parallel and joined where a person spans two ranges; `head`
// is the splitter of the first range (the format, the CSV header). False when a person comes
// back after another person. `trust`: lines are not checked whole (splitter::trust_lines()).
// `repeated`, when given: the hashes of the persons who come back (sorted, once each); empty when
// there are more than how.returns_in_memory of their returns.
bool scan_boundaries(std::string_view body, std::size_t bom, context& c, const sweep_options& how,
                     unsigned threads, bool trust, std::vector<detail::split_chunk>& chunks,
                     std::unique_ptr<detail::splitter>& head, sweep_stats& stats,
                     std::vector<std::uint64_t>* repeated = nullptr) {
    // Ranges of at least four chunks each: below that, threads cost more than they save.
    std::size_t ranges = std::max<std::size_t>(
        1, std::min<std::size_t>(threads,
                                 body.size() / (4 * std::max<std::size_t>(how.chunk_bytes, 1))));
    std::size_t budget = std::max<std::size_t>(how.persons_in_memory / ranges, 1);
    struct range {
        std::size_t from = 0, to = 0, lines = 0;
        std::vector<detail::split_chunk> chunks;
        std::unique_ptr<detail::splitter> split;
        std::exception_ptr failed;
    };
    std::vector<range> rs(ranges);
    auto make = [&](range& r) {
        r.split = std::make_unique<detail::splitter>(
            c.file, how.format, detail::splitter::check::marks, false, how.chunk_bytes, budget,
            [&r](detail::split_chunk&& k) { r.chunks.push_back(std::move(k)); });
        if (trust) r.split->trust_lines();
    };
    // Lines [from, to) of body, numbered from `first`, into r's splitter; pages dropped behind.
    auto scan = [&](range& r, std::size_t from, std::size_t to, std::size_t first, bool settle) {
        if (!settle) { // whole blocks to the splitter, which finds their lines
            r.lines = split_lines(c, body, bom, *r.split, from, to, first);
            return to;
        }
        std::size_t end = from;
        std::size_t last = first - 1;
        auto line = [&](std::string_view text, std::size_t no, std::size_t at, std::size_t next) {
            r.split->line(text, no, at + bom, next + bom);
            last = no;
            end = next;
            return !settle || !r.split->settled();
        };
        if (c.mapped != nullptr) { // read, not mapped: the mapping is first touched by the replay
            auto read = [&](std::size_t at, char* out, std::size_t n) { c.read(at + bom, out, n); };
            detail::for_each_read_line(read, from, to, first, std::size_t(1) << 20, line);
        } else {
            for_each_text_line(
                body.substr(from, to - from), first,
                [&](std::string_view text, std::size_t no, std::size_t at, std::size_t next) {
                    return line(text, no, from + at, from + next);
                });
        }
        r.lines = last - (first - 1);
        return end;
    };
    // The first range settles the format (and reads a CSV header) alone, then the rest is cut.
    make(rs[0]);
    std::size_t settled_at = scan(rs[0], 0, body.size(), 1, true);
    std::size_t head_lines = rs[0].lines;
    std::size_t rest = body.size() - settled_at;
    for (std::size_t k = 0; k < ranges; ++k) {
        std::size_t at = k == 0 ? settled_at : settled_at + rest / ranges * k;
        if (k != 0) { // on the next line start
            const void* nl =
                at < body.size() ? std::memchr(body.data() + at, '\n', body.size() - at) : nullptr;
            at = nl ? std::size_t(static_cast<const char*>(nl) - body.data()) + 1 : body.size();
            at = std::max(at, rs[k - 1].from);
        }
        rs[k].from = at;
        if (k != 0) rs[k - 1].to = at;
    }
    rs.back().to = body.size();
    for (std::size_t k = 1; k < ranges; ++k) {
        make(rs[k]);
        rs[k].split->settle_as(*rs[0].split);
    }
    auto run = [&](range& r, std::size_t first) {
        try {
            scan(r, r.from, r.to, first, false);
            r.split->finish();
            r.split->marks().sort();
        } catch (...) {
            r.failed = std::current_exception();
        }
    };
    std::vector<std::thread> workers;
    for (std::size_t k = 1; k < ranges; ++k) workers.emplace_back(run, std::ref(rs[k]), 1);
    run(rs[0], head_lines + 1);
    for (auto& t : workers) t.join();
    for (auto& r : rs)
        if (r.failed) std::rethrow_exception(r.failed);
    rs[0].lines += head_lines;
    // Joined in order: line numbers made absolute, a person continued across a cut kept whole.
    std::vector<detail::mark_runs*> marks;
    detail::mark_runs firsts(ranges + 1); // the first person of each range not continued
    marks.push_back(&firsts);
    std::size_t before = 0;
    const std::string* last = nullptr;
    std::size_t last_chunk = 0; // the chunk where the last person met has their last lines
    for (std::size_t k = 0; k < ranges; ++k) {
        range& r = rs[k];
        const detail::splitter& sp = *r.split;
        if (k != 0)
            for (auto& ch : r.chunks) ch.first_line += before;
        bool joined = last != nullptr && sp.met_anyone() && sp.first_person() == *last;
        std::size_t i = 0;
        if (joined && !r.chunks.empty()) { // with the lines between, none of anyone's
            chunks[last_chunk].end = r.chunks.front().end;
            chunks.resize(last_chunk + 1);
            i = 1;
        }
        for (; i < r.chunks.size(); ++i) chunks.push_back(std::move(r.chunks[i]));
        if (sp.met_anyone()) {
            if (!joined) firsts.add(sp.first_mark());
            last = &sp.last_person();
            last_chunk = chunks.size() - 1;
        }
        marks.push_back(&r.split->marks());
        before += r.lines;
    }
    stats.lines = before;
    std::size_t count = 0;
    if (repeated == nullptr) {
        detail::mark_runs::repeats(marks, 0, count);
    } else { // one more than the most, to know when there are too many
        for (const auto& r : detail::mark_runs::repeats(marks, how.returns_in_memory + 1, count))
            repeated->push_back(r.hash);
        if (count > how.returns_in_memory) repeated->clear();
        std::sort(repeated->begin(), repeated->end());
        repeated->erase(std::unique(repeated->begin(), repeated->end()), repeated->end());
    }
    head = std::move(rs[0].split);
    return count == 0;
}

// The chunks of an input whose persons in `repeated` (hashes, sorted) come back after other
// persons: each such person's lines, every range of them, are read where the whole-file reader
// first takes one of their lines; the others stay where they are. One more pass over the person
// ids (the splitter, lines checked whole as the second scan), then the first range of each person
// who comes back parsed once more, to find the first that holds a line the parser takes.
// Held: three offsets for each range of a person who comes back, and a range every chunk.
std::vector<detail::split_chunk> regroup(std::string_view body, std::size_t bom, context& c,
                                         const sweep_options& how,
                                         const std::vector<std::uint64_t>& repeated) {
    using part = detail::split_chunk::part;
    constexpr std::uint32_t none = 0xFFFFFFFF;
    struct item { // a run of other persons' lines, or the k-th range of a person who comes back
        part lines;
        std::uint32_t group = none, k = 0;
    };
    struct group {
        std::string person;
        std::vector<part> parts;
        std::uint32_t anchor = none; // the first range with a line the parser takes
    };
    std::vector<item> items;
    std::vector<group> groups;
    std::unordered_map<std::string, std::uint32_t> group_of;
    const std::size_t target = std::max<std::size_t>(how.chunk_bytes, 1);
    item cur{{bom, bom, 1}, none, 0}; // first the lines before anyone's (a CSV header)
    auto close = [&](std::size_t at) {
        cur.lines.end = at;
        if (cur.group != none) {
            groups[cur.group].parts.push_back(cur.lines);
            items.push_back(cur);
        } else if (at > cur.lines.begin) {
            items.push_back(cur);
        }
    };
    {
        detail::splitter split(c.file, c.format, detail::splitter::check::marks, false, target,
                               how.persons_in_memory, [](detail::split_chunk&&) {});
        split.on_block([&](const std::string& person, std::size_t line, std::size_t offset) {
            std::uint64_t h = detail::person_hash(person.data(), person.size());
            if (std::binary_search(repeated.begin(), repeated.end(), h)) {
                auto [it, added] = group_of.emplace(person, std::uint32_t(groups.size()));
                if (added) groups.push_back({person, {}, none});
                close(offset);
                cur = {{offset, offset, line},
                       it->second,
                       std::uint32_t(groups[it->second].parts.size())};
            } else if (cur.group != none || offset - cur.lines.begin >= target) {
                close(offset);
                cur = {{offset, offset, line}, none, 0};
            }
        });
        auto line = [&](std::string_view text, std::size_t no, std::size_t at, std::size_t next) {
            split.line(text, no, at + bom, next + bom);
            return true;
        };
        if (c.mapped != nullptr) {
            auto read = [&](std::size_t at, char* out, std::size_t n) { c.read(at + bom, out, n); };
            detail::for_each_read_line(read, 0, body.size(), 1, std::size_t(1) << 20, line);
        } else {
            for_each_text_line(body, 1, line);
        }
        close(bom + body.size());
    }
    // Rounds: the k-th range of each person not yet placed, all in one parser (persons do not
    // share a parser's state); a person none of whose lines is taken stays where their lines are.
    std::string buffer;
    for (std::uint32_t k = 0;; ++k) {
        history_parser p(c.rules, c.cal, c.file, c.format);
        bool any = false;
        for (const auto& g : groups) {
            if (g.anchor != none || k >= g.parts.size()) continue;
            if (!any && c.header_line != 0) p.add_line(c.header, c.header_line);
            any = true;
            for_each_text_line(
                c.part_text(g.parts[k], buffer), g.parts[k].first_line,
                [&](std::string_view line, std::size_t no, std::size_t, std::size_t) {
                    if (no != c.header_line) p.add_line(line, no);
                    return true;
                });
        }
        if (!any) break;
        history_file f = p.finish();
        for (const auto& h : f.persons) {
            auto it = group_of.find(h.person);
            if (it != group_of.end() && groups[it->second].anchor == none)
                groups[it->second].anchor = k;
        }
    }
    std::vector<detail::split_chunk> chunks;
    detail::split_chunk next;
    std::size_t bytes = 0;
    auto add = [&](const part& p) {
        if (next.parts.empty()) next.first_line = p.first_line;
        next.parts.push_back(p);
        bytes += p.end - p.begin;
    };
    for (const auto& i : items) {
        if (i.group == none) {
            add(i.lines);
        } else {
            const group& g = groups[i.group];
            if (g.anchor == none)
                add(i.lines);
            else if (i.k == g.anchor)
                for (const auto& p : g.parts) add(p);
        }
        if (bytes >= target) {
            chunks.push_back(std::move(next));
            next = detail::split_chunk();
            bytes = 0;
        }
    }
    if (!next.parts.empty()) chunks.push_back(std::move(next));
    return chunks;
}

sweep_stats sweep_mapped(std::string_view text, detail::mapped_file* mapped, context& c,
                         const sweep_options& how, const sweep_writer& write,
                         const sweep_error_sink& on_error) {
    sweep_stats stats;
    std::size_t bom = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    std::string_view body = text.substr(bom);
    unsigned threads = thread_count(how.threads);
    c.text = text;
    c.mapped = mapped;
    c.format = how.format;
    if (!how.grouped) {
        // First the persons' boundaries, before any output: is the input grouped by person?
        std::vector<detail::split_chunk> chunks;
        std::unique_ptr<detail::splitter> head;
        // A first scan trusts the lines. A malformed line naming another person then ends the
        // person before it, who seems to come back after it; a second scan checks each line that
        // names another person and decides.
        bool grouped = scan_boundaries(body, bom, c, how, threads, true, chunks, head, stats);
        std::vector<std::uint64_t> repeated;
        if (!grouped) {
            chunks.clear();
            head.reset();
            grouped =
                scan_boundaries(body, bom, c, how, threads, false, chunks, head, stats, &repeated);
        }
        if (!grouped && repeated.empty()) { // too many persons come back to be held
            gather_whole(text, c, write, on_error, stats);
            return stats;
        }
        adopt_split(c, *head);
        if (!grouped) {
            chunks = regroup(body, bom, c, how, repeated);
            stats.regrouped = true;
        }
        // Regrouped, a person's lines are read out of the input's order: their errors are held
        // and given in the order of their lines, as the whole-file reader gives them.
        std::vector<error> held;
        sweep_error_sink hold = [&](const error& e) { held.push_back(e); };
        const sweep_error_sink* sink = grouped ? &on_error : &hold;
        if (mapped != nullptr) mapped->rewind();
        begin_report(c.reporter, write);
        {
            pipeline run(c, threads, write, *sink, mapped, stats);
            for (auto& k : chunks) run.submit(std::move(k));
            run.drain();
        }
        std::stable_sort(held.begin(), held.end(), [](const error& a, const error& b) {
            return a.where().line < b.where().line;
        });
        for (const auto& e : held) on_error(e);
        end_report(c.reporter, write);
        return stats;
    }
    // Streaming only: chunks are replayed while the splitter reads on.
    stream(c, how, false, mapped, write, on_error, stats, [&](detail::splitter& split) {
        stats.lines = split_lines(c, body, bom, split, 0, body.size(), 1);
    });
    return stats;
}

// A pipe, streamed (grouped only): the splitter copies the lines of each chunk.
sweep_stats sweep_stream(std::FILE* in, context& c, const sweep_options& how,
                         const sweep_writer& write, const sweep_error_sink& on_error) {
    sweep_stats stats;
    c.format = how.format;
    stream(c, how, true, nullptr, write, on_error, stats, [&](detail::splitter& split) {
        io::for_each_line(
            in,
            [&](std::string_view line, std::size_t no) {
                stats.lines = no;
                split.line(line, no, 0, 0);
            },
            c.file);
    });
    return stats;
}

[[noreturn]] void cannot_open(const std::string& path) {
    throw error("echeance.history.open",
                fmt::format("cannot open history file \"{}\": {}", path, std::strerror(errno)),
                location{"", 0, 0, "HISTORY"});
}

class replay_sweep final : public sweep_reporter {
public:
    replay_sweep(const ruleset& rules, const calendar& cal, const replay_options& options,
                 const replay_report& report)
        : rules_(rules), cal_(cal), options_(options), report_(report) {}
    std::unique_ptr<sweep_reporter> clone() const override {
        return std::make_unique<replay_sweep>(rules_, cal_, options_, report_);
    }
    void begin(std::string& out) override { report_.begin(out); }
    void add(const history& h, std::string_view person, std::string& out) override {
        replay(rules_, cal_, h, options_, result_);
        report_.add(h, person, result_, out);
    }
    void end(std::string& out) override { report_.end(out); }
    std::string_view between() const override {
        return report_.format() == report_format::text ? "\n" : "";
    }

private:
    const ruleset& rules_;
    const calendar& cal_;
    const replay_options& options_;
    replay_report report_; // a fresh copy per clone: its count of persons starts at 0
    replay_result result_; // reused: its buffers serve every person
};

} // namespace

std::unique_ptr<sweep_reporter> replay_reporter(const ruleset& rules, const calendar& cal,
                                                const replay_options& options,
                                                const replay_report& report) {
    return std::make_unique<replay_sweep>(rules, cal, options, report);
}

sweep_stats sweep_text(std::string_view text, const std::string& file, const ruleset& rules,
                       const calendar& cal, sweep_reporter& reporter, const sweep_options& how,
                       const sweep_writer& write, const sweep_error_sink& on_error) {
    context c{rules, cal, reporter, file, {}, nullptr, how.format, {}, 0, {}, {}, 0, 0};
    return sweep_mapped(text, nullptr, c, how, write, on_error);
}

sweep_stats sweep_file(const std::string& path, const std::string& shown_name, const ruleset& rules,
                       const calendar& cal, sweep_reporter& reporter, const sweep_options& how,
                       const sweep_writer& write, const sweep_error_sink& on_error) {
    context c{rules, cal, reporter, shown_name, {}, nullptr, how.format, {}, 0, {}, {}, 0, 0};
    bool from_stdin = path == "-";
    int fd = from_stdin ? 0 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) cannot_open(path);
    struct closer {
        int fd;
        bool owned;
        ~closer() {
            if (owned) ::close(fd);
        }
    } close_fd{fd, !from_stdin};
    detail::mapped_file mapped;
    if (mapped.map(fd)) return sweep_mapped(mapped.text(), &mapped, c, how, write, on_error);
    std::FILE* in = from_stdin ? stdin : ::fdopen(::dup(fd), "rb");
    if (in == nullptr) cannot_open(path);
    struct file_closer {
        std::FILE* f;
        bool owned;
        ~file_closer() {
            if (owned) std::fclose(f);
        }
    } close_in{in, !from_stdin};
    if (how.grouped) return sweep_stream(in, c, how, write, on_error);
    // Not a regular file and not --grouped: spooled to a temporary file, then mapped, so that
    // the persons' boundaries can be read before any output.
    std::FILE* spool = std::tmpfile();
    if (spool == nullptr)
        throw error("echeance.io.read",
                    fmt::format("cannot create a temporary file for {}: {}", shown_name,
                                std::strerror(errno)),
                    location{shown_name, 0, 0, ""});
    file_closer close_spool{spool, true};
    std::vector<char> buf(1 << 20);
    for (;;) {
        std::size_t n = std::fread(buf.data(), 1, buf.size(), in);
        if (n == 0) break;
        if (std::fwrite(buf.data(), 1, n, spool) != n)
            throw error("echeance.io.read",
                        fmt::format("cannot spool {} to a temporary file: {}", shown_name,
                                    std::strerror(errno)),
                        location{shown_name, 0, 0, ""});
    }
    if (std::ferror(in))
        throw error("echeance.io.read", "cannot read " + shown_name + ": " + std::strerror(errno),
                    location{shown_name, 0, 0, ""});
    std::fflush(spool);
    detail::mapped_file spooled;
    if (!spooled.map(::fileno(spool)))
        throw error("echeance.io.read", "cannot map the spooled copy of " + shown_name,
                    location{shown_name, 0, 0, ""});
    return sweep_mapped(spooled.text(), &spooled, c, how, write, on_error);
}

} // namespace echeance
