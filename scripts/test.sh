#!/bin/sh
# Every test: a warning-free (-Werror) release build with unit, property, CLI, rule, C API,
# Python and install tests and the benchmarks built (not run); then the same tests under
# ASan+UBSan (without the Python module: its tests would need the ASan runtime preloaded).
set -eu
jobs=$(nproc 2>/dev/null || echo 2)
# .clang-format is the law for layout.
git ls-files '*.cpp' '*.hpp' '*.h' | xargs -r clang-format --dry-run --Werror
# The Python module and its tests use Debian's interpreter (the one of pybind11-dev and
# python3-pytest), not another python3 that may come first on PATH.
python=""
[ -x /usr/bin/python3 ] && python="-DPython_EXECUTABLE=/usr/bin/python3"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DECHEANCE_WERROR=ON -DECHEANCE_BUILD_BENCH=ON $python
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DECHEANCE_WERROR=ON -DECHEANCE_SANITIZE=ON
cmake --build build-asan -j"$jobs"
# The install tests and the fuzzer build other trees (the fuzzer with its own sanitizers): they ran above.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs" -E '^(install\.|rules\.fuzz|fuzz\.)'
