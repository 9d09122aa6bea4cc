// Rule files: load time of the largest shipped rule file, and the memory of its compiled model.
//   build/tests/bench/echeance_bench --benchmark_filter=rules
// Counters: bytes = the file's size; model_bytes = heap + inline bytes of the compiled ruleset
// (strings beyond the small-string buffer, vectors by capacity), counted by walking the model.
#include <benchmark/benchmark.h>
#include <echeance/check.hpp>
#include <echeance/io/rules.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

using namespace echeance;

// The source tree: this file is tests/bench/rules.cpp (CMake passes absolute paths).
const std::string source_dir =
    std::filesystem::path(__FILE__).parent_path().parent_path().parent_path().string();

std::size_t heap(const std::string& s) {
    return s.capacity() > 15 ? s.capacity() + 1 : 0;
}
template <class T>
std::size_t heap_vec(const std::vector<T>& v) {
    return v.capacity() * sizeof(T);
}
template <class T, class Id>
std::size_t heap_vec(const indexed_vector<T, Id>& v) {
    return v.capacity() * sizeof(T);
}
std::size_t heap(const citation& c) {
    return heap(c.cite) + heap(c.source) + heap(c.note) + heap(c.at.file) + heap(c.at.field);
}
std::size_t heap(const interpretation& r) {
    return heap(r.id) + heap_vec(r.by_version) + heap(r.why);
}
std::size_t heap(const std::vector<interpretation>& v) {
    std::size_t n = heap_vec(v);
    for (const auto& r : v) n += heap(r);
    return n;
}

// Bytes of a compiled model: the object itself and everything it owns.
std::size_t model_bytes(const ruleset& r) {
    std::size_t n = sizeof(ruleset) + heap(r.id) + heap(r.title) + heap(r.file) + heap(r.why) +
                    heap(r.defaults.territory);
    n += heap_vec(r.versions);
    for (const auto& v : r.versions) n += heap(v.id) + heap(v.why);
    n += heap_vec(r.roles);
    for (const auto& x : r.roles) n += heap(x.id) + heap(x.title) + heap(x.why);
    n += heap_vec(r.states);
    for (const auto& x : r.states) n += heap(x.id) + heap(x.title) + heap(x.why);
    n += heap_vec(r.events);
    for (const auto& e : r.events) {
        n += heap(e.id) + heap(e.title) + heap_vec(e.roles) + heap_vec(e.effects) + heap(e.why);
        n += heap_vec(e.transitions);
        for (const auto& t : e.transitions)
            n += heap_vec(t.from) + heap_vec(t.effects) + heap(t.why);
    }
    n += heap_vec(r.windows);
    for (const auto& w : r.windows)
        n += heap(w.id) + heap_vec(w.events) + heap_vec(w.roles) + heap(w.readings) + heap(w.why);
    n += heap_vec(r.timers);
    for (const auto& t : r.timers) n += heap(t.id) + heap(t.readings) + heap(t.why);
    n += heap_vec(r.obligations);
    for (const auto& o : r.obligations) n += heap(o.id) + heap(o.readings) + heap(o.why);
    n += heap_vec(r.retentions);
    for (const auto& x : r.retentions)
        n += heap(x.id) + heap(x.what) + heap(x.readings) + heap(x.why);
    return n;
}

// The largest rules/*/ruleset.json (or the small example when none is shipped yet).
std::string largest_rule_file() {
    namespace fs = std::filesystem;
    std::string best = source_dir + "/tests/rules/valid/small.json";
    std::uintmax_t size = 0;
    std::error_code ec;
    for (const auto& d : fs::directory_iterator(source_dir + "/rules", ec)) {
        fs::path p = d.path() / "ruleset.json";
        if (fs::exists(p) && fs::file_size(p) > size) {
            size = fs::file_size(p);
            best = p.string();
        }
    }
    return best;
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void BM_rules_load_largest(benchmark::State& state) {
    const std::string path = largest_rule_file();
    const std::string text = read(path);
    std::size_t bytes = 0;
    for (auto _ : state) {
        load_result r = load_ruleset_text(text, path);
        if (!r.ok()) {
            state.SkipWithError(format(r.errors.front()).c_str());
            return;
        }
        bytes = model_bytes(*r.rules);
        benchmark::DoNotOptimize(r);
    }
    state.SetLabel(std::filesystem::path(path).parent_path().filename().string());
    state.counters["bytes"] = double(text.size());
    state.counters["model_bytes"] = double(bytes);
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(text.size()));
}
BENCHMARK(BM_rules_load_largest)->Unit(benchmark::kMicrosecond);

void BM_rules_check_largest(benchmark::State& state) {
    const std::string path = largest_rule_file();
    load_result r = load_ruleset_text(read(path), path);
    if (!r.ok()) {
        state.SkipWithError(format(r.errors.front()).c_str());
        return;
    }
    for (auto _ : state) benchmark::DoNotOptimize(check(*r.rules));
}
BENCHMARK(BM_rules_check_largest)->Unit(benchmark::kMicrosecond);

} // namespace
