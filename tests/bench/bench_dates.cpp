// Micro-benchmarks of the hot paths: date arithmetic, deadlines, holiday lookups.
//
// BM_baseline_sys_days only converts a date to sys_days and back: it is the same-run baseline.
// Read the other results as ratios to it (machine-independent), not as absolute times.
// Every benchmark walks the same 4096 varied dates (2000-2030) so that branches and caches see
// realistic inputs, and reports items_per_second.
#include <benchmark/benchmark.h>
#include <cstdint>
#include <echeance/calendar.hpp>
#include <echeance/convention.hpp>
#include <echeance/date.hpp>
#include <echeance/io/calendar.hpp>
#include <echeance/period.hpp>
#include <vector>

namespace {

using namespace date::literals;

constexpr std::size_t n_dates = 4096; // a power of two: index with & (n_dates - 1)

// Deterministic, varied dates from 2000-01-01 to 2030-12-31.
const std::vector<echeance::year_month_day>& dates() {
    static const std::vector<echeance::year_month_day> v = [] {
        std::vector<echeance::year_month_day> out;
        out.reserve(n_dates);
        const echeance::sys_days first{2000_y / date::January / 1};
        const echeance::sys_days last{2030_y / date::December / 31};
        const auto span = static_cast<std::uint64_t>((last - first).count() + 1);
        std::uint64_t x = 0x9E3779B97F4A7C15ull;
        for (std::size_t i = 0; i < n_dates; ++i) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            out.emplace_back(first + date::days(static_cast<int>(x % span)));
        }
        return out;
    }();
    return v;
}

void BM_baseline_sys_days(benchmark::State& state) {
    const auto& d = dates();
    std::size_t i = 0;
    for (auto _ : state) {
        echeance::year_month_day ymd = d[i++ & (n_dates - 1)];
        benchmark::DoNotOptimize(ymd);
        echeance::year_month_day back{echeance::sys_days{ymd}};
        benchmark::DoNotOptimize(back);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_baseline_sys_days);

void BM_add(benchmark::State& state, const char* text) {
    const auto& d = dates();
    const echeance::period p = echeance::period::parse(text);
    std::size_t i = 0;
    for (auto _ : state) {
        echeance::year_month_day r = echeance::add(d[i++ & (n_dates - 1)], p);
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(BM_add, P1M, "P1M");
BENCHMARK_CAPTURE(BM_add, P6W, "P6W");

// Target: >= 20 million deadlines per second on one core (Release).
void BM_deadline_cpc_territory(benchmark::State& state) {
    const auto& d = dates();
    const echeance::calendar cal = echeance::builtin_calendar();
    const echeance::territory gp = cal.find("FR-971");
    const echeance::period p = echeance::period::parse("P6W");
    std::size_t i = 0;
    for (auto _ : state) {
        echeance::deadline r = echeance::compute_deadline(cal, d[i++ & (n_dates - 1)], p,
                                                          echeance::convention::cpc, gp);
        benchmark::DoNotOptimize(r.final_day);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_deadline_cpc_territory);

void BM_is_holiday(benchmark::State& state) {
    const auto& d = dates();
    std::vector<echeance::sys_days> days(d.begin(), d.end());
    const echeance::calendar cal = echeance::builtin_calendar();
    const echeance::territory gp = cal.find("FR-971");
    std::size_t i = 0;
    for (auto _ : state) {
        bool h = cal.is_holiday(gp, days[i++ & (n_dates - 1)]);
        benchmark::DoNotOptimize(h);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_is_holiday);

} // namespace

BENCHMARK_MAIN();
