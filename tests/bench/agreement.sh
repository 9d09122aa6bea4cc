#!/bin/sh
# The hand-written baseline and `echeance replay --output summary` agree line for line on
# generated histories (NIRs among them), as of days when windows, obligations, timers and
# archives are running. Usage: sh tests/bench/agreement.sh CLI GENERATE BASELINE RULES_DIR
set -eu
cli=$1 gen=$2 base=$3 rules=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$gen" --persons 20000 --seed 11 --events-per-person 6 --nir-every 3 >"$tmp/h.jsonl"
status=0
for day in 2022-03-01 2022-09-01 2023-06-01 2024-06-01 2030-01-01; do
  "$base" "$rules" "$tmp/h.jsonl" "$day" >"$tmp/base.csv"
  "$cli" replay --rules "$rules" --as-of "$day" --output summary "$tmp/h.jsonl" >"$tmp/cli.csv"
  n=$(diff "$tmp/base.csv" "$tmp/cli.csv" | wc -l)
  echo "as of $day: $(wc -l <"$tmp/cli.csv") lines, $n diff lines"
  [ "$n" = 0 ] || status=1
done
exit $status
