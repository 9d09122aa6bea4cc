// The sort of the persons met (2^20 marks, about those of a 10^6-person sweep): std::sort,
// the baseline, against sort_by_hash (buckets by the hash's top bits, then each bucket sorted).
//   build/tests/bench/echeance_bench --benchmark_filter=sort_marks
#include "detail/seen_persons.hpp"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <cstdint>
#include <vector>

namespace {

using echeance::detail::person_mark;

std::vector<person_mark> marks(std::size_t n) {
    std::vector<person_mark> m(n);
    std::uint64_t x = 88172645463325252ull; // xorshift64: hashes as uniform as std::hash's
    for (std::size_t i = 0; i < n; ++i) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        m[i] = {x | 1u, i + 1};
    }
    return m;
}

template <class Sort>
void run(benchmark::State& state, Sort sort) {
    const std::vector<person_mark> input = marks(std::size_t(state.range(0)));
    for (auto _ : state) {
        state.PauseTiming();
        std::vector<person_mark> m = input;
        state.ResumeTiming();
        sort(m);
        benchmark::DoNotOptimize(m.data());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_sort_marks_std_sort(benchmark::State& state) {
    run(state, [](std::vector<person_mark>& m) {
        std::sort(m.begin(), m.end(), [](const person_mark& a, const person_mark& b) {
            return a.hash != b.hash ? a.hash < b.hash : a.line < b.line;
        });
    });
}

void BM_sort_marks_by_hash(benchmark::State& state) {
    run(state, [](std::vector<person_mark>& m) { echeance::detail::sort_by_hash(m); });
}

} // namespace

BENCHMARK(BM_sort_marks_std_sort)->Arg(1 << 20)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_sort_marks_by_hash)->Arg(1 << 20)->Unit(benchmark::kMillisecond);
