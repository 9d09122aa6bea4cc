// sort_by_hash gives std::sort's order: the persons met are found again by neighbours in it, so
// one mark out of place is a person who comes back and is missed.
#include "detail/seen_persons.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <rapidcheck.h>
#include <rapidcheck/catch.h>
#include <vector>

using echeance::detail::person_mark;

namespace {

bool before(const person_mark& a, const person_mark& b) {
    return a.hash != b.hash ? a.hash < b.hash : a.line < b.line;
}

bool same(const std::vector<person_mark>& a, const std::vector<person_mark>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const person_mark& x, const person_mark& y) {
                          return x.hash == y.hash && x.line == y.line;
                      });
}

} // namespace

TEST_CASE("marks sorted by hash: std::sort's order, at every size") {
    // Sizes across the bucketed path (from 4,096), hashes spread or crowded in a few buckets of
    // either deal, repeated hashes (a person met twice) in any line order.
    rc::prop("any marks", [] {
        std::size_t n = *rc::gen::inRange<std::size_t>(0, 20000);
        // 0: any hash; 1: few top bits; 2: few hashes; 3: few bits below the top five (each
        // bucket's marks in one run of the second deal)
        int spread = *rc::gen::inRange(0, 4);
        std::vector<person_mark> marks(n);
        auto hashes = rc::gen::arbitrary<std::uint64_t>();
        std::vector<std::uint64_t> few = *rc::gen::container<std::vector<std::uint64_t>>(
            *rc::gen::inRange<std::size_t>(1, 40), hashes);
        for (std::size_t i = 0; i < n; ++i) {
            std::uint64_t h = few[(i * 7919) % few.size()];
            if (spread != 2) h = (h * 0x9E3779B97F4A7C15ull) ^ (i * 2654435761u);
            if (spread == 1) h &= ~std::uint64_t(0) >> 3; // the top three bits zero
            if (spread == 3) h &= ~(((std::uint64_t(1) << 27) - 1) << 32); // bits 32 to 58
            marks[i] = {h | 1u, (n - i) * 3 % (n + 1)};
        }
        std::vector<person_mark> want = marks;
        std::sort(want.begin(), want.end(), before);
        echeance::detail::sort_by_hash(marks);
        RC_ASSERT(same(marks, want));
    });
}

TEST_CASE("marks sorted by hash: an exact small case and a large one") {
    std::vector<person_mark> m = {{9, 2}, {3, 5}, {9, 1}, {1, 7}};
    echeance::detail::sort_by_hash(m);
    REQUIRE(same(m, {{1, 7}, {3, 5}, {9, 1}, {9, 2}}));
    std::vector<person_mark> big;
    for (std::size_t i = 0; i < 100000; ++i)
        big.push_back({((99991 - i % 99991) * 0x9E3779B97F4A7C15ull) | 1u, i});
    std::vector<person_mark> want = big;
    std::sort(want.begin(), want.end(), before);
    echeance::detail::sort_by_hash(big);
    REQUIRE(same(big, want));
}
