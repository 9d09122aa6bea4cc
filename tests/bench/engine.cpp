// Replay of generated 4-8-event histories with the compiled Mon espace santé rules (the generic
// engine), against a hand-written C++ replay of the same rules, in the same run.
//   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DECHEANCE_BUILD_BENCH=ON
//   cmake --build build-bench --target echeance_bench
//   build-bench/tests/bench/echeance_bench --benchmark_filter=replay
// items_per_second = histories per second (one core). 100,000 distinct histories are replayed
// ten times per iteration: 1,000,000 replays. Compare BM_replay_engine/all_readings:1/explain:1
// (the full result) with BM_replay_hand_written of the same run: the target is at least 1M/s and
// within 2x. The machine may be shared: use CPU time, repeat (--benchmark_repetitions=5
// --benchmark_enable_random_interleaving=true) and take the ratio within one run.
#include "../engine/generate.hpp"
#include "hand_replay.hpp"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <echeance/convention.hpp>
#include <echeance/engine.hpp>
#include <echeance/io/calendar.hpp>
#include <echeance/io/rules.hpp>
#include <string>

using namespace echeance;
using namespace echeance::bench;

namespace {

constexpr std::size_t distinct = 100'000;
constexpr int rounds = 10;

std::string rules_dir() {
    std::string f = __FILE__;
    return f.substr(0, f.rfind('/')) + "/../../rules/mon-espace-sante";
}

struct fixture {
    calendar cal = builtin_calendar();
    ruleset rules = load_ruleset(rules_dir());
    std::vector<history> histories;
    year_month_day as_of = year_month_day(date::year(2030), date::month(1), date::day(1));
    fixture() {
        testing::rng r{20260412};
        histories.reserve(distinct);
        for (std::size_t i = 0; i < distinct; ++i)
            histories.push_back(testing::to_history(
                rules, cal, testing::generate_person(r, "p", 4 + int(r.below(5)))));
    }
};

fixture& fx() {
    static fixture f;
    return f;
}

// The engine with the full result by default (all_readings:1/explain:1): every reading of the
// contested counts computed, the explanation steps and the rejections (with the facts of their
// reasons) recorded, exactly what `echeance replay --explain` prints from. Texts are rendered
// only when printed (reason(), message(), explanation_lines()), never during a replay.
// all_readings:0/explain:0 is the lean run (the deciding reading only, no explanation).
void BM_replay_engine(benchmark::State& state) {
    auto& f = fx();
    replay_options o(f.as_of);
    o.all_readings = state.range(0) != 0;
    o.explain = state.range(1) != 0;
    replay_result r;
    std::uint64_t sink = 0;
    for (auto _ : state) {
        for (int k = 0; k < rounds; ++k)
            for (const auto& h : f.histories) {
                replay(f.rules, f.cal, h, o, r);
                sink += r.state.index() + r.timeline.size() + r.rejected.size() +
                        r.readings.size() + r.explanation.size() + r.warnings.size() +
                        r.obligations.size();
            }
    }
    benchmark::DoNotOptimize(sink);
    state.SetItemsProcessed(std::int64_t(state.iterations()) * rounds * std::int64_t(distinct));
}
BENCHMARK(BM_replay_engine)
    ->Args({1, 1})
    ->Args({0, 0})
    ->ArgNames({"all_readings", "explain"})
    ->Unit(benchmark::kMillisecond);

void BM_replay_hand_written(benchmark::State& state) {
    auto& f = fx();
    hand_replay hand(f.rules, f.cal);
    hand_result r;
    std::uint64_t sink = 0;
    for (auto _ : state) {
        for (int k = 0; k < rounds; ++k)
            for (const auto& h : f.histories) {
                hand.run(h, f.as_of, r);
                sink += r.state + r.timeline.size();
            }
    }
    benchmark::DoNotOptimize(sink);
    state.SetItemsProcessed(std::int64_t(state.iterations()) * rounds * std::int64_t(distinct));
}
BENCHMARK(BM_replay_hand_written)->Unit(benchmark::kMillisecond);

// Same answers: final state and timeline length agree on every generated history.
void BM_replay_agreement(benchmark::State& state) {
    auto& f = fx();
    hand_replay hand(f.rules, f.cal);
    hand_result hr;
    replay_options o(f.as_of);
    o.all_readings = false;
    replay_result er;
    std::int64_t differ = 0;
    for (auto _ : state) {
        differ = 0;
        for (const auto& h : f.histories) {
            hand.run(h, f.as_of, hr);
            replay(f.rules, f.cal, h, o, er);
            if (f.rules.states[er.state].id != f.rules.states[state_id(std::size_t(hr.state))].id ||
                er.timeline.size() != hr.timeline.size() || er.rejected.size() != hr.rejected)
                ++differ;
        }
    }
    state.counters["histories"] = double(distinct);
    state.counters["differ"] = double(differ);
}
BENCHMARK(BM_replay_agreement)->Iterations(1)->Unit(benchmark::kMillisecond);

} // namespace
