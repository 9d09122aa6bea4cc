// libFuzzer target over the rule-file loader: any input must give a model or errors, never a
// crash, a leak, undefined behaviour or a hang. A loaded model must also survive check() and
// round-trip through serialize().
//   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++-14 -DECHEANCE_BUILD_FUZZ=ON
//   cmake --build build-fuzz --target load_fuzzer && build-fuzz/load_fuzzer CORPUS_DIR
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <echeance/check.hpp>
#include <echeance/io/rules.hpp>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    echeance::load_result r = echeance::load_ruleset_text(text, "fuzz.json");
    if (r.rules.has_value() != r.ok()) std::abort(); // a model exactly when there is no error
    if (r.ok()) {
        (void)echeance::check(*r.rules);
        echeance::load_result again =
            echeance::load_ruleset_text(echeance::serialize(*r.rules), "again.json");
        if (!again.ok()) std::abort(); // what we write, we read
    }
    return 0;
}
