#!/usr/bin/env bash
# Golden-transcript runner for the echeance command line (bash and diffutils only).
#
# Usage (CTest runs it from the project root, one test per case file):
#   bash tests/cli/run.sh BINARY CASE.t            compare; exit 0 pass, 1 mismatch, 2 bad case
#   bash tests/cli/run.sh --update BINARY CASE.t   rewrite CASE.t with the actual outputs
#                                                  (then READ the diff before keeping it)
#
# Case format (see tests/cli/README.md). A case file is a transcript; it passes when it equals,
# byte for byte, the transcript produced by running its commands:
#
#   # a comment                       outside a command: '#' lines and blank lines are kept as is
#   $ echeance deadline 2022-04-14 P6W --territory FR-971
#   < 2022-04-14 P6W                  optional, right after the '$' line: one stdin line each
#   <                                 ('<' alone is an empty stdin line; no '<' lines: /dev/null)
#   2022-05-30                        expected stdout lines, verbatim
#   2> echeance: ...                  then expected stderr lines, each prefixed '2> ' ('2>' alone:
#                                     an empty stderr line)
#   [exit 0]                          the expected exit status; ends the command
#
# - A "$ echeance ... > /dev/null" line discards stdout (not compared); stderr and the status are.
# - The word after '$ ' must be 'echeance'; it is replaced by BINARY. The rest of the line is
#   split into arguments with bash quoting rules ('single quotes', "double quotes"); globbing is
#   off. Paths (e.g. --calendar tests/cli/fixtures/x.json) are relative to the project root.
# - Stdout lines come first, then stderr lines: the runner does not record how they interleave.
# - Output without a final newline, or with '\r', shows up as a difference.
# - Several commands per file are allowed; each is run in a fresh process, LC_ALL=C.
# On a mismatch the runner prints a unified diff (expected = the case file, actual = the run).
set -u
set -f

update=0
if [[ ${1-} == --update ]]; then
    update=1
    shift
fi
if [[ $# -ne 2 ]]; then
    echo "usage: bash tests/cli/run.sh [--update] BINARY CASE.t" >&2
    exit 2
fi
bin=$1
case_file=$2
if [[ ! -x $bin ]]; then
    echo "run.sh: $bin: not an executable" >&2
    exit 2
fi
if [[ ! -r $case_file ]]; then
    echo "run.sh: $case_file: cannot read" >&2
    exit 2
fi

export LC_ALL=C
devnull_re='^(.*[^ ])?[[:space:]]*>[[:space:]]*/dev/null$'
tmp=$(mktemp -d "${TMPDIR:-/tmp}/echeance-cli.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
actual=$tmp/actual.t

bad_case() {
    echo "$case_file:$1: $2" >&2
    exit 2
}

mapfile -t lines <"$case_file"
n=${#lines[@]}
i=0
: >"$actual"
while ((i < n)); do
    line=${lines[i]}
    no=$((i + 1))
    if [[ -z $line || $line == \#* ]]; then
        printf '%s\n' "$line" >>"$actual"
        i=$((i + 1))
        continue
    fi
    if [[ $line != '$ '* ]]; then
        bad_case "$no" "expected a '\$ echeance ...' line, a '#' comment or a blank line"
    fi
    read -r word rest <<<"${line#'$ '}"
    if [[ $word != echeance ]]; then
        bad_case "$no" "a command must start with '\$ echeance'"
    fi
    # A trailing "> /dev/null" discards stdout: it is not compared (e.g. --help, whose text
    # changes with every new subcommand).
    discard=0
    if [[ $rest =~ $devnull_re ]]; then
        discard=1
        rest=${BASH_REMATCH[1]-}
    fi
    args=()
    if ! eval "args=($rest)" 2>"$tmp/eval.err"; then
        bad_case "$no" "cannot split the arguments: $(<"$tmp/eval.err")"
    fi
    printf '%s\n' "$line" >>"$actual"
    i=$((i + 1))

    # Stdin lines.
    stdin=/dev/null
    if ((i < n)) && [[ ${lines[i]} == '<' || ${lines[i]} == '< '* ]]; then
        stdin=$tmp/stdin
        : >"$stdin"
        while ((i < n)) && [[ ${lines[i]} == '<' || ${lines[i]} == '< '* ]]; do
            s=${lines[i]}
            printf '%s\n' "$s" >>"$actual"
            if [[ $s == '<' ]]; then
                printf '\n' >>"$stdin"
            else
                printf '%s\n' "${s#'< '}" >>"$stdin"
            fi
            i=$((i + 1))
        done
    fi

    # Skip the expected output up to and including '[exit N]'.
    while ((i < n)) && [[ ! ${lines[i]} =~ ^\[exit\ [0-9]+\]$ ]]; do
        i=$((i + 1))
    done
    if ((i >= n)); then
        bad_case "$no" "the command has no '[exit N]' line"
    fi
    i=$((i + 1))

    # Run and write the actual transcript of this command.
    "$bin" "${args[@]}" <"$stdin" >"$tmp/out" 2>"$tmp/err"
    status=$?
    if ((!discard)); then
        cat "$tmp/out" >>"$actual"
    fi
    while IFS= read -r e || [[ -n $e ]]; do
        if [[ -z $e ]]; then
            printf '2>\n' >>"$actual"
        else
            printf '2> %s\n' "$e" >>"$actual"
        fi
    done <"$tmp/err"
    # Keep a missing final newline on stderr visible.
    if [[ -s $tmp/err && $(tail -c 1 "$tmp/err" | od -An -c | tr -d ' ') != '\n' ]]; then
        printf '2> (no newline at end of stderr)\n' >>"$actual"
    fi
    printf '[exit %d]\n' "$status" >>"$actual"
done

if ((update)); then
    cp "$actual" "$case_file"
    exit 0
fi
if diff -u --label "$case_file (expected)" --label "$case_file (actual)" "$case_file" "$actual"; then
    exit 0
fi
exit 1
