// The sweep end to end, as a user runs it: a generated history file (echeance-generate, persons x
// 5 events) through `echeance replay` as a process, file in, answer out (to /dev/null), against
// the hand-written end-to-end baseline (echeance_baseline: a hand JSON Lines scanner, the
// hand-written replay, the same summary line) in the same run. Each iteration is one process:
// wall time, its CPU time (user + system) and its maximum resident set size (wait4).
//   build/tests/bench/echeance_bench --benchmark_filter=end_to_end
//   ECHEANCE_BENCH_PERSONS=1000000 build/tests/bench/echeance_bench --benchmark_filter=end_to_end
// items_per_second = persons per wall second; cpu_us_per_person and rss_mb are counters. Compare
// summary/threads:1 with baseline (target: at least 1.0x; end_to_end_paired gives that ratio
// from runs in alternation), threads:2 with threads:1. On a VM whose speed changes from second
// to second, tests/bench/side_by_side.sh runs the two at the same time, one on each core.
#include <algorithm>
#include <benchmark/benchmark.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

std::size_t persons() {
    const char* p = std::getenv("ECHEANCE_BENCH_PERSONS");
    return p ? std::size_t(std::strtoull(p, nullptr, 10)) : 200'000;
}

struct process_run {
    bool ok = false;
    double wall_s = 0;
    double cpu_s = 0;
    double rss_mb = 0;
};

// Runs argv with stdout to `out` (stderr to /dev/null); its own rusage from wait4.
process_run run(const std::vector<std::string>& argv, const char* out = "/dev/null") {
    process_run r;
    auto start = std::chrono::steady_clock::now();
    pid_t pid = ::fork();
    if (pid == 0) {
        int o = ::open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int n = ::open("/dev/null", O_WRONLY);
        ::dup2(o, 1);
        ::dup2(n, 2);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    int status = 0;
    struct rusage use {};
    if (pid < 0 || ::wait4(pid, &status, 0, &use) != pid) return r;
    r.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    r.cpu_s = double(use.ru_utime.tv_sec + use.ru_stime.tv_sec) +
              double(use.ru_utime.tv_usec + use.ru_stime.tv_usec) / 1e6;
    r.rss_mb = double(use.ru_maxrss) / 1024.0;
    return r;
}

struct history_file {
    std::string path =
        (std::filesystem::temp_directory_path() / "echeance-bench-end-to-end.jsonl").string();
    history_file() {
        if (!run({ECHEANCE_GENERATE, "--persons", std::to_string(persons()), "--seed", "1"},
                 path.c_str())
                 .ok)
            std::fprintf(stderr, "end_to_end: %s failed\n", ECHEANCE_GENERATE);
    }
    ~history_file() { std::remove(path.c_str()); }
};

const std::string& history() {
    static history_file f;
    return f.path;
}

const std::string rules = std::string(ECHEANCE_SOURCE_DIR) + "/rules/mon-espace-sante";
const std::string as_of = "2030-01-01";

void measure(benchmark::State& state, const std::vector<std::string>& argv) {
    double cpu = 0, rss = 0;
    for (auto _ : state) {
        process_run r = run(argv);
        if (!r.ok) {
            state.SkipWithError("the process failed");
            return;
        }
        cpu += r.cpu_s;
        rss = std::max(rss, r.rss_mb);
    }
    auto n = double(persons()) * double(state.iterations());
    state.SetItemsProcessed(std::int64_t(n));
    state.counters["cpu_us_per_person"] = cpu / n * 1e6;
    state.counters["rss_mb"] = rss;
}

std::vector<std::string> baseline_argv() {
    return {ECHEANCE_BASELINE, rules, history(), as_of};
}

std::vector<std::string> replay_argv(const char* output, std::int64_t threads, bool grouped) {
    std::vector<std::string> argv = {
        ECHEANCE_CLI, "replay",   "--rules", rules,       "--as-of",
        as_of,        "--output", output,    "--threads", std::to_string(threads)};
    if (grouped) argv.push_back("--grouped");
    argv.push_back(history());
    return argv;
}

void BM_end_to_end_baseline(benchmark::State& state) {
    measure(state, baseline_argv());
}

void BM_end_to_end_replay(benchmark::State& state, const char* output, bool grouped) {
    measure(state, replay_argv(output, state.range(0), grouped));
}

void BM_end_to_end_summary(benchmark::State& state) {
    BM_end_to_end_replay(state, "summary", false);
}
void BM_end_to_end_summary_grouped(benchmark::State& state) {
    BM_end_to_end_replay(state, "summary", true);
}
void BM_end_to_end_json(benchmark::State& state) {
    BM_end_to_end_replay(state, "json", false);
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    std::size_t n = v.size();
    return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// The baseline and `replay --output summary --threads 1` in pairs, the order swapped each
// iteration: on a shared VM whose speed moves by a third from one minute to the next, separate
// medians compare different machines, a pair's ratio compares the same one. speed_vs_baseline =
// the median of baseline time / replay time (wall; cpu_ for user + system): at least 1.0 is the
// target.
void BM_end_to_end_paired(benchmark::State& state) {
    const std::vector<std::string> base = baseline_argv();
    const std::vector<std::string> replay = replay_argv("summary", 1, false);
    std::vector<double> wall, cpu;
    bool swap = false;
    for (auto _ : state) {
        process_run b, r;
        if (swap) {
            r = run(replay);
            b = run(base);
        } else {
            b = run(base);
            r = run(replay);
        }
        swap = !swap;
        if (!b.ok || !r.ok) {
            state.SkipWithError("a process failed");
            return;
        }
        wall.push_back(b.wall_s / r.wall_s);
        cpu.push_back(b.cpu_s / r.cpu_s);
    }
    state.counters["speed_vs_baseline"] = median(wall);
    state.counters["cpu_speed_vs_baseline"] = median(cpu);
    state.counters["worst_pair"] = *std::min_element(wall.begin(), wall.end());
    state.counters["best_pair"] = *std::max_element(wall.begin(), wall.end());
}

} // namespace

BENCHMARK(BM_end_to_end_paired)->Iterations(8)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_end_to_end_baseline)->Iterations(2)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_end_to_end_summary)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Iterations(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_end_to_end_summary_grouped)
    ->ArgName("threads")
    ->Arg(1)
    ->Iterations(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_end_to_end_json)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Iterations(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
