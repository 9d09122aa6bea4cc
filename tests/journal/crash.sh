#!/usr/bin/env bash
# Crash harness of the journal: kill -9 at random instants during append and during apply.
#   bash tests/journal/crash.sh BINARY APPEND_TRIALS APPLY_TRIALS
# After each kill: every receipt printed (complete lines) is proved by the journal, verify
# passes, and after running the command again the journal holds each event once (as many
# entries as a run never killed) and `journal replay` equals `echeance replay` of the same events.
#   bash tests/journal/crash.sh --slow ...     the same, only when ECHEANCE_SLOW=1 (else skipped: 77)
set -u
if [[ ${1-} == --slow ]]; then
    [[ ${ECHEANCE_SLOW-} == 1 ]] || { echo "crash.sh: slow run skipped (set ECHEANCE_SLOW=1)"; exit 77; }
    shift
fi
bin=$1
append_trials=$2
apply_trials=$3
rules=rules/mon-espace-sante
tmp=$(mktemp -d "${TMPDIR:-/tmp}/echeance-crash.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
export ECHEANCE_JOURNAL_KEY=crash-harness-key-0123456789
RANDOM=20260412

# 12 batches of 100 persons (a NIR among them), each notified, a third opposing.
files=()
for b in $(seq 0 11); do
    f=$tmp/batch$b.jsonl
    for i in $(seq $((b * 100)) $((b * 100 + 99))); do
        printf '{"person":"p%d","at":"2022-%02d-%02d","event":"information_sent","role":"cnam"}\n' \
            "$i" $((1 + i % 12)) $((1 + i % 28))
        if ((i % 3 == 0)); then
            printf '{"person":"p%d","at":"2022-%02d-%02d","event":"opposition","role":"holder","channel":"phone"}\n' \
                "$i" $((1 + i % 12)) $((8 + i % 20))
        fi
    done >"$f"
    files+=("$f")
done
printf '{"person":"1 84 12 76 451 089 46","at":"2022-04-14","event":"information_sent","role":"cnam"}\n' >>"${files[5]}"
cat "${files[@]}" >"$tmp/all.jsonl"

fail() {
    echo "crash.sh: trial $1: $2" >&2
    exit 1
}
entries() { "$bin" journal verify --db "$1" | sed -n 's/^journal intact: \([0-9]*\) entries.*/\1/p'; }
# Receipts of a killed run: its last line may be cut.
complete() { if [[ -s $1 && $(tail -c 1 "$1" | od -An -c | tr -d ' ') != '\n' ]]; then sed -i '$d' "$1"; fi; }
now_ms() { date +%s%3N; }

# Reference runs, never killed, and their durations (the window for the random kills).
ref=$tmp/ref.db
t0=$(now_ms)
"$bin" journal append --db "$ref" "${files[@]}" >/dev/null 2>&1 || fail ref "append failed"
t1=$(now_ms)
ref_events=$(entries "$ref")
"$bin" journal apply --db "$ref" --rules $rules --as-of 2023-06-01 --persons-per-transaction 50 \
    >/dev/null 2>&1 || fail ref "apply failed"
t2=$(now_ms)
ref_all=$(entries "$ref")
append_ms=$((t1 - t0 + 5))
apply_ms=$((t2 - t1 + 5))
"$bin" replay --rules $rules --as-of 2023-06-01 --json "$tmp/all.jsonl" >"$tmp/file.json" 2>&1
"$bin" journal replay --db "$ref" --rules $rules --as-of 2023-06-01 --json >"$tmp/journal.json" 2>&1
cmp -s "$tmp/file.json" "$tmp/journal.json" || fail ref "journal replay differs from the file replay"

# Kills the command after a random delay within its usual duration; returns after it ended.
run_killed() {
    local ms=$1 out=$2
    shift 2
    "$@" >"$out" 2>/dev/null &
    local pid=$!
    local delay=$((RANDOM % ms))
    sleep "$(printf '0.%03d' "$delay")" 2>/dev/null || sleep 0
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    complete "$out"
}

# After the re-run of a killed command: WHAT's journal DB holds EXPECTED entries, proves the
# receipts of both runs ($tmp/r1, $tmp/r2) and replays as the file does; then it is removed.
settled() {
    local what=$1 db=$2 expected=$3
    [[ $(entries "$db") == "$expected" ]] || fail "$what" "$(entries "$db") entries, expected $expected"
    cat "$tmp/r1" "$tmp/r2" >"$tmp/r"
    "$bin" journal verify --db "$db" --receipt "$tmp/r" >/dev/null 2>"$tmp/err" ||
        fail "$what" "verify failed: $(cat "$tmp/err")"
    "$bin" journal replay --db "$db" --rules $rules --as-of 2023-06-01 --json >"$tmp/j.json" 2>&1
    cmp -s "$tmp/file.json" "$tmp/j.json" || fail "$what" "journal replay differs from the file replay"
    rm -f "$db"*
}

killed_mid=0
for t in $(seq 1 "$append_trials"); do
    db=$tmp/a$t.db
    rm -f "$db"*
    run_killed "$append_ms" "$tmp/r1" "$bin" journal append --db "$db" "${files[@]}"
    n=$(wc -l <"$tmp/r1")
    if [[ -e $db ]] && ((n > 0)); then
        "$bin" journal verify --db "$db" --receipt "$tmp/r1" >/dev/null 2>"$tmp/err" ||
            fail "append $t" "receipts not proved after the kill: $(cat "$tmp/err")"
    fi
    if [[ -e $db ]]; then
        k=$(entries "$db" 2>/dev/null)
        ((k > 0 && k < ref_events)) && killed_mid=$((killed_mid + 1))
    fi
    "$bin" journal append --db "$db" "${files[@]}" >"$tmp/r2" 2>/dev/null || fail "append $t" "re-run failed"
    settled "append $t" "$db" "$ref_events"
done

base=$tmp/events.db
"$bin" journal append --db "$base" "${files[@]}" >/dev/null 2>&1
applied_mid=0
for t in $(seq 1 "$apply_trials"); do
    db=$tmp/p$t.db
    rm -f "$db"*
    cp "$base" "$db"
    run_killed "$apply_ms" "$tmp/r1" "$bin" journal apply --db "$db" --rules $rules --as-of 2023-06-01 \
        --persons-per-transaction 50
    n=$(wc -l <"$tmp/r1")
    if ((n > 0)); then
        "$bin" journal verify --db "$db" --receipt "$tmp/r1" >/dev/null 2>"$tmp/err" ||
            fail "apply $t" "receipts not proved after the kill: $(cat "$tmp/err")"
    fi
    k=$(entries "$db" 2>/dev/null)
    ((k > ref_events && k < ref_all)) && applied_mid=$((applied_mid + 1))
    "$bin" journal apply --db "$db" --rules $rules --as-of 2023-06-01 --persons-per-transaction 50 \
        >"$tmp/r2" 2>/dev/null || fail "apply $t" "re-run failed"
    settled "apply $t" "$db" "$ref_all"
done
echo "crash.sh: $append_trials append kills ($killed_mid left part of the batches stored)," \
    "$apply_trials apply kills ($applied_mid left part of the automatic events recorded); events $ref_events, with automatic $ref_all;" \
    "append ${append_ms} ms, apply ${apply_ms} ms: all receipts proved, nothing twice, nothing missed"
