# An unreadable input is an error, never an empty history; a UTF-8 byte-order mark is skipped.
$ echeance replay --rules rules/mon-espace-sante tests/cli/fixtures --as-of 2022-01-01
2> echeance: tests/cli/fixtures: error [echeance.io.read]: cannot read tests/cli/fixtures: Is a directory
[exit 1]
$ echeance replay --rules rules/mon-espace-sante tests/cli/fixtures/no-such-file.jsonl --as-of 2022-01-01
2> echeance: HISTORY: error [echeance.history.open]: cannot open history file "tests/cli/fixtures/no-such-file.jsonl": No such file or directory
[exit 1]
$ echeance add
< ﻿2022-04-14 P6W
< 2022-01-31 P1M
2022-05-26
2022-02-28
[exit 0]
