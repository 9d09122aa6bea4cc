# Bad input other than dates and periods: exit 1.
# Unknown territory: the message lists the known ids and aliases.
$ echeance deadline 2022-04-14 P6W --territory FR-99
2> echeance: --territory: error [echeance.calendar.unknown_territory]: unknown territory "FR-99" (expected one of: FR FR-57 FR-67 FR-68 FR-971 FR-972 FR-973 FR-974 FR-976 FR-BL FR-MF; or an alias GP MQ GF RE YT BL MF)
[exit 1]
$ echeance holidays 2025 --territory XX
2> echeance: --territory: error [echeance.calendar.unknown_territory]: unknown territory "XX" (expected one of: FR FR-57 FR-67 FR-68 FR-971 FR-972 FR-973 FR-974 FR-976 FR-BL FR-MF; or an alias GP MQ GF RE YT BL MF)
[exit 1]
# Bad --setting: not name=value, unknown name, unknown value.
$ echeance deadline 2022-04-14 P6W --setting saint_martin_abolition
2> echeance: --setting: error [echeance.calendar.setting]: setting "saint_martin_abolition" is not of the form name=value
[exit 1]
$ echeance deadline 2022-04-14 P6W --setting =observed
2> echeance: --setting: error [echeance.calendar.setting]: setting "=observed" is not of the form name=value
[exit 1]
$ echeance deadline 2022-04-14 P6W --setting easter=orthodox
2> echeance: --setting: error [echeance.calendar.setting]: unknown calendar setting "easter"
[exit 1]
$ echeance holidays 2025 --setting saint_martin_abolition=sometimes
2> echeance: --setting: error [echeance.calendar.setting]: calendar setting saint_martin_abolition cannot be "sometimes" (expected one of: decree, observed, both)
[exit 1]
# holidays with a bad year: four digits, 1583-9999.
$ echeance holidays 25
2> echeance: YEAR: error [echeance.date.invalid]: invalid year "25" (expected four digits, 1583 to 9999)
[exit 1]
$ echeance holidays 1582
2> echeance: YEAR: error [echeance.date.invalid]: invalid year "1582" (expected four digits, 1583 to 9999)
[exit 1]
$ echeance holidays 20x5
2> echeance: YEAR: error [echeance.date.invalid]: invalid year "20x5" (expected four digits, 1583 to 9999)
[exit 1]
$ echeance holidays 10000
2> echeance: YEAR: error [echeance.date.invalid]: invalid year "10000" (expected four digits, 1583 to 9999)
[exit 1]
# Results out of range (after 9999-12-31).
$ echeance add 9999-12-01 P1M
2> echeance: error [echeance.date.out_of_range]: 9999-12-01 + P1M falls after 9999-12-31
[exit 1]
$ echeance deadline 9999-12-01 P1M
2> echeance: error [echeance.date.out_of_range]: 9999-12-01 + P1M falls after 9999-12-31
[exit 1]
$ echeance add 2022-01-01 P999999999Y
2> echeance: error [echeance.date.out_of_range]: 2022-01-01 + P999999999Y falls after 9999-12-31
[exit 1]
# Up to the last day is fine: 9999-12-31 is a Friday, a working day.
$ echeance add 9999-11-30 P31D
9999-12-31
[exit 0]
$ echeance deadline 9999-12-30 P1D
9999-12-31
[exit 0]
# A deadline extended past 9999-12-31 (a calendar where 31 December is a holiday).
$ echeance deadline 9999-12-30 P1D --calendar tests/cli/fixtures/new_years_eve.json
2> echeance: error [echeance.date.out_of_range]: the deadline of 9999-12-30 + P1D falls after 9999-12-31
[exit 1]
$ echeance deadline 9999-12-30 P1D --calendar tests/cli/fixtures/new_years_eve.json --convention plain
9999-12-31
[exit 0]
# An echoed value is cut at 80 bytes: a huge bad line never floods the output.
$ echeance add
< 2022-01-01 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
error: <stdin>:1:12: [echeance.period.invalid] invalid period "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...": it must start with 'P' (expected ISO 8601 PnYnMnWnD, e.g. P6W or P1Y2M10D)
[exit 1]
