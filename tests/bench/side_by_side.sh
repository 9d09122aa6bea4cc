#!/bin/bash
# Two commands run at the same time, one on each of the first two cores (swapped from run to
# run), N times: the median of the ratios of their CPU time (task-clock, A/B). On a shared VM
# whose speed changes by a third from one minute to the next, two programs timed one after the
# other are timed at two speeds; side by side they share the speed of the moment. A ratio above
# 1 means B is faster.
#   sh tests/bench/side_by_side.sh 10 \
#     "build/tests/bench/echeance_baseline rules/mon-espace-sante /tmp/h.jsonl 2030-01-01" \
#     "build/echeance replay --rules rules/mon-espace-sante --as-of 2030-01-01 \
#        --output summary --threads 1 /tmp/h.jsonl"
# Needs perf (linux-perf: its software event task-clock) and taskset (util-linux), 2 cores.
set -eu
n=$1
a=$2
b=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { # core command file
  taskset -c "$1" perf stat -x, -e task-clock sh -c "$2 > /dev/null" 2>&1 |
    awk -F, '/task-clock/ { print $1 }' > "$3"
}
for i in $(seq "$n"); do
  if [ $((i % 2)) = 0 ]; then ca=0 cb=1; else ca=1 cb=0; fi
  run "$ca" "$a" "$tmp/a" &
  run "$cb" "$b" "$tmp/b" &
  wait
  echo "$(cat "$tmp/a") $(cat "$tmp/b")"
done | awk '{ print $1 / $2, $1, $2 }' | sort -n |
  awk '{ r[NR] = $1; a += $2; b += $3 }
       END { m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
             printf "median A/B %.3f (mean CPU A %.1f ms, B %.1f ms; %d runs, ratios %.3f to %.3f)\n",
                    m, a / NR, b / NR, NR, r[1], r[NR] }'
