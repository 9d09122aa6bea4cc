#!/bin/bash
# replay from a pipe (not a file the runner can map): streamed with --grouped, spooled without;
# both must print what the same input gives from a file, for 1 and 2 threads.
#   bash tests/cli/pipe.sh BIN HISTORY
set -u
bin=$1 history=$2
args=(replay --rules rules/mon-espace-sante --as-of 2024-06-01 --output json)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for grouped in "" --grouped; do
  "$bin" "${args[@]}" $grouped "$history" >"$tmp/file.out" 2>"$tmp/file.err"
  want=$?
  for threads in 1 2; do
    cat "$history" | "$bin" "${args[@]}" $grouped --threads $threads - >"$tmp/pipe.out" 2>"$tmp/pipe.err"
    got=$?
    sed "s|^echeance: $history:|echeance: <stdin>:|" "$tmp/file.err" >"$tmp/file.err.stdin"
    if [ $got != $want ] || ! cmp -s "$tmp/file.out" "$tmp/pipe.out" ||
       ! cmp -s "$tmp/file.err.stdin" "$tmp/pipe.err"; then
      echo "pipe.sh: ${grouped:-default} --threads $threads: the pipe differs from the file (exit $got, want $want)"
      diff "$tmp/file.out" "$tmp/pipe.out" | head -5
      diff "$tmp/file.err.stdin" "$tmp/pipe.err" | head -5
      status=1
    fi
  done
done
exit $status
