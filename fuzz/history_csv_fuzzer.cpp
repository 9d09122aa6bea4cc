// libFuzzer target over the CSV history reader: any input gives persons and positioned errors,
// never a crash, a leak, undefined behaviour or a hang; every person replays and renders in every
// format, and a reused result equals a fresh one (see replay_check.hpp).
//   cmake --build build-fuzz --target history_csv_fuzzer && build-fuzz/history_csv_fuzzer DIR
#include "replay_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return fuzz::run_history(data, size, echeance::history_parser::format::csv);
}
