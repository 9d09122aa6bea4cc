// The lines found sixty-four bytes at a time are those of a split on '\n': the same texts,
// numbers and offsets, a '\r' before '\n' removed, a last line without '\n' kept, early stop.
#include "detail/text_lines.hpp"

#include <catch2/catch.hpp>
#include <cstring>
#include <rapidcheck.h>
#include <rapidcheck/catch.h>
#include <string>
#include <vector>

namespace {

struct found {
    std::string line;
    std::size_t no, at, next;
    bool operator==(const found& o) const {
        return line == o.line && no == o.no && at == o.at && next == o.next;
    }
};

// The reference: one find() a line.
std::vector<found> split(const std::string& t, std::size_t first, std::size_t stop_after) {
    std::vector<found> out;
    std::size_t pos = 0, no = first;
    while (pos < t.size() && out.size() < stop_after) {
        std::size_t nl = t.find('\n', pos);
        std::size_t end = nl == std::string::npos ? t.size() : nl;
        std::string line = t.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::size_t next = nl == std::string::npos ? end : end + 1;
        out.push_back({line, no++, pos, next});
        pos = next;
    }
    return out;
}

std::vector<found> scanned(const std::string& t, std::size_t first, std::size_t stop_after,
                           bool& finished) {
    std::vector<found> out;
    finished = echeance::detail::for_each_text_line(
        t, first, [&](std::string_view line, std::size_t no, std::size_t at, std::size_t next) {
            out.push_back({std::string(line), no, at, next});
            return out.size() < stop_after;
        });
    return out;
}

} // namespace

TEST_CASE("text lines: sixty-four bytes at a time, the lines of a split on newlines") {
    rc::prop("any text of lines, any length, any stop", [] {
        // Lines of 0 to 150 bytes: none, one or several newlines in a block, across blocks.
        auto lines = *rc::gen::container<std::vector<std::string>>(
            rc::gen::map(rc::gen::pair(rc::gen::inRange(0, 150),
                                       rc::gen::element<std::string>("\n", "\r\n", "")),
                         [](const std::pair<int, std::string>& p) {
                             return std::string(std::size_t(p.first), 'x') + "\r" + p.second;
                         }));
        std::string t;
        for (const auto& l : lines) t += l;
        std::size_t stop = *rc::gen::inRange<std::size_t>(1, 400);
        bool finished = false;
        auto got = scanned(t, 7, stop, finished);
        RC_ASSERT(got == split(t, 7, stop));
        RC_ASSERT(finished == (got.size() < stop)); // false: f said stop
    });
}

TEST_CASE("text lines: the edges") {
    bool finished = false;
    CHECK(scanned("", 1, 10, finished).empty());
    CHECK(finished);
    std::string exact(63, 'a');
    exact += '\n'; // a newline on the last byte of a block
    auto one = scanned(exact + exact, 1, 10, finished);
    REQUIRE(one.size() == 2);
    CHECK(one[1].at == 64);
    CHECK(one[1].next == 128);
    auto tail = scanned(std::string(130, 'b'), 1, 10, finished); // no newline at all
    REQUIRE(tail.size() == 1);
    CHECK(tail[0].line.size() == 130);
    CHECK(tail[0].next == 130);
}

TEST_CASE("text lines read in blocks: the lines of the text in memory, at the file's offsets") {
    rc::prop("any text, any range, any block size", [] {
        auto lines = *rc::gen::container<std::vector<std::string>>(rc::gen::map(
            rc::gen::pair(rc::gen::inRange(0, 90), rc::gen::element<std::string>("\n", "\r\n", "")),
            [](const std::pair<int, std::string>& p) {
                return std::string(std::size_t(p.first), 'y') + p.second;
            }));
        std::string t;
        for (const auto& l : lines) t += l;
        std::size_t from = *rc::gen::inRange<std::size_t>(0, t.size() + 1);
        while (from > 0 && t[from - 1] != '\n') --from; // a range starts on a line
        std::size_t block = *rc::gen::inRange<std::size_t>(1, 200);
        std::size_t stop = *rc::gen::inRange<std::size_t>(1, 300);
        std::vector<found> want;
        echeance::detail::for_each_text_line(
            std::string_view(t).substr(from), 3,
            [&](std::string_view line, std::size_t no, std::size_t at, std::size_t next) {
                want.push_back({std::string(line), no, from + at, from + next});
                return want.size() < stop;
            });
        std::vector<found> got;
        std::size_t reads = 0;
        auto read = [&](std::size_t at, char* out, std::size_t n) {
            RC_ASSERT(at + n <= t.size());
            std::memcpy(out, t.data() + at, n);
            ++reads;
        };
        bool finished = echeance::detail::for_each_read_line(
            read, from, t.size(), 3, block,
            [&](std::string_view line, std::size_t no, std::size_t at, std::size_t next) {
                got.push_back({std::string(line), no, at, next});
                return got.size() < stop;
            });
        RC_ASSERT(got == want);
        RC_ASSERT(finished == (got.size() < stop));
        RC_ASSERT(reads <= (t.size() - from + block - 1) / block); // each byte read once
    });
}
