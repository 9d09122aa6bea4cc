#!/usr/bin/env bash
# Batch throughput of the echeance CLI against dateutils' dadd (Debian package dateutils).
#
#   bash tests/bench/batch_vs_dadd.sh [ECHEANCE_BINARY] [LINES]
#
# Generates LINES (default 1,000,000) varied dates from 2000-01-01 to 2030-12-31 (awk, a fixed
# pseudo-random sequence), as "DATE P6W" lines for echeance and as bare dates for dadd, then
# times, best of 3 runs each, output to a file:
#   echeance add < lines                              (plain arithmetic)
#   dateutils.dadd -i '%F' +6w < dates                (the same arithmetic)
#   echeance deadline --territory FR-971 < lines      (CPC 642 with the Guadeloupe calendar)
# checks that the echeance add output equals dadd's line for line, and prints the times and the
# ratios dadd_time / echeance_time (> 1: echeance is faster).
set -euo pipefail

bin=${1:-build/echeance}
n=${2:-1000000}
dadd=$(command -v dateutils.dadd || command -v dadd || true)
if [[ ! -x $bin ]]; then
    echo "batch_vs_dadd.sh: $bin: not an executable (pass the echeance binary)" >&2
    exit 2
fi
if [[ -z $dadd ]]; then
    echo "batch_vs_dadd.sh: dateutils.dadd not found (apt-get install dateutils)" >&2
    exit 2
fi
export LC_ALL=C

tmp=$(mktemp -d "${TMPDIR:-/tmp}/echeance-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# Days since 1970-01-01 to a civil date (H. Hinnant's civil_from_days), so that the inputs do
# not depend on echeance itself. 2000-01-01 is day 10957, 2030-12-31 day 22279.
awk -v n="$n" -v lines="$tmp/lines" -v dates="$tmp/dates" '
function civil(z,   era, doe, yoe, y, doy, mp, d, m) {
    z += 719468
    era = int(z / 146097)
    doe = z - era * 146097
    yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
    y = yoe + era * 400
    doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
    mp = int((5 * doy + 2) / 153)
    d = doy - int((153 * mp + 2) / 5) + 1
    m = mp < 10 ? mp + 3 : mp - 9
    if (m <= 2) y++
    return sprintf("%04d-%02d-%02d", y, m, d)
}
BEGIN {
    first = 10957; span = 22279 - 10957 + 1
    x = 12345
    for (i = 0; i < n; i++) {
        x = (x * 69069 + 1) % 4294967296  # exact in doubles (< 2^53)
        s = civil(first + x % span)
        print s " P6W" > lines
        print s > dates
    }
}'

best() { # best of 3 wall-clock times (seconds, bash time) of: "$@" < $input > $output
    local input=$1 output=$2 best_time="" t TIMEFORMAT=%3R
    shift 2
    for _ in 1 2 3; do
        t=$( { time "$@" <"$input" >"$output" 2>/dev/null || true; } 2>&1 )
        if [[ -z $best_time ]] || awk -v a="$t" -v b="$best_time" 'BEGIN { exit !(a < b) }'; then
            best_time=$t
        fi
    done
    echo "$best_time"
}

t_add=$(best "$tmp/lines" "$tmp/add.out" "$bin" add)
t_dadd=$(best "$tmp/dates" "$tmp/dadd.out" "$dadd" -i '%F' +6w)
t_deadline=$(best "$tmp/lines" "$tmp/deadline.out" "$bin" deadline --territory FR-971)

status=0
if cmp -s "$tmp/add.out" "$tmp/dadd.out"; then
    same="yes"
else
    same="NO"
    status=1
    diff "$tmp/add.out" "$tmp/dadd.out" | head -5 >&2 || true
fi
lines_out=$(wc -l <"$tmp/deadline.out")
if [[ $lines_out -ne $n ]] || grep -q '^error' "$tmp/deadline.out"; then
    echo "echeance deadline: unexpected output ($lines_out lines)" >&2
    status=1
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "inf" }'; }
rate() { awk -v n="$n" -v t="$1" 'BEGIN { if (t > 0) printf "%.1f", n / t / 1e6; else print "inf" }'; }
echo "lines: $n (dates 2000-01-01..2030-12-31, period P6W), best of 3 runs"
echo "echeance add:                       ${t_add} s  ($(rate "$t_add") M lines/s)"
echo "dateutils.dadd -i %F +6w:           ${t_dadd} s  ($(rate "$t_dadd") M lines/s)"
echo "echeance deadline --territory FR-971: ${t_deadline} s  ($(rate "$t_deadline") M lines/s)"
echo "echeance add output equals dadd output: $same"
echo "ratio dadd_time / echeance_add_time:      $(ratio "$t_dadd" "$t_add")"
echo "ratio dadd_time / echeance_deadline_time: $(ratio "$t_dadd" "$t_deadline")"
exit $status
