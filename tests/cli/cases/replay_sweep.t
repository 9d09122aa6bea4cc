# replay streams: persons are replayed as soon as their lines end, on every core (--threads),
# with the same bytes for any number of threads. The fixture is not grouped by person (a and b
# come back after others): without --grouped each person gets all of their lines; with --grouped
# (streaming only) a person who comes back is one error naming both lines, and those lines are
# skipped.
$ echeance replay --rules rules/mon-espace-sante --as-of 2024-06-01 --output summary --threads 1 tests/cli/fixtures/ungrouped.jsonl
person,state,since,next_day,next_kind,next_rule,overdue
a,active,2024-02-10,,,,0
b,active,2024-03-10,,,,0
c,open,2024-03-26,,,,0
[exit 0]
$ echeance replay --rules rules/mon-espace-sante --as-of 2024-06-01 --output summary --threads 2 tests/cli/fixtures/ungrouped.jsonl
person,state,since,next_day,next_kind,next_rule,overdue
a,active,2024-02-10,,,,0
b,active,2024-03-10,,,,0
c,open,2024-03-26,,,,0
[exit 0]
$ echeance replay --rules rules/mon-espace-sante --as-of 2024-06-01 --output summary --grouped tests/cli/fixtures/ungrouped.jsonl
person,state,since,next_day,next_kind,next_rule,overdue
a,open,2024-02-22,,,,0
b,open,2024-02-22,,,,0
c,open,2024-03-26,,,,0
2> echeance: tests/cli/fixtures/ungrouped.jsonl:4:12: error [echeance.history.regrouped]: person "a" comes back after other persons (first seen on line 1); with --grouped each person's lines must be consecutive: lines 4 to 5 skipped
2> echeance: tests/cli/fixtures/ungrouped.jsonl:7:12: error [echeance.history.regrouped]: person "b" comes back after other persons (first seen on line 2); with --grouped each person's lines must be consecutive: line 7 skipped
[exit 1]
$ echeance replay --rules rules/mon-espace-sante --as-of 2024-06-01 --output summary --grouped -
< {"person":"a","at":"2024-01-10","event":"information_sent","role":"cnam"}
< {"person":"b","at":"2024-01-10","event":"information_sent","role":"cnam"}
< {"person":"a","at":"2024-02-10","event":"activation","role":"holder"}
person,state,since,next_day,next_kind,next_rule,overdue
a,open,2024-02-22,,,,0
b,open,2024-02-22,,,,0
2> echeance: <stdin>:3:12: error [echeance.history.regrouped]: person "a" comes back after other persons (first seen on line 1); with --grouped each person's lines must be consecutive: line 3 skipped
[exit 1]
# From stdin without --grouped: every line of each person (the runner gives stdin as a file; tests/cli/pipe.sh
# checks pipes, which are spooled to a temporary file first).
$ echeance replay --rules rules/mon-espace-sante --as-of 2024-06-01 --output summary -
< {"person":"a","at":"2024-01-10","event":"information_sent","role":"cnam"}
< {"person":"b","at":"2024-01-10","event":"information_sent","role":"cnam"}
< {"person":"a","at":"2024-02-10","event":"activation","role":"holder"}
person,state,since,next_day,next_kind,next_rule,overdue
a,active,2024-02-10,,,,0
b,open,2024-02-22,,,,0
[exit 0]
$ echeance replay --rules rules/mon-espace-sante --as-of 2024-06-01 --threads -1 tests/cli/fixtures/ungrouped.jsonl
2> echeance: usage error: --threads: Value -1 not in range 0 to 1024
2> Run with --help for more information.
[exit 2]
