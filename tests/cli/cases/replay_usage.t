# replay: usage errors (exit 2) and unreadable inputs (exit 1).
$ echeance replay rules/x.jsonl
2> echeance: usage error: --rules is required
2> Run with --help for more information.
[exit 2]
$ echeance replay --rules rules/mon-espace-sante tests/cli/fixtures/no-such-file.jsonl --as-of 2022-06-01
2> echeance: HISTORY: error [echeance.history.open]: cannot open history file "tests/cli/fixtures/no-such-file.jsonl": No such file or directory
[exit 1]
$ echeance replay --rules rules/mon-espace-sante - --as-of 2022-13-01
2> echeance: --as-of: error [echeance.date.invalid]: invalid date "2022-13-01": month 13 does not exist (expected YYYY-MM-DD)
[exit 1]
$ echeance replay --rules rules/mon-espace-sante - --as-of 2022-06-01 --reading opposition_window=two-weeks
2> echeance: --reading: error [echeance.replay.unknown_reading]: opposition_window has no reading "two-weeks" (expected one of: six-weeks-from-sending, one-month-from-receipt, six-weeks-from-receipt)
[exit 1]
$ echeance replay --rules rules/mon-espace-sante - --as-of 2022-06-01 --reading opposition_window
2> echeance: usage error: --reading "opposition_window" is not of the form RULE=READING
[exit 2]
$ echeance replay --rules rules/no-such-rules - --as-of 2022-06-01
2> echeance: rules/no-such-rules: error [echeance.rule.io]: cannot read "rules/no-such-rules": No such file or directory
[exit 1]
