# replay --output summary: one CSV line per person after the header (columns in docs/replay.md).
# The NIR is masked; an id with a comma and quotes is quoted (RFC 4180); "late" has two deletion
# requests overdue, so its next deadline is the purge of its archive; "quiet" has none.
$ echeance replay --rules rules/mon-espace-sante tests/cli/fixtures/reports.jsonl --as-of 2023-10-02 --output summary
person,state,since,next_day,next_kind,next_rule,overdue
NIR-masked-1,closed,2023-09-04,2023-12-05,obligation,deletion_on_request,0
"Dupont, ""Jean""; né à Besançon",notified,2023-09-20,2023-11-02,window,opposition_window,0
Żółw Ćma Ślimak Łoś Jeż Kruk Gęś Wąż Żuraw Sójka Dzięcioł,notified,2023-09-25,2023-11-06,window,opposition_window,0
late,closed,2023-01-04,2033-01-05,retention,ens_archive,2
quiet,open,2022-05-28,,,,0
[exit 0]
# Before most of the history: the opposition window of each notified person is the next deadline.
$ echeance replay --rules rules/mon-espace-sante tests/cli/fixtures/reports.jsonl --as-of 2022-05-01 --output summary
person,state,since,next_day,next_kind,next_rule,overdue
NIR-masked-1,notified,2022-04-14,2022-05-27,window,opposition_window,0
"Dupont, ""Jean""; né à Besançon",none,,,,,0
Żółw Ćma Ślimak Łoś Jeż Kruk Gęś Wąż Żuraw Sójka Dzięcioł,none,,,,,0
late,notified,2022-04-14,2022-05-27,window,opposition_window,0
quiet,notified,2022-04-14,2022-05-27,window,opposition_window,0
[exit 0]
# Under another reading, the window's last day moves (six weeks from receipt of the notice).
$ echeance replay --rules rules/mon-espace-sante tests/cli/fixtures/readme_history.jsonl --as-of 2022-05-01 --output summary --reading opposition_window=six-weeks-from-receipt
person,state,since,next_day,next_kind,next_rule,overdue
NIR-masked-1,notified,2022-04-14,2022-05-31,window,opposition_window,0
[exit 0]
# The summary shown in README.md, byte for byte.
$ echeance replay --rules rules/mon-espace-sante tests/cli/fixtures/readme_history.jsonl --as-of 2023-10-02 --output summary
person,state,since,next_day,next_kind,next_rule,overdue
NIR-masked-1,closed,2023-09-04,2023-12-05,obligation,deletion_on_request,0
[exit 0]
# No person at all: the header alone.
$ echeance replay --rules rules/mon-espace-sante - --as-of 2022-05-01 --output summary
person,state,since,next_day,next_kind,next_rule,overdue
[exit 0]
