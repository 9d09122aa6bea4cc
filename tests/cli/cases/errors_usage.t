# Usage errors: exit 2.
# Unknown convention.
$ echeance deadline 2022-04-14 P6W --convention roman
2> echeance: usage error: --convention: roman not in {plain,cpc,eu}
2> Run with --help for more information.
[exit 2]
# A DATE without a PERIOD.
$ echeance deadline 2022-04-14
2> echeance: usage error: deadline needs DATE and PERIOD, or neither (batch mode)
[exit 2]
$ echeance add 2022-04-14
2> echeance: usage error: add needs DATE and PERIOD, or neither (batch mode)
[exit 2]
# A third positional argument.
$ echeance add 2022-04-14 P6W P1D
2> echeance: usage error: The following argument was not expected: P1D
2> Run with --help for more information.
[exit 2]
# --explain in batch mode.
$ echeance deadline --explain
2> echeance: usage error: --explain needs DATE and PERIOD (batch mode prints one line per input)
[exit 2]
# Unknown subcommand, no subcommand.
$ echeance frobnicate 2022-04-14 P6W
2> echeance: usage error: unknown command "frobnicate" (expected one of: add, deadline, holidays, replay, due, check, journal)
[exit 2]
$ echeance
2> echeance: usage error: A subcommand is required
2> Run with --help for more information.
[exit 2]
# Unknown option.
$ echeance deadline 2022-04-14 P6W --colour
2> echeance: usage error: The following argument was not expected: --colour
2> Run with --help for more information.
[exit 2]
# holidays without YEAR.
$ echeance holidays
2> echeance: usage error: YEAR is required
2> Run with --help for more information.
[exit 2]
