# --calendar FILE replaces the built-in rules/calendars/fr.json.
# A small valid calendar with only Christmas and Ascension (tests/cli/fixtures/small.json).
$ echeance holidays 2022 --calendar tests/cli/fixtures/small.json
2022-05-26	Ascension
2022-12-25	Christmas Day
[exit 0]
$ echeance deadline 2022-04-14 P6W --calendar tests/cli/fixtures/small.json --territory METRO
2022-05-27
[exit 0]
# A missing file.
$ echeance deadline 2022-04-14 P6W --calendar tests/cli/fixtures/missing.json
2> echeance: tests/cli/fixtures/missing.json: error [echeance.calendar.io]: cannot read calendar file "tests/cli/fixtures/missing.json"
[exit 1]
$ echeance holidays 2025 --calendar tests/cli/fixtures/missing.json
2> echeance: tests/cli/fixtures/missing.json: error [echeance.calendar.io]: cannot read calendar file "tests/cli/fixtures/missing.json"
[exit 1]
# Malformed JSON (a missing ']').
$ echeance deadline 2022-04-14 P6W --calendar tests/cli/fixtures/malformed.json
2> echeance: tests/cli/fixtures/malformed.json:6:13: error [echeance.calendar.syntax]: expected ',' or ']' after an array element, found ':'
[exit 1]
# Valid JSON with an unknown key: the JSON pointer of the bad field is given.
$ echeance deadline 2022-04-14 P6W --calendar tests/cli/fixtures/unknown_key.json
2> echeance: tests/cli/fixtures/unknown_key.json:4:81: /territories/0/colour: error [echeance.calendar.unknown_key]: unknown key "colour"
[exit 1]
# A setting of the built-in calendar is unknown in another calendar.
$ echeance deadline 2022-04-14 P6W --calendar tests/cli/fixtures/small.json --setting saint_martin_abolition=observed
2> echeance: --setting: error [echeance.calendar.setting]: unknown calendar setting "saint_martin_abolition"
[exit 1]
# A bad --calendar is reported before batch input is read.
$ echeance deadline --calendar tests/cli/fixtures/missing.json
< 2022-04-14 P6W
2> echeance: tests/cli/fixtures/missing.json: error [echeance.calendar.io]: cannot read calendar file "tests/cli/fixtures/missing.json"
[exit 1]
