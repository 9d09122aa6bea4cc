# due: usage errors (exit 2), bad dates (exit 1, naming the option), bad history lines (each on
# stderr with file:line:col; the valid persons are still listed; exit 1).
$ echeance due --rules rules/mon-espace-sante tests/cli/fixtures/due.jsonl
2> echeance: usage error: --from is required
2> Run with --help for more information.
[exit 2]
$ echeance due --rules rules/mon-espace-sante tests/cli/fixtures/due.jsonl --from 2024-03-01 --to 2024-02-01
2> echeance: usage error: --from 2024-03-01 is after --to 2024-02-01: the range is empty
[exit 2]
$ echeance due --rules rules/mon-espace-sante tests/cli/fixtures/due.jsonl --from 2024-02-30
2> echeance: --from: error [echeance.date.invalid]: invalid date "2024-02-30": February 2024 has 29 days (expected YYYY-MM-DD)
[exit 1]
$ echeance due --rules rules/mon-espace-sante tests/cli/fixtures/due.jsonl --from 2024-02-01 --to tomorrow
2> echeance: --to: error [echeance.date.invalid]: invalid date "tomorrow": character 1 is not a digit (expected YYYY-MM-DD)
[exit 1]
$ echeance due --rules rules/mon-espace-sante tests/cli/fixtures/due.jsonl --from 2024-02-01 --output text
2> echeance: usage error: --output: text not in {csv,json}
2> Run with --help for more information.
[exit 2]
$ echeance due --rules rules/mon-espace-sante tests/cli/fixtures/due.jsonl --from 2024-02-01 --reading dmp_transition
2> echeance: usage error: --reading "dmp_transition" is not of the form RULE=READING
[exit 2]
$ echeance due --rules rules/mon-espace-sante tests/cli/fixtures/no-such-file.jsonl --from 2024-02-01
2> echeance: HISTORY: error [echeance.history.open]: cannot open history file "tests/cli/fixtures/no-such-file.jsonl": No such file or directory
[exit 1]
$ echeance due --rules rules/mon-espace-sante - --from 2024-02-01 --to 2024-02-29
< {"person":"p1","at":"2024-01-10","event":"information_sent","role":"cnam"}
< {"person":"p2","at":"2024-01-10","event":"information_sent"}
< {"person":"p3","at":"2024-01-32","event":"information_sent","role":"cnam"}
< {"person":"p4","at":"2024-01-11","event":"information_sent","role":"cnam"}
day,person,what,rule,event,role,cite
2024-02-21,p1,window_end,opposition_window,opposition,holder representative,CSP R.1111-28
2024-02-22,p1,move,automatic_creation,automatic_creation,system,CSP R.1111-28
2024-02-22,p4,window_end,opposition_window,opposition,holder representative,CSP R.1111-28
2024-02-23,p4,move,automatic_creation,automatic_creation,system,CSP R.1111-28
2> echeance: <stdin>:2:1: error [echeance.history.missing]: missing "role" (each line needs person, at, event and role)
2> echeance: <stdin>:3:30: error [echeance.date.invalid]: invalid date "2024-01-32": January 2024 has 31 days (expected YYYY-MM-DD)
[exit 1]
