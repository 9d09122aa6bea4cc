// One person with many events (issue 10): the replay must stay linear in a person's events,
// whatever they are. One benchmark per shape that used to be quadratic, at 10 k and 100 k events
// (and 1 M for the plain mix); items_per_second = events per second, which must stay flat:
//   build-bench/tests/bench/echeance_bench --benchmark_filter=person_
// compare /100000 with /10000 of the same run (a ratio near 1: linear; near 10: quadratic).
// Each replay renders its rejections too (their texts are part of the work). The same shapes as
// JSON Lines for the CLI: tests/bench/person_size.py.
#include "../engine/generate.hpp"

#include <benchmark/benchmark.h>
#include <echeance/engine.hpp>
#include <echeance/io/calendar.hpp>
#include <echeance/io/report.hpp>
#include <echeance/io/rules.hpp>
#include <string>

using namespace echeance;

namespace {

std::string person_rules_dir() {
    std::string f = __FILE__;
    return f.substr(0, f.rfind('/')) + "/../../rules/mon-espace-sante";
}

struct person_fixture {
    calendar cal = builtin_calendar();
    ruleset rules = load_ruleset(person_rules_dir());
};

person_fixture& pf() {
    static person_fixture f;
    return f;
}

const year_month_day base = year_month_day(date::year(2022), date::month(2), date::day(1));
const year_month_day far_as_of = year_month_day(date::year(9000), date::month(1), date::day(1));

year_month_day plus(year_month_day d, long days) {
    return year_month_day(sys_days(d) + date::days(days));
}

enum class shape { plain, rejected, same_day, out_of_order, cycles };

// The shapes of tests/bench/person_size.py, built in memory.
history make_person(shape s, int n) {
    static const std::pair<const char*, const char*> acts[] = {
        {"information_sent", "cnam"},   {"information_received", "holder"},
        {"opposition", "holder"},       {"creation_request", "holder"},
        {"activation", "holder"},       {"closure", "holder"},
        {"closure_request", "holder"},  {"closure", "operator"},
        {"deletion_request", "holder"}, {"data_deleted", "operator"},
        {"reopening", "holder"},        {"suspension", "cnam"},
        {"suspension_lifted", "cnam"},  {"item_deleted", "holder"},
        {"no_such_event", "holder"},    {"closure", "nobody"}};
    static const std::pair<const char*, const char*> wrong[] = {
        {"no_such_event", "holder"}, {"reopening", "holder"}, {"closure", "nobody"}};
    std::vector<testing::gen_line> lines;
    lines.reserve(std::size_t(n));
    testing::rng r{20260412};
    for (int i = 0; i < n; ++i) {
        std::pair<const char*, const char*> a{"information_sent", "cnam"};
        switch (s) {
        case shape::plain:
            if (i) a = acts[r.below(16)];
            lines.push_back(testing::make_line("big", plus(base, i / 40), a.first, a.second));
            break;
        case shape::rejected:
            if (i) a = wrong[i % 3];
            lines.push_back(testing::make_line("big", plus(base, i / 40), a.first, a.second));
            break;
        case shape::same_day: // one day, "seq" descending: the whole day is reordered
            if (i) a = acts[std::size_t(i) % 16];
            lines.push_back(testing::make_line("big", base, a.first, a.second, n - i));
            break;
        case shape::out_of_order: // every other line dated back, among wrong-state events
            if (i) a = {"reopening", "holder"};
            lines.push_back(
                testing::make_line("big", plus(base, i / 2 + (i % 2 ? 0 : 10)), a.first, a.second));
            break;
        case shape::cycles: // closure, reopening, day after day
            if (i)
                a = i % 2 ? std::make_pair("closure", "holder")
                          : std::make_pair("reopening", "holder");
            lines.push_back(
                testing::make_line("big", i ? plus(base, 60 + i) : base, a.first, a.second));
            break;
        }
    }
    return testing::to_history(pf().rules, pf().cal, lines);
}

void run(benchmark::State& state, shape s) {
    const int n = int(state.range(0));
    history h = make_person(s, n);
    replay_options o(far_as_of);
    replay_result res;
    std::size_t bytes = 0;
    for (auto _ : state) {
        replay(pf().rules, pf().cal, h, o, res);
        // The renderers' share: each rejection's event, role and reason (text: no JSON tree).
        std::string out = to_text(pf().rules, pf().cal, h, h.person, res, false);
        bytes += out.size();
        benchmark::DoNotOptimize(out.data());
    }
    state.SetItemsProcessed(std::int64_t(state.iterations()) * n);
    state.counters["rejected"] = double(res.rejected.size());
    state.counters["text_bytes"] = double(bytes) / double(state.iterations());
}

void BM_person_plain(benchmark::State& s) {
    run(s, shape::plain);
}
void BM_person_rejected(benchmark::State& s) {
    run(s, shape::rejected);
}
void BM_person_same_day(benchmark::State& s) {
    run(s, shape::same_day);
}
void BM_person_out_of_order(benchmark::State& s) {
    run(s, shape::out_of_order);
}
void BM_person_cycles(benchmark::State& s) {
    run(s, shape::cycles);
}

} // namespace

BENCHMARK(BM_person_plain)
    ->Arg(10'000)
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_person_rejected)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_person_same_day)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_person_out_of_order)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_person_cycles)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
