#!/bin/sh
# The end-to-end comparison: a generated history file replayed by `echeance replay` and by the
# hand-written baseline (tests/bench/baseline.cpp), in the same run, with ratios to the baseline.
#   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DECHEANCE_BUILD_BENCH=ON
#   cmake --build build-bench --target echeance_cli echeance_generate echeance_baseline
#   sh tests/bench/sweep.sh build-bench            # 1,000,000 persons x 5 events (~540 MB)
#   PERSONS=10000000 sh tests/bench/sweep.sh build-bench
# Environment: PERSONS (1000000), EVENTS (5), SEED (1), AS_OF (2030-01-01), DIR (/tmp: the
# history and the outputs, removed at the end unless KEEP=1).
# Each program runs under /usr/bin/time -v (Debian package time): wall time, CPU time (user +
# system: on a shared machine the fairer figure) and maximum resident set size. The summary
# outputs are compared line by line with the baseline's (diff lines: 0 when they agree).
# --threads 1 and 2 and --grouped are passed only when `echeance replay --help` lists them.
set -eu
build=${1:-build-bench}
persons=${PERSONS:-1000000}
events=${EVENTS:-5}
seed=${SEED:-1}
as_of=${AS_OF:-2030-01-01}
dir=${DIR:-/tmp}
rules=$(dirname "$0")/../../rules/mon-espace-sante
cli=$build/echeance
gen=$build/tests/echeance-generate
base=$build/tests/bench/echeance_baseline
for p in "$cli" "$gen" "$base" /usr/bin/time; do
  [ -x "$p" ] || { echo "sweep: $p is missing (see the header of $0)" >&2; exit 2; }
done
history=$dir/sweep-$persons-$events-$seed.jsonl
out=$dir/sweep-out.$$
time_of=$dir/sweep-time.$$
cleanup() {
  rm -f "$out" "$time_of"
  [ "${KEEP:-0}" = 1 ] || rm -f "$history" "$dir/sweep-base.$$.csv"
}
trap cleanup EXIT

echo "sweep: generating $persons persons x $events events (seed $seed) into $history"
"$gen" --persons "$persons" --events-per-person "$events" --seed "$seed" >"$history"
echo "sweep: $(wc -c <"$history") bytes, $(wc -l <"$history") lines; as of $as_of"

help=$("$cli" replay --help 2>&1 || true)
has() { printf '%s\n' "$help" | grep -q -- "$1"; }
grouped=""
has --grouped && grouped="--grouped"

# run NAME COMMAND...: runs it under /usr/bin/time -v, stdout to $out; sets wall, cpu, rss.
run() {
  name=$1
  shift
  status=0
  /usr/bin/time -v -o "$time_of" "$@" >"$out" || status=$?
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
      n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$time_of")
  cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {print u + s}' "$time_of")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$time_of")
  [ "$status" = 0 ] || echo "sweep: $name exited with status $status" >&2
}
row() { # name, diff lines
  awk -v n="$1" -v w="$wall" -v c="$cpu" -v r="$rss" -v bw="$base_wall" -v bc="$base_cpu" \
    -v d="$2" 'BEGIN { printf "%-44s %8.2f %8.2f %8d %9.1fx %9.1fx  %s\n", n, w, c, r,
                      (bw > 0 ? w / bw : 0), (bc > 0 ? c / bc : 0), d }'
}

printf '%-44s %8s %8s %8s %10s %10s  %s\n' program "wall s" "cpu s" "RSS MB" "wall/base" \
  "cpu/base" "summary diff lines"
run baseline "$base" "$rules" "$history" "$as_of"
base_wall=$wall
base_cpu=$cpu
cp "$out" "$dir/sweep-base.$$.csv"
row baseline -
threads=""
has --threads && threads="1 2"
for output in summary json; do
  for t in ${threads:-none}; do
    name="cli --output $output"
    set -- "$cli" replay --rules "$rules" --as-of "$as_of" --output "$output"
    [ -z "$grouped" ] || { set -- "$@" "$grouped"; name="$name $grouped"; }
    [ "$t" = none ] || { set -- "$@" --threads "$t"; name="$name --threads $t"; }
    run "$name" "$@" "$history"
    if [ "$output" = summary ]; then
      row "$name" "$(diff "$dir/sweep-base.$$.csv" "$out" | wc -l)"
    else
      row "$name" -
    fi
  done
done
